import EPDomain
import EPStore
import Foundation

/// Turns a bearer credential into a `Caller`, with the local authorities it may see worked out on
/// every request, from the database or from memory kept in step with it (`IdentityCache`), so
/// ending a partnership takes effect on the next one.
public struct Authenticator: Sendable {
    let store: any Store
    let clock: Clock
    let oidc: OIDCVerifier?

    public init(store: any Store, clock: Clock, oidc: OIDCVerifier?) {
        self.store = store
        self.clock = clock
        self.oidc = oidc
    }

    /// An API token (`ept_…`) or, when OIDC is configured, a JWT from the identity provider.
    public func caller(bearer token: String) async throws -> Caller {
        if !token.hasPrefix(TokenSecret.prefix), let oidc {
            let identity = try await oidc.identity(of: token, now: clock.now())
            return try await caller(actor: "oidc:\(identity.subject)", agency: identity.agency, role: identity.role)
        }
        return try await apiTokenCaller(token)
    }

    /// A person or service the identity provider (or a signed-in session) vouches for, with the
    /// local authorities their agency may see worked out now.
    public func caller(actor: String, agency: String, role: Role) async throws -> Caller {
        guard let access = try await store.access(agency: agency) else {
            throw ServiceError.unauthenticated("the agency \(agency) is not registered here")
        }
        return try Self.caller(actor: actor, agency: agency, type: access.type, partners: access.partners, role: role)
    }

    /// What a caller of an agency of `type` may see: an LA its own cases, an RAA or VAA those of
    /// the local authorities it works for through active partnerships. A role the agency does not
    /// have (an RAA's IRO) is refused, however the credential came to name it.
    public static func caller(actor: String, agency: String, type: AgencyType, partners: Set<String>, role: Role) throws -> Caller {
        if let reason = role.notHeld(by: type) { throw ServiceError.forbidden(reason) }
        return Caller(actor: actor, agency: agency, agencyType: type, role: role, visibleLocalAuthorities: type == .la ? [agency] : partners)
    }

    private func apiTokenCaller(_ token: String) async throws -> Caller {
        guard TokenSecret.isWellFormed(token), let credential = try await store.credential(hash: TokenSecret.hash(token)) else {
            throw ServiceError.unauthenticated("the bearer token is not one this server issued")
        }
        let record = credential.token
        if record.revokedAt != nil { throw ServiceError.unauthenticated("the bearer token has been revoked") }
        if record.expiresAt <= clock.now() { throw ServiceError.unauthenticated("the bearer token has expired") }
        noteUse(of: record)
        return try Self.caller(
            actor: "token:\(record.id.uuidString.lowercased())", agency: record.agency, type: credential.agencyType,
            partners: credential.partnerLocalAuthorities, role: record.role
        )
    }

    /// Records when a token was last used, at most once an hour per token and off the request's
    /// path, so `eptrack token list` can show stale tokens without a write on every request.
    private func noteUse(of record: TokenRecord) {
        let now = clock.stamp
        guard record.lastUsedAt.map({ now.timeIntervalSince($0) >= 3600 }) ?? true else { return }
        let store = self.store
        Task { try? await store.recordTokenUse(id: record.id, at: now) }
    }
}
