import EPDomain
import EPServer
import EPStore
import Foundation
import Hummingbird

/// The IRO's alert queue across the cases they can see (most overdue first, filtered by rule and
/// status) and acknowledging an alert with a note.
struct AlertPages: Sendable {
    let services: ApplicationServices
    let pages: PageRenderer
    /// Alerts a page shows: a screenful an IRO works through, most overdue first (and half the
    /// cases loaded and evaluated per page that fifty would cost).
    static let pageSize = 25

    func register(on group: RouterGroup<ServerRequestContext>) {
        group.get("/alerts") { request, _ in try await queue(FormData.query(of: request)) }
        group.get("/cases/:case/alerts/:rule/acknowledge") { _, context in
            try await acknowledgeForm(try CasePages.caseID(context), rule: context.parameters.get("rule") ?? "")
        }
        group.post("/cases/:case/alerts/:rule/acknowledge") { _, context in
            try await acknowledge(try CasePages.caseID(context), rule: context.parameters.get("rule") ?? "")
        }
    }

    private func queue(_ query: FormData) async throws -> Response {
        let user = try WebScope.requireUser()
        var errors: [FieldError] = []
        // (In the form's order, as the error summary lists them.)
        let inForce = services.policy.rules.filter(\.enabled).map(\.rule.id)
        let rule = query.filter("rule", "Choose a rule from the list: the link asked for one that is not in force here", errors: &errors) {
            inForce.contains($0) ? $0 : nil
        }
        let status = query.filter("status", "Choose overdue or due soon: the link asked for another status", errors: &errors) {
            RuleStatus(rawValue: $0).flatMap { $0.isOpen ? $0 : nil }
        }
        let position = try? Cursor.alertPosition(query.trimmed("after"))
        let page = try await services.alerts.openAlerts(
            by: user.caller, status: status, ruleID: rule, asOf: nil, limit: Self.pageSize, from: position ?? nil,
            requestID: RequestScope.requestID
        )
        var context: TemplateContext = [
            "alertRows": Self.rows(page.items, canAcknowledge: user.caller.role.acknowledgesAlerts),
            "none": page.items.isEmpty, "asOf": page.asOf.written,
            "rules": inForce.map { ["value": $0, "label": Words.ruleTitle($0), "selected": $0 == rule] },
            "statuses": [RuleStatus.overdue, .dueSoon].map { ["value": $0.rawValue, "label": Words.status($0), "selected": $0 == status] },
        ]
        if let next = page.next {
            context["next"] = "/alerts?rule=\(rule ?? "")&status=\(status?.rawValue ?? "")&after=\(Cursor.encode(next))"
        }
        context.put("done", query["done"] == "acknowledged" ? "Alert acknowledged" : nil)
        context.put("ruleError", FieldErrors.message(for: ["rule"], in: errors))
        context.put("statusError", FieldErrors.message(for: ["status"], in: errors))
        return pages.page("alerts", title: "Alerts", context, section: "/alerts", errors: errors, status: errors.isEmpty ? .ok : .badRequest)
    }

    /// One table row per open alert: the case, the rule (title and id), the status in words with
    /// how late, the due date, the message, when it was last acknowledged and the acknowledge
    /// link (see `HTML` for why in Swift).
    static func rows(_ alerts: [CaseAlert], canAcknowledge: Bool) -> String {
        var html = ""
        for alert in alerts {
            let caseID = alert.caseID.uuidString.lowercased()
            let reference = HTML.escape(alert.reference)
            let title = HTML.escape(Words.ruleTitle(alert.result.ruleID))
            let ruleID = HTML.escape(alert.result.ruleID)
            html += "<tr><td><a href=\"/cases/\(caseID)\">\(reference)</a><br><span class=\"hint\">\(HTML.escape(alert.localAuthority))</span></td>"
            html += "<td>\(title)<br><span class=\"hint\">\(ruleID)</span></td>"
            html += "<td><span class=\"tag tag--\(alert.result.status.rawValue)\">\(Words.status(alert.result.status))</span>"
            if let days = alert.result.daysOverdue { html += "<br>by \(days == 1 ? "1 day" : "\(days) days")" }
            html += "</td><td>\(alert.result.dueOn?.written ?? "")</td><td>\(HTML.escape(Words.message(alert.result)))"
            // The latest of this alert's, not of an earlier deadline under the same rule.
            if let last = alert.acknowledgements.last(where: { $0.isOf(alert.result) }) {
                html += "<br><span class=\"hint acknowledged\">Last acknowledged on \(Clock.calendarDate(of: last.acknowledgedAt).written)</span>"
            }
            if canAcknowledge {
                html += "<br><a href=\"/cases/\(caseID)/alerts/\(ruleID)/acknowledge\">Acknowledge<span class=\"visually-hidden\"> \(title) on \(reference)</span></a>"
            }
            html += "</td></tr>\n"
        }
        return html
    }

    private func acknowledgeForm(_ id: UUID, rule: String, form: FormData? = nil, errors: [FieldError] = [], status: HTTPResponse.Status = .ok) async throws -> Response {
        let user = try WebScope.requireUser()
        guard user.caller.role.acknowledgesAlerts else { throw ServiceError.forbidden("only IROs acknowledge alerts") }
        let view = try await services.alerts.results(caseID: id, by: user.caller, asOf: nil, requestID: RequestScope.requestID)
        let reference = try await services.cases.view(caseID: id, by: user.caller, asOf: nil, requestID: RequestScope.requestID).subject.reference
        guard let result = view.results.first(where: { $0.ruleID == rule }) else { throw ServiceError.notFound("no rule \(rule)") }
        var context: TemplateContext = [
            "id": id.uuidString.lowercased(), "reference": reference, "ruleID": rule, "ruleTitle": Words.ruleTitle(rule),
            "status": result.status.rawValue, "statusWords": Words.status(result.status), "message": Words.message(result),
            "note": form?["note"] ?? "", "idempotencyKey": form?["idempotency_key"] ?? UUID.random().uuidString.lowercased(),
            "isOpen": result.status.isOpen, "statusLower": Words.status(result.status).lowercased(),
            // The alert as shown: the acknowledgement is refused if another has become the open one.
            "anchorOn": result.anchorOn?.iso ?? "",
        ]
        context.put("due", result.dueOn?.written)
        context.put("noteError", FieldErrors.message(for: ["note"], in: errors))
        return pages.page("acknowledge", title: "Acknowledge: \(Words.ruleTitle(rule))", context, section: "/alerts", errors: errors, status: status)
    }

    private func acknowledge(_ id: UUID, rule: String) async throws -> Response {
        let user = try WebScope.requireUser()
        let form = WebScope.form ?? FormData(encoded: "")
        do {
            let idempotency = try IdempotencyRequest(
                key: form["idempotency_key"], operation: "page:acknowledge", target: "/cases/\(id.uuidString.lowercased())/\(rule)", body: form
            )
            _ = try await services.alerts.acknowledge(
                caseID: id, ruleID: rule, note: form.trimmed("note") ?? "", anchorOn: form.trimmed("anchor_on").flatMap(CalendarDate.init(iso:)),
                by: user.caller, requestID: RequestScope.requestID,
                idempotency: idempotency, response: { acknowledgement in try .init(body: ["id": acknowledgement.id.uuidString.lowercased()]) }
            )
            return PageRenderer.redirect(to: "/alerts?done=acknowledged")
        } catch let error as ValidationError {
            return try await acknowledgeForm(id, rule: rule, form: form, errors: [FieldErrors.from(error, targets: ["/note": "note"])], status: .unprocessableContent)
        } catch ServiceError.alertNotOpen {
            // The page says the alert is not open, in place of the form.
            return try await acknowledgeForm(id, rule: rule, form: form, status: .conflict)
        } catch ServiceError.alertMoved {
            // The form again, showing the alert that is open now (and its anchor), the note kept.
            return try await acknowledgeForm(id, rule: rule, form: form, errors: [
                FieldError(target: "note", message: "Another alert of this rule has become the open one since you opened this form: check it above, then send again"),
            ], status: .conflict)
        }
    }
}
