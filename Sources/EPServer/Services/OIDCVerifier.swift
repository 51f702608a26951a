import EPDomain
import Foundation
import JWTKit

/// Verifies bearer JWTs from an OpenID Connect provider (for example Microsoft Entra ID client
/// credentials): the signature against the configured JWKS, then issuer, audience, tenant and
/// lifetime against this server's clock. The caller's agency and role come from the `roles`
/// claim, one value of the form `<agency-id>.<role>` (e.g. `la-northshire.iro`).
public struct OIDCVerifier: Sendable {
    public struct Settings: Sendable, Equatable {
        public var issuer: String
        public var audience: String
        /// The Entra tenant (`tid` claim) tokens must come from, when set.
        public var tenant: String?
        public var jwksFile: String

        public init(issuer: String, audience: String, tenant: String?, jwksFile: String) {
            self.issuer = issuer
            self.audience = audience
            self.tenant = tenant
            self.jwksFile = jwksFile
        }
    }

    /// Who the token says is calling.
    public struct Identity: Sendable, Equatable {
        public let subject: String
        public let agency: String
        public let role: Role
    }

    let settings: Settings
    let keys: JWTKeyCollection

    /// Loads the JWKS. Keys without a `kid` or an `alg` the kit does not know are refused here,
    /// at start, rather than at the first request.
    public static func load(_ settings: Settings) async throws -> OIDCVerifier {
        let json = try String(contentsOfFile: settings.jwksFile, encoding: .utf8)
        let keys = JWTKeyCollection()
        try await keys.add(jwksJSON: json)
        return OIDCVerifier(settings: settings, keys: keys)
    }

    public func identity(of token: String, now: Date) async throws -> Identity {
        let claims: Claims
        do {
            claims = try await keys.verify(token, as: Claims.self)
        } catch {
            throw ServiceError.unauthenticated("the bearer token's signature could not be verified")
        }
        guard claims.iss.value == settings.issuer else { throw ServiceError.unauthenticated("the bearer token is from another issuer") }
        guard claims.aud.value.contains(settings.audience) else { throw ServiceError.unauthenticated("the bearer token is for another audience") }
        if let tenant = settings.tenant, claims.tid != tenant { throw ServiceError.unauthenticated("the bearer token is from another tenant") }
        guard claims.exp.value > now else { throw ServiceError.unauthenticated("the bearer token has expired") }
        if let notBefore = claims.nbf?.value, notBefore > now.addingTimeInterval(60) {
            throw ServiceError.unauthenticated("the bearer token is not valid yet")
        }
        let grants = (claims.roles ?? []).compactMap { value -> (String, Role)? in
            let parts = value.split(separator: ".", maxSplits: 1)
            guard parts.count == 2, let role = Role(rawValue: String(parts[1])) else { return nil }
            return (String(parts[0]), role)
        }
        guard grants.count == 1, let (agency, role) = grants.first else {
            throw ServiceError.unauthenticated("the bearer token must carry exactly one eptrack role (roles claim '<agency-id>.<role>')")
        }
        return Identity(subject: claims.oid ?? claims.sub?.value ?? "unknown", agency: agency, role: role)
    }

    /// The claims eptrack reads. Their checks run in `identity(of:now:)` against the server's
    /// clock, so `verify` here checks nothing beyond the signature the collection verified.
    struct Claims: JWTPayload {
        let iss: IssuerClaim
        let aud: AudienceClaim
        let exp: ExpirationClaim
        let nbf: NotBeforeClaim?
        let sub: SubjectClaim?
        /// Entra's object id of the calling application or user.
        let oid: String?
        let tid: String?
        let roles: [String]?

        func verify(using algorithm: some JWTAlgorithm) async throws {}
    }
}
