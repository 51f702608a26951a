import EPDomain
import Foundation
import JWTKit

/// Verifies bearer JWTs from an OpenID Connect provider (for example Microsoft Entra ID client
/// credentials): the signature against the provider's keys (`SigningKeys`: the ones it
/// publishes, or a JWKS file), then issuer, audience, tenant and lifetime against this server's
/// clock. The caller's agency and role come from the `roles`
/// claim, one value of the form `<agency-id>.<role>` (e.g. `la-northshire.iro`).
public struct OIDCVerifier: Sendable {
    public struct Settings: Sendable, Equatable {
        public var issuer: String
        public var audience: String
        /// The Entra tenant (`tid` claim) tokens must come from, when set.
        public var tenant: String?
        /// Keys pinned by hand; when nil, the keys the issuer publishes (its discovery document's
        /// `jwks_uri`), fetched again when it rotates them.
        public var jwksFile: String?
        /// The longest lifetime (expiry minus issue, or minus now when the token does not say
        /// when it was issued) a token may have: a stolen long-lived token is refused outright.
        public var maxLifetime: TimeInterval

        public static let defaultMaxLifetime: TimeInterval = 24 * 3600

        public init(issuer: String, audience: String, tenant: String?, jwksFile: String? = nil, maxLifetime: TimeInterval = Settings.defaultMaxLifetime) {
            self.issuer = issuer
            self.audience = audience
            self.tenant = tenant
            self.jwksFile = jwksFile
            self.maxLifetime = maxLifetime
        }
    }

    /// Who the token says is calling.
    public struct Identity: Sendable, Equatable {
        public let subject: String
        public let agency: String
        public let role: Role
    }

    let settings: Settings
    let keys: any SigningKeys

    public init(settings: Settings, keys: any SigningKeys) {
        self.settings = settings
        self.keys = keys
    }

    public func identity(of token: String, now: Date) async throws -> Identity {
        guard let kid = Self.keyID(of: token), let keys = try await keys.keys(naming: kid, now: now) else {
            throw ServiceError.unauthenticated("the bearer token must name one of the provider's signing keys (kid)")
        }
        let claims: Claims
        do {
            claims = try await keys.verify(token, as: Claims.self)
        } catch {
            throw ServiceError.unauthenticated("the bearer token's signature could not be verified")
        }
        return try Self.identity(
            of: claims, issuer: settings.issuer, audience: settings.audience, tenant: settings.tenant, maxLifetime: settings.maxLifetime, now: now
        )
    }

    /// The checks every token from the provider passes, whoever presents it (an API client's
    /// bearer token here, a person's ID token at the pages' sign-in): issuer, audience, tenant,
    /// lifetime, exactly one eptrack role, a subject.
    package static func identity(
        of claims: Claims, issuer: String, audience: String, tenant: String?, maxLifetime: TimeInterval, now: Date
    ) throws -> Identity {
        guard claims.iss.value == issuer else { throw ServiceError.unauthenticated("the bearer token is from another issuer") }
        guard claims.aud.value.contains(audience) else { throw ServiceError.unauthenticated("the bearer token is for another audience") }
        if let tenant, claims.tid != tenant { throw ServiceError.unauthenticated("the bearer token is from another tenant") }
        guard claims.exp.value > now else { throw ServiceError.unauthenticated("the bearer token has expired") }
        let issued = claims.iat?.value ?? claims.nbf?.value ?? now
        guard claims.exp.value.timeIntervalSince(min(issued, now)) <= maxLifetime else {
            throw ServiceError.unauthenticated("the bearer token lives longer than this server accepts (\(Int(maxLifetime)) seconds)")
        }
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
        guard let subject = claims.oid ?? claims.sub?.value, !subject.isEmpty else {
            throw ServiceError.unauthenticated("the bearer token names no subject (oid or sub)")
        }
        return Identity(subject: subject, agency: agency, role: role)
    }

    /// The `kid` of a compact JWS's protected header, read before anything is verified (only to
    /// choose the key; the signature check that follows covers the header).
    package static func keyID(of token: String) -> String? {
        guard let header = token.split(separator: ".", omittingEmptySubsequences: false).first else { return nil }
        var base64 = header.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64),
              let fields = try? JSONDecoder().decode([String: JSONScalar].self, from: data),
              case .string(let kid)? = fields["kid"] else { return nil }
        return kid
    }

    /// A header field's value: the `kid` is a string; other fields are whatever they are.
    enum JSONScalar: Decodable {
        case string(String)
        case other

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            self = (try? container.decode(String.self)).map(JSONScalar.string) ?? .other
        }
    }

    /// The claims eptrack reads. Their checks run in `identity(of:now:)` against the server's
    /// clock, so `verify` here checks nothing beyond the signature the collection verified.
    package struct Claims: JWTPayload {
        let iss: IssuerClaim
        let aud: AudienceClaim
        let exp: ExpirationClaim
        let nbf: NotBeforeClaim?
        let iat: IssuedAtClaim?
        let sub: SubjectClaim?
        /// Entra's object id of the calling application or user.
        let oid: String?
        let tid: String?
        let roles: [String]?
        /// The ID token's answer to the nonce of the sign-in that asked for it.
        package let nonce: String?

        package func verify(using algorithm: some JWTAlgorithm) async throws {}
    }
}
