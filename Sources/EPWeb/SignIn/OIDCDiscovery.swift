import AsyncHTTPClient
import EPServer
import Foundation
import JWTKit
import NIOCore

/// The organisation's identity provider as eptrack reads it over HTTPS: its discovery document,
/// fetched once, and its signing keys, fetched when first needed and again when a token names a
/// key not seen yet (the provider rotated its keys) or the keys are a day old (a key it stopped
/// publishing stops being trusted). The pages' sign-in uses it for ID tokens, the API for bearer
/// JWTs when no JWKS file is configured.
///
/// The provider is asked at most once a minute, whatever tokens arrive, so forged tokens naming
/// made-up keys cannot make the server hammer it; requests that need the keys while a fetch is
/// under way wait for that fetch rather than starting another.
public actor OIDCDiscovery: SigningKeys {
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

    /// The least time between two fetches of the keys.
    static let refetchInterval: TimeInterval = 60
    /// Keys older than this are fetched again before they are used (Entra's guidance: a day).
    static let maxAge: TimeInterval = 24 * 3600

    let issuer: String
    let client: HTTPClient
    private var metadata: Metadata?
    private var keySet: KeySet?
    private var fetchedAt: Date?
    private var lastAttempt: Date?
    private var lastFailure: String?
    private var fetching: Task<Void, Never>?

    public init(issuer: String, client: HTTPClient = .shared) {
        self.issuer = issuer
        self.client = client
    }

    public func keys(naming kid: String, now: Date) async throws -> JWTKeyCollection? {
        if let fetching { await fetching.value }
        let fresh = fetchedAt.map { now.timeIntervalSince($0) < Self.maxAge } ?? false
        let known = keySet?.ids.contains(kid) ?? false
        let mayAsk = lastAttempt.map { now.timeIntervalSince($0) >= Self.refetchInterval } ?? true
        if !(fresh && known), mayAsk { await fetchKeys(now: now) }
        guard let keySet, let fetchedAt, now.timeIntervalSince(fetchedAt) < Self.maxAge else {
            throw SigningKeysUnavailable("the identity provider's signing keys could not be fetched (\(lastFailure ?? "not fetched yet"))")
        }
        return keySet.keys(naming: kid)
    }

    /// The discovery document, after checking that it is the configured issuer's and that every
    /// endpoint it names is reached over HTTPS.
    func discovered() async throws -> Metadata {
        if let metadata { return metadata }
        let address = issuer.hasSuffix("/") ? issuer : issuer + "/"
        let found = try JSONDecoder().decode(Metadata.self, from: try await get(address + ".well-known/openid-configuration"))
        guard found.issuer == issuer else {
            throw Failure(description: "the provider's discovery document names another issuer (\(found.issuer))")
        }
        for endpoint in [found.authorizationEndpoint, found.tokenEndpoint, found.jwksURI] { try Self.requireHTTPS(endpoint) }
        metadata = found
        return found
    }

    private func fetchKeys(now: Date) async {
        lastAttempt = now
        let task = Task {
            do {
                let fetched = try await KeySet(jwks: String(buffer: try await self.get(try await self.discovered().jwksURI)))
                (self.keySet, self.fetchedAt, self.lastFailure) = (fetched, now, nil)
            } catch {
                self.lastFailure = "\(error)"
            }
        }
        fetching = task
        await task.value
        fetching = nil
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
