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
        guard TokenSecret.isWellFormed(token), let record = try await store.token(hash: TokenSecret.hash(token)) else {
            throw ServiceError.unauthenticated("the bearer token is not one this server issued")
        }
        if record.revokedAt != nil { throw ServiceError.unauthenticated("the bearer token has been revoked") }
        if record.expiresAt <= clock.now() { throw ServiceError.unauthenticated("the bearer token has expired") }
        guard let agency = try await store.agency(id: record.agency) else {
            throw ServiceError.unauthenticated("the bearer token's agency no longer exists")
        }
        let visible: Set<String> = switch agency.type {
        case .la: [agency.id]
        case .raa, .vaa: try await store.partnerLocalAuthorities(of: agency.id)
        }
        return Caller(
            actor: "token:\(record.id.uuidString.lowercased())", agency: agency.id, agencyType: agency.type,
            role: record.role, visibleLocalAuthorities: visible
        )
    }
}
