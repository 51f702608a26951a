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
            ["key": "Ethnicity", "value": "\(profile.ethnicity.rawValue) (\(Words.value(profile.ethnicity.group.rawValue)))"],
            ["key": "Sibling group size", "value": String(profile.siblingGroupSize)],
            ["key": "Disability", "value": profile.disability ? "Yes" : "No"],
        ]
        if profile.unborn, let month = profile.expectedBirthMonth {
            rows.append(["key": "Expected birth", "value": "\(CalendarDate.monthNames[month.month - 1]) \(month.year)"])
        }
        if let agency = subject.adoptionAgency { rows.append(["key": "Adoption agency", "value": agency]) }
        let canWrite = caller.role.writesCases
        let acknowledged = Dictionary(grouping: view.acknowledgements, by: \.ruleID)
        let results = view.results.sorted { ($0.status, $0.dueOn?.dayNumber ?? .max, $0.ruleID) < ($1.status, $1.dueOn?.dayNumber ?? .max, $1.ruleID) }
        return [
            "id": id, "reference": subject.reference, "state": Words.state(view.state), "profile": rows,
            "canWrite": canWrite, "canAcknowledge": caller.role.acknowledgesAlerts,
            "openCount": view.openAlerts.count,
            "results": results.map { result -> TemplateContext in
                var row: TemplateContext = [
                    "ruleID": result.ruleID, "title": Words.ruleTitle(result.ruleID), "standard": result.standard,
                    "status": result.status.rawValue, "statusWords": Words.status(result.status), "message": Words.message(result),
                    "isOpen": result.status.isOpen,
                ]
                row.put("due", result.dueOn?.written)
                row.put("acknowledged", acknowledged[result.ruleID]?.last.map { "Acknowledged: \($0.note)" })
                return row
            },
            "timeline": timeline(subject, canWrite: canWrite),
            "findings": view.findings.map(\.message), "hasFindings": !view.findings.isEmpty,
        ]
    }

    /// Every record in the order things happened (then the order they were recorded). A
    /// replaced or withdrawn record stays, struck through, beside the correction that says why.
    static func timeline(_ subject: Case, canWrite: Bool) -> [TemplateContext] {
        var supersededBy: [UUID: Milestone] = [:]
        for record in subject.records { if let correction = record.correction { supersededBy[correction.supersedes] = record } }
        let ordered = subject.records.enumerated().sorted { ($0.element.occurredOn, $0.offset) < ($1.element.occurredOn, $1.offset) }.map(\.element)
        let caseID = subject.id.uuidString.lowercased()
        return ordered.map { record in
            let replacedBy = supersededBy[record.id]
            let retraction = record.correction?.retracted == true
            var item: TemplateContext = [
                "id": record.id.uuidString.lowercased(), "caseID": caseID,
                "title": retraction ? "Retracted: \(Words.kind(record.kind))" : Words.kind(record.kind),
                "date": record.occurredOn.written, "kind": record.kind.rawValue,
                "details": DetailsCodec.encode(record.details).sorted { $0.key < $1.key }.map { key, value in
                    "\(key.replacingOccurrences(of: "_", with: " ").capitalisedFirst): \(Self.words(value))"
                },
                "superseded": replacedBy != nil, "canChange": canWrite && replacedBy == nil && !retraction,
            ]
            item.put("note", record.note)
            if let correction = record.correction {
                item["tag"] = correction.retracted ? "Retracted" : "Corrected"
                item["tagClass"] = correction.retracted ? "retracted" : "corrected"
                item["reason"] = correction.reason
            }
            if let replacedBy {
                item.put("replaced", replacedBy.correction?.retracted == true ? "Retracted later" : "Replaced by a correction")
            }
            return item
        }
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
