import EPDomain
import EPServer
import EPStore
import Foundation

/// One-time sign-in links, for a laptop or a demo without an identity provider: a link signs in
/// one browser as a named agency and role, once, within 15 minutes.
public enum SignInLinks {
    public static let lifetime: TimeInterval = 15 * 60

    public struct UnknownAgency: Error, CustomStringConvertible {
        public let agency: String
        public var description: String { "there is no agency \(agency): register it first (eptrack agency create)" }
    }

    /// Stores a new link and returns its address under `publicURL`.
    /// The agency has no one in the role (an RAA's IRO).
    public struct RoleNotHeld: Error, CustomStringConvertible {
        public let description: String
    }

    public static func create(store: any Store, agency: String, role: Role, publicURL: String, clock: Clock = Clock()) async throws -> String {
        guard let registered = try await store.agency(id: agency) else { throw UnknownAgency(agency: agency) }
        if let reason = role.notHeld(by: registered.type) { throw RoleNotHeld(description: reason) }
        let token = WebSecret.generate()
        let now = clock.stamp
        try await store.createSignInLink(SignInLink(
            tokenHash: WebSecret.hash(token), subject: "link:\(UUID.random().uuidString.lowercased())", agency: agency, role: role,
            createdAt: now, expiresAt: now.addingTimeInterval(lifetime)
        ))
        return "\(publicURL)/sign-in/link/\(token)"
    }
}
