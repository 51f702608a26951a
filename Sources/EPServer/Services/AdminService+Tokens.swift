import EPDomain
import EPStore
import Foundation

/// An agency's admin manages its own API tokens (for its systems: a case management system
/// feeding milestones, a BI tool reading dashboards): each created token is shown once.
extension AdminService {
    public static let tokenDays = 1...365

    public func tokens(by caller: Caller) async throws -> [TokenRecord] {
        try requireAdmin(caller)
        return try await store.tokens().filter { $0.agency == caller.agency }
    }

    /// A new token for the admin's own agency; returns the record and the secret (never stored).
    public func createToken(role: Role, label: String, days: Int, by caller: Caller, requestID: String?) async throws -> (TokenRecord, String) {
        try requireAdmin(caller)
        guard Self.tokenDays.contains(days) else {
            throw ValidationError(.invalidField, field: "/days", "a token lasts 1 to 365 days")
        }
        let label = try FreeText.check(label, field: "/label", limit: 100, personalData: true)
        let secret = TokenSecret.generate()
        let now = clock.stamp
        let record = TokenRecord(id: UUID.random(), agency: caller.agency, role: role, label: label, createdAt: now, expiresAt: now.addingTimeInterval(Double(days) * 86_400))
        try await store.createToken(record, hash: TokenSecret.hash(secret))
        try await store.recordAudit(AuditEvent(caller, "token.create", at: now, requestID: requestID, recordID: record.id))
        return (record, secret)
    }

    /// Revokes one of the admin's own agency's tokens (another agency's is not found).
    public func revokeToken(id: UUID, by caller: Caller, requestID: String?) async throws {
        try requireAdmin(caller)
        guard try await store.tokens().contains(where: { $0.id == id && $0.agency == caller.agency }) else {
            throw ServiceError.notFound("no token \(id.uuidString.lowercased()) of \(caller.agency)")
        }
        _ = try await store.revokeToken(id: id, at: clock.stamp)
        try await store.recordAudit(AuditEvent(caller, "token.revoke", at: clock.stamp, requestID: requestID, recordID: id))
    }
}
