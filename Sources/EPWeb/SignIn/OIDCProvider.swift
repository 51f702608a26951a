import AsyncHTTPClient
import EPServer
import Foundation
import JWTKit
import NIOCore
import NIOHTTP1

/// The organisation's identity provider (Entra ID in production), as the pages' sign-in uses it:
/// its discovery document and signing keys (`OIDCDiscovery`), the authorization code exchanged
/// for an ID token with the PKCE verifier, and that token verified.
actor OIDCProvider {
    typealias Failure = OIDCDiscovery.Failure

    let settings: PageSettings.OIDC
    let client: HTTPClient
    let discovery: OIDCDiscovery

    init(settings: PageSettings.OIDC, discovery: OIDCDiscovery, client: HTTPClient = .shared) {
        self.settings = settings
        self.discovery = discovery
        self.client = client
    }

    /// Where to send the browser: the provider's sign-in page for this attempt.
    func authorizationURL(state: String, nonce: String, codeChallenge: String, redirectURI: String) async throws -> String {
        let endpoint = try await discovery.discovered().authorizationEndpoint
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
        var request = HTTPClientRequest(url: try await discovery.discovered().tokenEndpoint)
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
        guard let keys = try await discovery.keys(naming: kid, now: now) else {
            throw Failure(description: "the ID token is signed with a key the provider does not publish")
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
}
