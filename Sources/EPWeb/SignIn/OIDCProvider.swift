import AsyncHTTPClient
import EPServer
import Foundation
import JWTKit
import NIOCore
import NIOHTTP1

/// The organisation's identity provider (Entra ID in production), as the pages' sign-in uses it:
/// its discovery document and signing keys fetched over HTTPS and cached, the keys fetched again
/// when an ID token names one not seen yet (the provider rotated them), the authorization code
/// exchanged for an ID token with the PKCE verifier, and that token verified.
actor OIDCProvider {
    struct Metadata: Decodable, Sendable {
        let issuer: String
        let authorizationEndpoint: String
        let tokenEndpoint: String
        let jwksURI: String

        enum CodingKeys: String, CodingKey {
            case issuer, authorizationEndpoint = "authorization_endpoint", tokenEndpoint = "token_endpoint", jwksURI = "jwks_uri"
        }
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let settings: PageSettings.OIDC
    let client: HTTPClient
    private var metadata: Metadata?
    private var keys = JWTKeyCollection()
    private var keyIDs: Set<String> = []
    private var keysFetchedAt: Date?
    /// Unknown key ids refetch the keys at most this often, so forged tokens cannot make the
    /// server hammer the provider.
    static let keyRefetchInterval: TimeInterval = 60

    init(settings: PageSettings.OIDC, client: HTTPClient = .shared) {
        self.settings = settings
        self.client = client
    }

    /// Where to send the browser: the provider's sign-in page for this attempt.
    func authorizationURL(state: String, nonce: String, codeChallenge: String, redirectURI: String) async throws -> String {
        let endpoint = try await discovered().authorizationEndpoint
        let query = [
            ("response_type", "code"), ("client_id", settings.clientID), ("redirect_uri", redirectURI), ("scope", "openid profile"),
            ("state", state), ("nonce", nonce), ("code_challenge", codeChallenge), ("code_challenge_method", "S256"),
        ].map { "\($0.0)=\(FormEncoding.encode($0.1))" }.joined(separator: "&")
        return endpoint + (endpoint.contains("?") ? "&" : "?") + query
    }

    /// Exchanges the authorization code (with the PKCE verifier) for the ID token.
    func idToken(code: String, codeVerifier: String, redirectURI: String) async throws -> String {
        var form = [
            ("grant_type", "authorization_code"), ("code", code), ("redirect_uri", redirectURI), ("client_id", settings.clientID),
            ("code_verifier", codeVerifier),
        ]
        if let secret = settings.clientSecret { form.append(("client_secret", secret)) }
        var request = HTTPClientRequest(url: try await discovered().tokenEndpoint)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        request.headers.add(name: "Accept", value: "application/json")
        request.body = .bytes(ByteBuffer(string: form.map { "\($0.0)=\(FormEncoding.encode($0.1))" }.joined(separator: "&")))
        let response = try await client.execute(request, timeout: .seconds(15))
        let body = try await response.body.collect(upTo: 1 << 20)
        guard response.status == .ok else { throw Failure(description: "the provider refused the authorization code (HTTP \(response.status.code))") }
        struct Tokens: Decodable { let id_token: String? }
        guard let token = try JSONDecoder().decode(Tokens.self, from: body).id_token else {
            throw Failure(description: "the provider's answer has no ID token")
        }
        return token
    }

    /// The person the ID token names, with their agency and role, after checking its signature
    /// (a key of the provider's), issuer, audience (this client), tenant, lifetime and nonce.
    func identity(of idToken: String, nonce: String, now: Date) async throws -> OIDCVerifier.Identity {
        guard let kid = OIDCVerifier.keyID(of: idToken) else { throw Failure(description: "the ID token names no signing key") }
        if !keyIDs.contains(kid) {
            let stale = keysFetchedAt.map { now.timeIntervalSince($0) >= Self.keyRefetchInterval } ?? true
            if stale { try await fetchKeys(now: now) }
            guard keyIDs.contains(kid) else { throw Failure(description: "the ID token is signed with a key the provider does not publish") }
        }
        let claims: OIDCVerifier.Claims
        do {
            claims = try await keys.verify(idToken, as: OIDCVerifier.Claims.self)
        } catch {
            throw Failure(description: "the ID token's signature could not be verified")
        }
        guard let claimed = claims.nonce, WebSecret.matches(claimed, nonce) else {
            throw Failure(description: "the ID token does not answer this sign-in (nonce)")
        }
        do {
            return try OIDCVerifier.identity(
                of: claims, issuer: settings.issuer, audience: settings.clientID, tenant: settings.tenant,
                maxLifetime: settings.maxTokenLifetime, now: now
            )
        } catch ServiceError.unauthenticated(let reason) {
            throw Failure(description: reason.replacingOccurrences(of: "bearer token", with: "ID token"))
        }
    }

    private func discovered() async throws -> Metadata {
        if let metadata { return metadata }
        let address = settings.issuer.hasSuffix("/") ? settings.issuer : settings.issuer + "/"
        let found = try JSONDecoder().decode(Metadata.self, from: try await get(address + ".well-known/openid-configuration"))
        guard found.issuer == settings.issuer else {
            throw Failure(description: "the provider's discovery document names another issuer (\(found.issuer))")
        }
        for endpoint in [found.authorizationEndpoint, found.tokenEndpoint, found.jwksURI] { try Self.requireHTTPS(endpoint) }
        metadata = found
        return found
    }

    private func fetchKeys(now: Date) async throws {
        let json = String(buffer: try await get(try await discovered().jwksURI))
        struct KeySet: Decodable {
            struct Key: Decodable { let kid: String? }
            let keys: [Key]
        }
        let fresh = JWTKeyCollection()
        try await fresh.add(jwksJSON: json)
        keys = fresh
        keyIDs = Set(try JSONDecoder().decode(KeySet.self, from: Data(json.utf8)).keys.compactMap(\.kid))
        keysFetchedAt = now
    }

    private func get(_ url: String) async throws -> ByteBuffer {
        try Self.requireHTTPS(url)
        var request = HTTPClientRequest(url: url)
        request.headers.add(name: "Accept", value: "application/json")
        let response = try await client.execute(request, timeout: .seconds(15))
        let body = try await response.body.collect(upTo: 1 << 20)
        guard response.status == .ok else { throw Failure(description: "\(url) answered HTTP \(response.status.code)") }
        return body
    }

    /// The provider is reached over HTTPS; plain HTTP only on this machine (a test provider).
    static func requireHTTPS(_ url: String) throws {
        guard let parsed = URL(string: url), let host = parsed.host else { throw Failure(description: "\(url) is not an address") }
        let loopback = ["localhost", "127.0.0.1", "::1", "[::1]"].contains(host)
        guard parsed.scheme == "https" || (parsed.scheme == "http" && loopback) else {
            throw Failure(description: "the provider must be reached over HTTPS (\(url))")
        }
    }
}
