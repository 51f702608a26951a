import EPDomain
import EPServer
import EPStore
import Foundation
import Hummingbird

/// The cases a person may see, one case's page, opening a case and changing its profile: each
/// handler reads the form, calls one of the API's services and renders the answer.
struct CasePages: Sendable {
    let services: ApplicationServices
    let pages: PageRenderer
    static let pageSize = 50

    func register(on group: RouterGroup<ServerRequestContext>) {
        group.get("/cases") { request, _ in try await list(FormData.query(of: request)) }
        group.get("/cases/new") { _, _ in try newCase(form: nil, errors: []) }
        group.post("/cases") { _, _ in try await open() }
        group.get("/cases/:case") { request, context in try await show(try Self.caseID(context), query: FormData.query(of: request)) }
        group.get("/cases/:case/profile") { _, context in try await profile(try Self.caseID(context)) }
        group.post("/cases/:case/profile") { _, context in try await changeProfile(try Self.caseID(context)) }
    }

    static func caseID(_ context: ServerRequestContext) throws -> UUID {
        guard let text = context.parameters.get("case"), let id = UUID(uuidString: text) else {
            throw ServiceError.notFound("no such case")
        }
        return id
    }

    private func list(_ query: FormData) async throws -> Response {
        let user = try WebScope.requireUser()
        var errors: [FieldError] = []
        let state = query.filter("state", "Choose a state from the list: the link asked for one this service does not have", errors: &errors) {
            JourneyState(rawValue: $0)
        }
        let reference = query.trimmed("reference")
        let cursor = try? Cursor.caseCursor(query.trimmed("after"))
        let found = try await services.cases.list(
            by: user.caller, state: state, localAuthority: nil, reference: reference, limit: Self.pageSize + 1, after: cursor ?? nil,
            requestID: RequestScope.requestID
        )
        let shown = Array(found.prefix(Self.pageSize))
        var context: [String: Any] = [
            "cases": shown.map { summary in
                [
                    "id": summary.subject.id.uuidString.lowercased(), "reference": summary.subject.reference,
                    "localAuthority": summary.subject.localAuthority, "state": Words.state(summary.state), "stateID": summary.state.rawValue,
                    "opened": Clock.calendarDate(of: summary.subject.createdAt).written,
                ]
            },
            "none": shown.isEmpty, "filtered": state != nil || reference != nil, "reference": reference ?? "",
            "states": JourneyState.allCases.map { ["value": $0.rawValue, "label": Words.state($0), "selected": $0 == state] },
            "canOpen": user.caller.role.writesCases,
        ]
        // Only when there is one: an empty link would reload the same page for ever.
        if found.count > Self.pageSize, let last = shown.last {
            let after = Cursor.encode(CaseCursor(createdAt: last.subject.createdAt, id: last.subject.id))
            context["next"] = "/cases?state=\(state?.rawValue ?? "")&reference=\(FormEncoding.encode(reference ?? ""))&after=\(after)"
        }
        context.put("stateError", FieldErrors.message(for: ["state"], in: errors))
        return pages.page("cases", title: "Cases", context, section: "/cases", errors: errors, status: errors.isEmpty ? .ok : .badRequest)
    }

    // MARK: Opening a case

    private func newCase(form: FormData?, errors: [FieldError], status: HTTPResponse.Status = .ok) throws -> Response {
        let user = try WebScope.requireUser()
        guard user.caller.role.writesCases else { throw ServiceError.forbidden("only social workers open cases") }
        let authorities = user.caller.visibleLocalAuthorities.sorted()
        let chosen = form?["local_authority"] ?? authorities.first ?? ""
        var context = ProfileFields.context(form: form, current: nil, errors: errors)
        context["reference"] = form?["reference"] ?? ""
        context.put("referenceError", FieldErrors.message(for: ["reference"], in: errors))
        context.put("localAuthorityError", FieldErrors.message(for: ["local_authority"], in: errors))
        context["chooseAuthority"] = authorities.count > 1
        context["authority"] = chosen
        context["authorities"] = authorities.map { ["value": $0, "selected": $0 == chosen] }
        context["unbornYes"] = form?["unborn"] == "yes"
        context["unbornNo"] = form?["unborn"] == "no"
        context.put("unbornError", FieldErrors.message(for: ["unborn-yes"], in: errors))
        context["idempotencyKey"] = form?["idempotency_key"] ?? UUID.random().uuidString.lowercased()
        return pages.page("case-new", title: "Open a case", context, section: "/cases", errors: errors, status: status)
    }

    private func open() async throws -> Response {
        let user = try WebScope.requireUser()
        let form = WebScope.form ?? FormData(encoded: "")
        var errors: [FieldError] = []
        let reference = form.trimmed("reference") ?? ""
        // Every field's refusal at once, in the form's order: the reference, whether the child is
        // born, then the profile.
        do { try ProfileValidator.check(reference: reference) } catch { errors.append(FieldErrors.from(error, targets: ProfileFields.targets)) }
        // (Any answer but yes or no is as unanswered: the same refusal follows.)
        let unborn = (try? form.yesNo("unborn", field: "/profile/unborn", "")) ?? nil
        if unborn == nil { errors.append(FieldError(target: "unborn-yes", message: "Say whether the child is born yet")) }
        let profile = ProfileFields.profile(from: form, unborn: unborn ?? false, errors: &errors)
        guard errors.isEmpty, let profile else { return try newCase(form: form, errors: errors, status: .unprocessableContent) }
        let draft = NewCase(
            reference: reference, localAuthority: form["local_authority"] ?? user.caller.visibleLocalAuthorities.sorted().first ?? "",
            adoptionAgency: nil, profile: profile
        )
        do {
            let idempotency = try IdempotencyRequest(key: form["idempotency_key"], operation: "page:open-case", target: "/cases", body: form)
            let answer = try await services.cases.open(
                draft, by: user.caller, requestID: RequestScope.requestID, idempotency: idempotency,
                response: { view in try .init(body: ["id": view.subject.id.uuidString.lowercased()]) }
            )
            let id = try Replayed.id(answer) { $0.subject.id }
            return PageRenderer.redirect(to: "/cases/\(id)?done=opened")
        } catch let error as ValidationError {
            return try newCase(form: form, errors: [FieldErrors.from(error, targets: ProfileFields.targets)], status: .unprocessableContent)
        } catch StoreError.duplicateReference(let taken) {
            return try newCase(form: form, errors: [FieldError(target: "reference", message: "Your local authority already has a case \(taken): use another reference")], status: .conflict)
        }
    }

    // MARK: One case

    private func show(_ id: UUID, query: FormData) async throws -> Response {
        let user = try WebScope.requireUser()
        let view = try await services.cases.view(caseID: id, by: user.caller, asOf: nil, requestID: RequestScope.requestID)
        var context = CasePresenter.context(view, for: user.caller)
        context.put("done", query["done"].flatMap { Self.doneMessages[$0] })
        return pages.page("case", title: "Case \(view.subject.reference)", context, section: "/cases")
    }

    static let doneMessages = [
        "opened": "Case opened", "recorded": "Milestone saved", "corrected": "Correction saved", "retracted": "Milestone retracted",
        "profile": "Profile changed", "acknowledged": "Alert acknowledged",
    ]

    // MARK: Profile

    private func profile(_ id: UUID, form: FormData? = nil, errors: [FieldError] = [], stale: Bool = false, status: HTTPResponse.Status = .ok) async throws -> Response {
        let user = try WebScope.requireUser()
        guard user.caller.role.writesCases else { throw ServiceError.forbidden("only social workers change cases") }
        let view = try await services.cases.view(caseID: id, by: user.caller, asOf: nil, requestID: RequestScope.requestID)
        var context = ProfileFields.context(form: stale ? nil : form, current: view.subject.profile, errors: errors)
        context["id"] = id.uuidString.lowercased()
        context["reference"] = view.subject.reference
        context["version"] = String(view.subject.version)
        context["stale"] = stale
        context["isUnborn"] = view.subject.profile.unborn
        return pages.page("case-profile", title: "Change the profile of \(view.subject.reference)", context, section: "/cases", errors: errors, status: status)
    }

    private func changeProfile(_ id: UUID) async throws -> Response {
        let user = try WebScope.requireUser()
        let form = WebScope.form ?? FormData(encoded: "")
        let update: CaseUpdate
        do {
            update = try ProfileFields.update(from: form)
        } catch {
            return try await profile(id, form: form, errors: [FieldErrors.from(error, targets: ProfileFields.targets)], status: .unprocessableContent)
        }
        do {
            _ = try await services.cases.update(
                caseID: id, update, ifMatch: "\"v\(form["version"] ?? "")\"", by: user.caller, requestID: RequestScope.requestID
            )
            return PageRenderer.redirect(to: "/cases/\(id.uuidString.lowercased())?done=profile")
        } catch ServiceError.preconditionFailed, ServiceError.preconditionRequired {
            // The same form sent twice (a double click): the first sending saved what it asks,
            // so nothing was lost, and the page says it was saved, not that someone else changed it.
            let current = try await services.cases.view(caseID: id, by: user.caller, asOf: nil, requestID: RequestScope.requestID).subject
            if update.isAlreadyIn(current) { return PageRenderer.redirect(to: "/cases/\(id.uuidString.lowercased())?done=profile") }
            return try await profile(id, form: form, stale: true, status: .conflict)
        } catch let error as ValidationError {
            return try await profile(id, form: form, errors: [FieldErrors.from(error, targets: ProfileFields.targets)], status: .unprocessableContent)
        }
    }
}

/// The id of what a form created, whether it was created now or by the first submission of the
/// same form (a double click replays the first answer instead of creating twice).
enum Replayed {
    private struct Created: Decodable { let id: String }

    static func id<T>(_ answer: Replayable<T>, _ fresh: (T) -> UUID) throws -> String {
        switch answer {
        case .fresh(let value): return fresh(value).uuidString.lowercased()
        case .replay(let record): return try JSONDecoder().decode(Created.self, from: Data(record.body.utf8)).id
        }
    }
}

/// A value percent-encoded for a query string or a form body: everything but letters, digits
/// and `-._~` (and whatever `keeping` adds, such as the `/` of a path).
enum FormEncoding {
    static func encode(_ value: String, keeping: String = "") -> String {
        value.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~" + keeping))) ?? ""
    }
}
