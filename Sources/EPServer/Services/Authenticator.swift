import EPDomain
import EPStore
import Foundation

/// Turns a bearer credential into a `Caller`, with the local authorities it may see worked out
/// from the database on every request, so ending a partnership takes effect on the next one.
public struct Authenticator: Sendable {
    let store: any Store
    let clock: Clock

    public init(store: any Store, clock: Clock) {
        self.store = store
        self.clock = clock
    }

    public func caller(bearer token: String) async throws -> Caller {
        guard TokenSecret.isWellFormed(token), let credential = try await store.credential(hash: TokenSecret.hash(token)) else {
            throw ServiceError.unauthenticated("the bearer token is not one this server issued")
        }
        let record = credential.token
        if record.revokedAt != nil { throw ServiceError.unauthenticated("the bearer token has been revoked") }
        if record.expiresAt <= clock.now() { throw ServiceError.unauthenticated("the bearer token has expired") }
        let visible: Set<String> = switch credential.agencyType {
        case .la: [record.agency]
        case .raa, .vaa: credential.partnerLocalAuthorities
        }
        return Caller(
            actor: "token:\(record.id.uuidString.lowercased())", agency: record.agency, agencyType: credential.agencyType,
            role: record.role, visibleLocalAuthorities: visible
        )
    }
}
