import EPDomain
import EPServer
import EPStore
import Foundation

/// One case as its page shows it: the profile, every rule's result today (most urgent first),
/// the journey as a timeline with corrections and retractions shown as such, and what the
/// signed-in person may do.
enum CasePresenter {
    static func context(_ view: CaseView, for caller: Caller) -> TemplateContext {
        let subject = view.subject
        let id = subject.id.uuidString.lowercased()
        let profile = subject.profile
        var rows: [[String: String]] = [
            ["key": "Reference", "value": subject.reference],
            ["key": "Local authority", "value": subject.localAuthority],
            ["key": "Where the journey stands", "value": Words.state(view.state)],
            ["key": "Sex", "value": Words.value(profile.sex.rawValue)],
            ["key": "Ethnicity", "value": Words.ethnicity(profile.ethnicity)],
            ["key": "Sibling group size", "value": String(profile.siblingGroupSize)],
            ["key": "Disability", "value": profile.disability ? "Yes" : "No"],
        ]
        if profile.unborn, let month = profile.expectedBirthMonth {
            rows.append(["key": "Expected birth", "value": "\(CalendarDate.monthNames[month.month - 1]) \(month.year)"])
        }
        if let agency = subject.adoptionAgency { rows.append(["key": "Adoption agency", "value": agency]) }
        let canWrite = caller.role.writesCases
        let results = view.results.sorted { ($0.status, $0.dueOn?.dayNumber ?? .max, $0.ruleID) < ($1.status, $1.dueOn?.dayNumber ?? .max, $1.ruleID) }
        return [
            "id": id, "reference": subject.reference, "state": Words.state(view.state), "profile": rows,
            "canWrite": canWrite, "openCount": view.openAlerts.count,
            "resultRows": resultRows(results, caseID: id, acknowledgements: view.acknowledgements, canAcknowledge: caller.role.acknowledgesAlerts),
            "timelineItems": timeline(subject, canWrite: canWrite),
            "findings": view.findings.map(\.message), "hasFindings": !view.findings.isEmpty,
        ]
    }

    /// One table row per rule, most urgent first: the title with its id and clause, the status
    /// in words (the tag's colour is a second signal only), the due date and the message.
    static func resultRows(_ results: [RuleResult], caseID: String, acknowledgements: [Acknowledgement], canAcknowledge: Bool) -> String {
        var html = ""
        for result in results {
            let title = HTML.escape(Words.ruleTitle(result.ruleID))
            let id = HTML.escape(result.ruleID)
            html += "<tr><td>\(title) <span class=\"hint\">\(id), Standard \(HTML.escape(result.standard))</span></td>"
            html += "<td><span class=\"tag tag--\(result.status.rawValue)\">\(Words.status(result.status))</span></td>"
            html += "<td>\(result.dueOn?.written ?? "")</td><td>\(HTML.escape(Words.message(result)))"
            // The latest of this alert's, not of an earlier deadline under the same rule.
            if let last = acknowledgements.last(where: { $0.isOf(result) }) {
                html += "<br><span class=\"hint\">Acknowledged: \(HTML.escape(last.note))</span>"
            }
            if canAcknowledge, result.status.isOpen {
                html += "<br><a href=\"/cases/\(caseID)/alerts/\(id)/acknowledge\">Acknowledge<span class=\"visually-hidden\"> \(title)</span></a>"
            }
            html += "</td></tr>\n"
        }
        return html
    }

    /// Every record in the order things happened (then the order they were recorded). A
    /// replaced or withdrawn record stays, struck through, beside the correction that says why.
    static func timeline(_ subject: Case, canWrite: Bool) -> String {
        var supersededBy: [UUID: Milestone] = [:]
        for record in subject.records { if let correction = record.correction { supersededBy[correction.supersedes] = record } }
        let ordered = subject.records.enumerated().sorted { ($0.element.occurredOn, $0.offset) < ($1.element.occurredOn, $1.offset) }.map(\.element)
        let caseID = subject.id.uuidString.lowercased()
        var html = ""
        for record in ordered {
            let replacedBy = supersededBy[record.id]
            let retraction = record.correction?.retracted == true
            let id = record.id.uuidString.lowercased()
            let title = HTML.escape(retraction ? "Retracted: \(Words.kind(record.kind))" : Words.kind(record.kind))
            let date = record.occurredOn.written
            html += "<li class=\"timeline__item\(replacedBy == nil ? "" : " timeline__item--superseded")\" data-milestone-id=\"\(id)\" data-kind=\"\(record.kind.rawValue)\">"
            html += "<h3 class=\"timeline__title\">\(title)"
            if let correction = record.correction {
                html += correction.retracted ? " <span class=\"tag tag--retracted\">Retracted</span>" : " <span class=\"tag tag--corrected\">Corrected</span>"
            }
            html += "</h3><p class=\"timeline__date\">\(date)"
            if let replacedBy { html += replacedBy.correction?.retracted == true ? ". Retracted later" : ". Replaced by a correction" }
            html += "</p>"
            for (key, value) in DetailsCodec.encode(record.details).sorted(by: { $0.key < $1.key }) {
                html += "<p class=\"timeline__body\">\(HTML.escape(Words.detailName(key))): \(HTML.escape(words(value)))</p>"
            }
            if let note = record.note { html += "<p class=\"timeline__body\">Note: \(HTML.escape(note))</p>" }
            if let correction = record.correction { html += "<p class=\"timeline__body\">Reason: \(HTML.escape(correction.reason))</p>" }
            if canWrite, replacedBy == nil, !retraction {
                let base = "/cases/\(caseID)/milestones/\(id)"
                html += "<p class=\"timeline__body\"><a href=\"\(base)/correct\">Correct<span class=\"visually-hidden\"> \(title), \(date)</span></a>"
                html += " · <a href=\"\(base)/retract\">Retract<span class=\"visually-hidden\"> \(title), \(date)</span></a></p>"
            }
            html += "</li>\n"
        }
        return html
    }

    static func words(_ value: DetailValue) -> String {
        switch value {
        case .string(let text): Words.value(text)
        case .integer(let number): String(number)
        case .boolean(let flag): flag ? "Yes" : "No"
        case .unsupported: ""
        }
    }
}
