import EPDomain
import EPStore
import Foundation

/// API tokens: an agency's admin manages its own (for its systems: a case management system
/// feeding milestones, a BI tool reading dashboards), and the operator any agency's from the
/// server's host (`eptrack token`). Both go through the same checks, and every creation and
/// revocation is stored with its audit event. A created token's secret is shown once.
extension AdminService {
    public static let tokenDays = 1...365

    public func tokens(by caller: Caller) async throws -> [TokenRecord] {
        try requireAdmin(caller)
        return try await store.tokens(agency: caller.agency)
    }

    /// Every agency's tokens, for the operator.
    public func tokens(by person: Operator) async throws -> [TokenRecord] {
        try await store.tokens(agency: nil)
    }

    /// A new token for the admin's own agency; returns the record and the secret (never stored).
    ///
    /// With `idempotency` (the page's form key), a form sent twice (a double click, a reload of
    /// the answer) makes one token, not two with one secret never seen: the second sending is
    /// answered with the first's token as it stands now and no secret, since only its hash is
    /// kept.
    public func createToken(
        role: Role, label: String, days: Int, by caller: Caller, requestID: String?, idempotency: IdempotencyRequest? = nil
    ) async throws -> (TokenRecord, secret: String?) {
        try requireAdmin(caller)
        let made = try await store.idempotentWrite(idempotency, caller: caller.actor, at: clock.stamp, response: { (made: (record: TokenRecord, secret: String)) in
            try .init(body: ["id": made.record.id.uuidString.lowercased()])
        }) { stored in
            try await issueToken(agency: caller.agency, type: caller.agencyType, role: role, label: label, days: days, idempotency: { try stored(($0, $1)) }) { record in
                AuditEvent(caller, "token.create", at: record.createdAt, requestID: requestID, recordID: record.id)
            }
        }
        switch made {
        case .fresh(let (record, secret)):
            return (record, secret)
        case .replay(let stored):
            let id = try stored.decodeBody(as: [String: UUID].self)["id"]
            guard let record = try await store.tokens(agency: caller.agency).first(where: { $0.id == id }) else {
                throw ServiceError.notFound("the token this form made is no longer held")
            }
            return (record, nil)
        }
    }

    /// A new token for any registered agency, by the operator. Its label says what it is for, as
    /// an admin's must: the token lists and the admin page name tokens by it.
    public func createToken(agency: String, role: Role, label: String, days: Int, by person: Operator) async throws -> (TokenRecord, String) {
        guard let registered = try await store.agency(id: agency) else {
            throw ValidationError(.invalidField, field: "/agency", "no agency \(agency) is registered")
        }
        return try await issueToken(agency: agency, type: registered.type, role: role, label: label, days: days) { record in
            person.event("token.create", at: record.createdAt, subject: agency, recordID: record.id)
        }
    }

    /// Revokes one of the admin's own agency's tokens (another agency's is not found). Revoking
    /// a token already revoked changes nothing and is not an error.
    public func revokeToken(id: UUID, by caller: Caller, requestID: String?) async throws {
        try requireAdmin(caller)
        try await revoke(id, of: caller.agency, audit: AuditEvent(caller, "token.revoke", at: clock.stamp, requestID: requestID, recordID: id))
    }

    /// Revokes any agency's token, by the operator: false if it was already revoked.
    @discardableResult
    public func revokeToken(id: UUID, by person: Operator) async throws -> Bool {
        guard let token = try await store.tokens(agency: nil).first(where: { $0.id == id }) else {
            throw ServiceError.notFound("no token \(id.uuidString.lowercased())")
        }
        return try await revoke(id, of: token.agency, audit: person.event("token.revoke", at: clock.stamp, subject: token.agency, recordID: id))
    }

    private func issueToken(
        agency: String, type: AgencyType, role: Role, label: String, days: Int,
        idempotency stored: (TokenRecord, String) throws -> IdempotencyRecord? = { _, _ in nil }, audit: (TokenRecord) -> AuditEvent
    ) async throws -> (TokenRecord, String) {
        if let reason = role.notHeld(by: type) { throw ValidationError(.invalidField, field: "/role", reason) }
        guard Self.tokenDays.contains(days) else {
            throw ValidationError(.invalidField, field: "/days", "a token lasts 1 to 365 days")
        }
        let label = try FreeText.check(label, field: "/label", limit: 100, personalData: true)
        let secret = TokenSecret.generate()
        let now = clock.stamp
        let record = TokenRecord(id: UUID.random(), agency: agency, role: role, label: label, createdAt: now, expiresAt: now.addingTimeInterval(Double(days) * 86_400))
        try await store.createToken(record, hash: TokenSecret.hash(secret), audit: audit(record), idempotency: try stored(record, secret))
        return (record, secret)
    }

    /// True if revoked now, false if it already was; not found if the agency has no such token.
    @discardableResult
    private func revoke(_ id: UUID, of agency: String, audit: AuditEvent) async throws -> Bool {
        if try await store.revokeToken(id: id, agency: agency, at: audit.at, audit: audit) { return true }
        guard try await store.tokens(agency: agency).contains(where: { $0.id == id }) else {
            throw ServiceError.notFound("no token \(id.uuidString.lowercased()) of \(agency)")
        }
        return false
    }
}
