import EPDomain
import EPServer
import EPStore
import Foundation
import Hummingbird

/// Recording a milestone (choose the kind, then that kind's fields), correcting one and
/// retracting one: each through `CaseService.record`, the API's own write path.
struct MilestonePages: Sendable {
    let services: ApplicationServices
    let pages: PageRenderer

    func register(on group: RouterGroup<ServerRequestContext>) {
        group.get("/cases/:case/milestones/new") { request, context in
            try await new(try CasePages.caseID(context), kind: FormData.query(of: request)["kind"])
        }
        group.post("/cases/:case/milestones") { _, context in try await record(try CasePages.caseID(context)) }
        group.get("/cases/:case/milestones/:milestone/correct") { _, context in
            try await change(try CasePages.caseID(context), try Self.milestoneID(context), retract: false)
        }
        group.post("/cases/:case/milestones/:milestone/correct") { _, context in
            try await submitChange(try CasePages.caseID(context), try Self.milestoneID(context), retract: false)
        }
        group.get("/cases/:case/milestones/:milestone/retract") { _, context in
            try await change(try CasePages.caseID(context), try Self.milestoneID(context), retract: true)
        }
        group.post("/cases/:case/milestones/:milestone/retract") { _, context in
            try await submitChange(try CasePages.caseID(context), try Self.milestoneID(context), retract: true)
        }
    }

    static func milestoneID(_ context: ServerRequestContext) throws -> UUID {
        guard let text = context.parameters.get("milestone"), let id = UUID(uuidString: text) else { throw ServiceError.notFound("no such milestone") }
        return id
    }

    private func writer() throws -> WebUser {
        let user = try WebScope.requireUser()
        guard user.caller.role.writesCases else { throw ServiceError.forbidden("only social workers record milestones") }
        return user
    }

    /// The kind chooser, or the chosen kind's form.
    private func new(_ id: UUID, kind: String?, form: FormData? = nil, errors: [FieldError] = [], status: HTTPResponse.Status = .ok) async throws -> Response {
        let user = try writer()
        let view = try await services.cases.view(caseID: id, by: user.caller, asOf: nil, requestID: RequestScope.requestID)
        // An ended journey takes nothing new: say so before anyone fills in a form (a form sent
        // is answered by the API's refusal beside its field, as before).
        if form == nil, let ending = view.subject.journey.milestones.first(where: \.kind.endsJourney) {
            return pages.page("message", title: "This journey has ended", [
                "heading": "This journey has ended",
                "paragraphs": ["It ended with \(Words.kind(ending.kind).lowercased()) on \(ending.occurredOn.written). Nothing new can be recorded unless that record is corrected or retracted, from the case's timeline."],
                "link": ["href": "/cases/\(id.uuidString.lowercased())", "label": "Go to the case"],
            ], section: "/cases", status: .conflict)
        }
        var context: TemplateContext = ["id": id.uuidString.lowercased(), "reference": view.subject.reference]
        guard let kind = kind.flatMap(MilestoneKind.init(rawValue:)) else {
            context["kinds"] = MilestoneKind.allCases.map { ["value": $0.rawValue, "label": Words.kind($0)] }
            if kind != nil { context["kindError"] = "Choose what happened" }
            let errors = kind != nil ? [FieldError(target: "kind-\(MilestoneKind.allCases[0].rawValue)", message: "Choose what happened")] : []
            return pages.page("milestone-kind", title: "What happened?", context, section: "/cases", errors: errors, status: kind != nil ? .badRequest : .ok)
        }
        context.merge(MilestoneForm.values(of: form, kind: kind, errors: errors)) { $1 }
        context.merge(Self.errorContext(errors)) { $1 }
        context["kind"] = kind.rawValue
        context["kindLabel"] = Words.kind(kind)
        context["action"] = "/cases/\(id.uuidString.lowercased())/milestones"
        context["submit"] = "Save milestone"
        context["idempotencyKey"] = form?["idempotency_key"] ?? UUID.random().uuidString.lowercased()
        return pages.page("milestone-form", title: "Record: \(Words.kind(kind))", context, section: "/cases", errors: errors, status: status)
    }

    private func record(_ id: UUID) async throws -> Response {
        let user = try writer()
        let form = WebScope.form ?? FormData(encoded: "")
        guard let kind = form["kind"].flatMap(MilestoneKind.init(rawValue:)) else { return try await new(id, kind: "") }
        do {
            let input = try MilestoneForm(kind: kind, form: form).input()
            let idempotency = try IdempotencyRequest(
                key: form["idempotency_key"], operation: "page:record", target: "/cases/\(id.uuidString.lowercased())", body: form
            )
            _ = try await services.cases.record(
                .record(input), caseID: id, by: user.caller, requestID: RequestScope.requestID, idempotency: idempotency,
                response: { recorded in try .init(body: ["id": recorded.milestone.id.uuidString.lowercased()]) }
            )
            return PageRenderer.redirect(to: "/cases/\(id.uuidString.lowercased())?done=recorded")
        } catch {
            guard let refused = Self.refusals(error) else { throw error }
            return try await new(id, kind: kind.rawValue, form: form, errors: refused.map { Self.fieldError($0, kind: kind) }, status: status(of: refused[0]))
        }
    }

    // MARK: Corrections and retractions

    private func change(
        _ id: UUID, _ milestoneID: UUID, retract: Bool, form: FormData? = nil, errors: [FieldError] = [], status: HTTPResponse.Status = .ok
    ) async throws -> Response {
        let user = try writer()
        let view = try await services.cases.view(caseID: id, by: user.caller, asOf: nil, requestID: RequestScope.requestID)
        guard let milestone = view.subject.records.first(where: { $0.id == milestoneID }) else { throw ServiceError.notFound("no such milestone") }
        // Only the record that stands now can be changed: say so before anyone fills in a form.
        guard form != nil || view.subject.journey.milestones.contains(where: { $0.id == milestoneID }) else {
            return pages.page("message", title: "This record has changed since", [
                "heading": "This record has been corrected or retracted since",
                "paragraphs": ["Only the latest version of a milestone can be corrected or retracted. The case's timeline shows it, and the history of every change."],
                "link": ["href": "/cases/\(id.uuidString.lowercased())", "label": "Go to the case"],
            ], section: "/cases", status: .conflict)
        }
        var context: TemplateContext = [
            "id": id.uuidString.lowercased(), "reference": view.subject.reference, "retract": retract,
            "kind": milestone.kind.rawValue, "kindLabel": Words.kind(milestone.kind), "originalDate": milestone.occurredOn.written,
            "action": "/cases/\(id.uuidString.lowercased())/milestones/\(milestoneID.uuidString.lowercased())/\(retract ? "retract" : "correct")",
            "submit": retract ? "Retract milestone" : "Save correction",
            "idempotencyKey": form?["idempotency_key"] ?? UUID.random().uuidString.lowercased(), "isChange": true,
        ]
        context.merge(MilestoneForm.values(of: form, kind: milestone.kind, milestone: retract ? nil : milestone, errors: errors)) { $1 }
        context.merge(Self.errorContext(errors)) { $1 }
        let title = retract ? "Retract: \(Words.kind(milestone.kind))" : "Correct: \(Words.kind(milestone.kind))"
        return pages.page(retract ? "milestone-retract" : "milestone-form", title: title, context, section: "/cases", errors: errors, status: status)
    }

    private func submitChange(_ id: UUID, _ milestoneID: UUID, retract: Bool) async throws -> Response {
        let user = try writer()
        let form = WebScope.form ?? FormData(encoded: "")
        let view = try await services.cases.view(caseID: id, by: user.caller, asOf: nil, requestID: RequestScope.requestID)
        guard let milestone = view.subject.records.first(where: { $0.id == milestoneID }) else { throw ServiceError.notFound("no such milestone") }
        do {
            let reason: String
            let change: CaseChange
            do {
                reason = try MilestoneForm.reason(form)
            } catch {
                // A correction's other fields are checked too, to show every error at once.
                if !retract { _ = try MilestoneForm(kind: milestone.kind, form: form).input(after: [error]) }
                throw error
            }
            change = retract
                ? .retract(milestoneID, reason: reason)
                : .correct(milestoneID, replacement: try MilestoneForm(kind: milestone.kind, form: form).input(), reason: reason)
            let idempotency = try IdempotencyRequest(
                key: form["idempotency_key"], operation: "page:change", target: "/cases/\(id.uuidString.lowercased())/\(milestoneID)", body: form
            )
            _ = try await services.cases.record(
                change, caseID: id, by: user.caller, requestID: RequestScope.requestID, idempotency: idempotency,
                response: { recorded in try .init(body: ["id": recorded.milestone.id.uuidString.lowercased()]) }
            )
            return PageRenderer.redirect(to: "/cases/\(id.uuidString.lowercased())?done=\(retract ? "retracted" : "corrected")")
        } catch {
            guard let refused = Self.refusals(error) else { throw error }
            let errors = refused.map { Self.fieldError($0, kind: milestone.kind) }
            return try await change(id, milestoneID, retract: retract, form: form, errors: errors, status: status(of: refused[0]))
        }
    }

    /// What a submission was refused for, shown beside the fields: every error the form found
    /// itself, or the one the service found; nil for any other error.
    private static func refusals(_ error: any Error) -> [ValidationError]? {
        if let refusal = error as? MilestoneForm.Refusal { return refusal.errors }
        return (error as? ValidationError).map { [$0] }
    }

    /// The API's status for the refusal: 422 for a wrong value, 409 for a clash with the journey
    /// (the page shows either beside its field).
    private func status(of error: ValidationError) -> HTTPResponse.Status {
        error.category == .chronologyConflict ? .conflict : .unprocessableContent
    }

    static func fieldError(_ error: ValidationError, kind: MilestoneKind) -> FieldError {
        // A clash with the journey as a whole (the kind, the record being corrected) is about
        // the form, not one field: its summary entry links to the form's heading.
        var targets = ["/kind": "form-title", "/milestone_id": "form-title", "/note": "note", "/reason": "reason", "/occurred_on": "occurred_on-day"]
        for field in DetailField.fields(for: kind) { targets["/details/\(field.key)"] = field.target }
        let found = FieldErrors.from(error, targets: targets)
        // A choice's values as its radios word them ("cancelled by family", not the API's code).
        guard let field = DetailField.fields(for: kind).first(where: { "/details/\($0.key)" == error.field }), case .choice(let values) = field.input else {
            return found
        }
        let message = values.sorted { $0.count > $1.count }.reduce(found.message) { text, value in
            let words = Words.value(value)
            return text.replacingOccurrences(of: value, with: words.prefix(1).lowercased() + words.dropFirst())
        }
        return FieldError(target: found.target, message: message)
    }

    /// The messages of the fields every milestone form has (the detail fields carry their own).
    static func errorContext(_ errors: [FieldError]) -> TemplateContext {
        var context: TemplateContext = [:]
        context.put("dateError", FieldErrors.message(for: ["occurred_on-day"], in: errors))
        context.put("noteError", FieldErrors.message(for: ["note"], in: errors))
        context.put("reasonError", FieldErrors.message(for: ["reason"], in: errors))
        return context
    }
}
