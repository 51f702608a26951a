import EPDomain
import EPServer
import EPStore
import Foundation
import Hummingbird

/// The agency admin's page: the agencies registered here, the agency's partnerships (accept a
/// proposal, end one) and its API tokens (create, shown once; revoke).
struct AdminPages: Sendable {
    let services: ApplicationServices
    let pages: PageRenderer

    func register(on group: RouterGroup<ServerRequestContext>) {
        group.get("/admin") { request, _ in try await overview(FormData.query(of: request)) }
        group.post("/admin/tokens") { _, _ in try await createToken() }
        group.post("/admin/tokens/:token/revoke") { _, context in
            guard let id = context.parameters.get("token").flatMap(UUID.init(uuidString:)) else { throw ServiceError.notFound("no such token") }
            let user = try WebScope.requireUser()
            try await services.admin.revokeToken(id: id, by: user.caller, requestID: RequestScope.requestID)
            return PageRenderer.redirect(to: "/admin?done=revoked")
        }
        group.get("/admin/partnerships/:agency/:la/end") { _, context in
            try await confirmEnd(agency: context.parameters.get("agency") ?? "", localAuthority: context.parameters.get("la") ?? "")
        }
        // (Each action its own route: a literal `end` beside a parameter would hide the POST.)
        group.post("/admin/partnerships/:agency/:la/accept") { _, context in
            let user = try WebScope.requireUser()
            let (agency, authority) = try Self.parties(context, user)
            do {
                _ = try await services.admin.acceptPartnership(agency: agency, localAuthority: authority, by: user.caller, requestID: RequestScope.requestID)
            } catch ServiceError.notFound(let detail) {
                guard try await alreadyDone(agency, authority, user, .active) else { throw ServiceError.notFound(detail) }
            }
            return PageRenderer.redirect(to: "/admin?done=partnership")
        }
        group.post("/admin/partnerships/:agency/:la/end") { _, context in
            let user = try WebScope.requireUser()
            let (agency, authority) = try Self.parties(context, user)
            do {
                try await services.admin.endPartnership(agency: agency, localAuthority: authority, by: user.caller, requestID: RequestScope.requestID)
            } catch ServiceError.notFound(let detail) {
                guard try await alreadyDone(agency, authority, user, .ended) else { throw ServiceError.notFound(detail) }
            }
            return PageRenderer.redirect(to: "/admin?done=partnership")
        }
    }

    private func overview(_ query: FormData, form: FormData? = nil, errors: [FieldError] = [], status: HTTPResponse.Status = .ok) async throws -> Response {
        let user = try WebScope.requireUser()
        let agencies = try await services.admin.agencies(by: user.caller)
        let names = Self.names(of: agencies)
        let partnerships = try await services.admin.partnerships(by: user.caller)
        let tokens = try await services.admin.tokens(by: user.caller)
        let now = services.clock.stamp
        let isLA = user.caller.agencyType == .la
        var context: TemplateContext = [
            "agencies": agencies.map { ["id": $0.id, "name": $0.name, "type": $0.type.rawValue.uppercased()] },
            "partnerships": partnerships.map { partnership -> TemplateContext in
                let base = "/admin/partnerships/\(partnership.agency)/\(partnership.localAuthority)"
                return [
                    "agency": names[partnership.agency] ?? partnership.agency, "localAuthority": names[partnership.localAuthority] ?? partnership.localAuthority,
                    "status": partnership.status.rawValue.capitalisedFirst,
                    "since": Clock.calendarDate(of: partnership.startedAt ?? partnership.proposedAt).written,
                    "canAccept": partnership.status == .proposed && isLA, "acceptAction": base + "/accept",
                    "canEnd": partnership.status != .ended, "endAction": base + "/end",
                ]
            },
            "hasPartnerships": !partnerships.isEmpty,
            "tokens": tokens.sorted { $0.createdAt > $1.createdAt }.map { token -> TemplateContext in
                let state = Self.state(of: token, at: now)
                return [
                    "id": token.id.uuidString.lowercased(), "label": token.label ?? "", "role": PageRenderer.roleName(token.role),
                    "expires": Clock.calendarDate(of: token.expiresAt).written, "state": state, "canRevoke": state == "Active",
                    "lastUsed": token.lastUsedAt.map { Clock.calendarDate(of: $0).written } ?? "Never",
                ]
            },
            "hasTokens": !tokens.isEmpty,
            // Only the roles the agency has (an RAA or VAA has no IROs).
            "roles": Role.allCases.filter { $0.isHeld(by: user.caller.agencyType) }.map {
                ["value": $0.rawValue, "label": PageRenderer.roleName($0).capitalisedFirst, "checked": form?["role"] == $0.rawValue]
            },
            "label": form?["label"] ?? "", "days": form?["days"] ?? "90",
            "idempotencyKey": form?["idempotency_key"] ?? UUID.random().uuidString.lowercased(),
        ]
        context.put("roleError", FieldErrors.message(for: ["role-social_worker"], in: errors))
        context.put("labelError", FieldErrors.message(for: ["label"], in: errors))
        context.put("daysError", FieldErrors.message(for: ["days"], in: errors))
        context.put("done", ["revoked": "Token revoked", "partnership": "Partnership changed"][query["done"] ?? ""])
        return pages.page("admin", title: "Administration", context, section: "/admin", errors: errors, status: status)
    }

    /// Ending a partnership takes the partner's access to the local authority's cases away at
    /// once, so the table's End button leads here to say so before anything changes.
    private func confirmEnd(agency: String, localAuthority: String) async throws -> Response {
        let user = try WebScope.requireUser()
        guard let partnership = try await services.admin.partnerships(by: user.caller).last(where: {
            $0.agency == agency && $0.localAuthority == localAuthority && $0.status != .ended
        }) else { throw ServiceError.notFound("no open partnership between \(agency) and \(localAuthority)") }
        let names = Self.names(of: try await services.admin.agencies(by: user.caller))
        let other = user.caller.agency == localAuthority ? agency : localAuthority
        let proposed = partnership.status == .proposed
        // A proposal is the partner's: its admin withdraws it, the local authority's declines it.
        let verb = !proposed ? "End the partnership" : user.caller.agency == localAuthority ? "Decline the proposal" : "Withdraw the proposal"
        return pages.page("partnership-end", title: verb, [
            "proposed": proposed, "verb": verb, "other": names[other] ?? other,
            "agency": names[agency] ?? agency, "localAuthority": names[localAuthority] ?? localAuthority,
            "action": "/admin/partnerships/\(agency)/\(localAuthority)/end",
        ], section: "/admin")
    }

    private func createToken() async throws -> Response {
        let user = try WebScope.requireUser()
        let form = WebScope.form ?? FormData(encoded: "")
        var errors: [FieldError] = []
        let role = form["role"].flatMap(Role.init(rawValue:))
        if role == nil { errors.append(FieldError(target: "role-social_worker", message: "Choose the role the token acts as")) }
        let label = form.trimmed("label")
        if label == nil { errors.append(FieldError(target: "label", message: "Enter what the token is for, such as the system that will use it")) }
        let days = form.trimmed("days").flatMap(Int.init)
        if days == nil { errors.append(FieldError(target: "days", message: "Enter how many days the token lasts, from 1 to 365")) }
        guard errors.isEmpty, let role, let label, let days else {
            return try await overview(FormData(encoded: ""), form: form, errors: errors, status: .unprocessableContent)
        }
        do {
            let idempotency = try IdempotencyRequest(key: form["idempotency_key"], operation: "page:token", target: "/admin/tokens", body: form)
            let (record, secret) = try await services.admin.createToken(
                role: role, label: label, days: days, by: user.caller, requestID: RequestScope.requestID, idempotency: idempotency
            )
            let state = Self.state(of: record, at: services.clock.stamp)
            // A form sent again (a double click, a reload) made no second token; the first's
            // secret cannot be shown again, so the page offers to revoke it instead.
            var context: TemplateContext = [
                "label": record.label ?? "", "role": PageRenderer.roleName(role), "expires": Clock.calendarDate(of: record.expiresAt).written,
                "id": record.id.uuidString.lowercased(), "state": state.lowercased(), "canRevoke": state == "Active",
            ]
            context.put("secret", secret)
            return pages.page("token-created", title: secret == nil ? "Token made already" : "Token created", context, section: "/admin")
        } catch let error as ValidationError {
            return try await overview(FormData(encoded: ""), form: form, errors: [FieldErrors.from(error, targets: ["/label": "label", "/days": "days"])], status: .unprocessableContent)
        }
    }

    /// Whether the pair's latest span already stands as the form asked, changed within the hour:
    /// a form sent twice (a double click) whose first sending did it is answered as done, not as
    /// not found. (An older change, or none, is not the first sending's.)
    private func alreadyDone(_ agency: String, _ authority: String, _ user: WebUser, _ status: Partnership.Status) async throws -> Bool {
        let spans = try await services.admin.partnerships(by: user.caller).filter { $0.agency == agency && $0.localAuthority == authority }
        guard let latest = spans.max(by: { $0.proposedAt < $1.proposedAt }), latest.status == status,
              let changed = status == .ended ? latest.endedAt : latest.startedAt else { return false }
        return services.clock.stamp.timeIntervalSince(changed) < 3600
    }

    /// The partnership a route names, if the user's agency is one of its parties: another
    /// agency's is not found, as its confirmation page is not.
    private static func parties(_ context: ServerRequestContext, _ user: WebUser) throws -> (agency: String, localAuthority: String) {
        let agency = context.parameters.get("agency") ?? "", authority = context.parameters.get("la") ?? ""
        guard user.caller.agency == agency || user.caller.agency == authority else {
            throw ServiceError.notFound("no partnership of yours between \(agency) and \(authority)")
        }
        return (agency, authority)
    }

    /// Agencies' names by id, to show a partnership's parties as people know them.
    private static func names(of agencies: [Agency]) -> [String: String] {
        Dictionary(agencies.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
    }

    private static func state(of token: TokenRecord, at now: Date) -> String {
        token.revokedAt != nil ? "Revoked" : token.expiresAt <= now ? "Expired" : "Active"
    }
}
