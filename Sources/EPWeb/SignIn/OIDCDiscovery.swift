import AsyncHTTPClient
import EPServer
import Foundation
import JWTKit
import NIOCore

/// The organisation's identity provider as eptrack reads it over HTTPS: its discovery document,
/// fetched once, and its signing keys, fetched when first needed and again when a token names a
/// key not seen yet (the provider rotated its keys) or the keys are a day old (a key it stopped
/// publishing stops being trusted; renewed in the background from 23 hours). The pages' sign-in
/// uses it for ID tokens, the API for bearer JWTs when no JWKS file is configured.
///
/// The provider is asked at most once a minute, whatever tokens arrive, so forged tokens naming
/// made-up keys cannot make the server hammer it. A request whose key is held and fresh never
/// waits; one that needs a fetch waits for the one under way rather than starting another.
/// Keys that cannot be fetched (`SigningKeysUnavailable`, 503) are not a bad token (401): a key
/// not seen, while the provider cannot be asked, may be its new one.
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
    /// Keys older than this are fetched again in the background.
    static let renewAge: TimeInterval = 23 * 3600
    /// The longest a fetch of the discovery document or the keys may take, body included.
    static let fetchSeconds: Int64 = 15

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

    /// The configured issuer's, for the API's bearer tokens and the pages' sign-in alike (both
    /// name it in `EPTRACK_OIDC_ISSUER`): one cache, one fetch a minute. Nil without OIDC.
    public static func of(_ configuration: ServerConfiguration) -> OIDCDiscovery? {
        (configuration.oidc?.issuer ?? configuration.pages.oidc?.issuer).map { OIDCDiscovery(issuer: $0) }
    }

    public func keys(naming kid: String, now: Date) async throws -> JWTKeyCollection? {
        if let keySet, let held = keySet.keys(naming: kid), isFresh(now) {
            // Renewed an hour before they are a day old by the request that finds them so,
            // without waiting: no request waits for the daily fetch unless it keeps failing.
            if fetching == nil, let fetchedAt, now.timeIntervalSince(fetchedAt) >= Self.renewAge, mayAsk(now) { _ = startFetch(now: now) }
            return held
        }
        // Only a request that needs a fetch waits for one: one under way, then its own, if the
        // last attempt was a minute ago or more.
        while let fetching { await fetching.value }
        let known = keySet?.ids.contains(kid) ?? false
        if !(known && isFresh(now)), mayAsk(now) { await startFetch(now: now).value }
        guard let keySet, isFresh(now) else { throw SigningKeysUnavailable(lastFailure ?? "not fetched yet") }
        if let held = keySet.keys(naming: kid) { return held }
        // A key not seen, and the provider could not be asked: it may have rotated its keys
        // while it is unreachable, so the token may be good. Not a 401.
        if let lastFailure { throw SigningKeysUnavailable(lastFailure) }
        return nil
    }

    private func isFresh(_ now: Date) -> Bool {
        fetchedAt.map { now.timeIntervalSince($0) < Self.maxAge } ?? false
    }

    private func mayAsk(_ now: Date) -> Bool {
        lastAttempt.map { now.timeIntervalSince($0) >= Self.refetchInterval } ?? true
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

    /// One fetch at a time: `fetching` is set before the task can run (it runs on this actor,
    /// which is busy until the caller's next suspension) and cleared by the task itself.
    private func startFetch(now: Date) -> Task<Void, Never> {
        lastAttempt = now
        let task = Task {
            do {
                let fetched = try await KeySet(jwks: String(buffer: try await self.get(try await self.discovered().jwksURI)))
                (self.keySet, self.fetchedAt, self.lastFailure) = (fetched, now, nil)
            } catch {
                self.lastFailure = "\(error)"
            }
            self.fetching = nil
        }
        fetching = task
        return task
    }

    /// The whole answer within 15 s, body included: the client's own deadline ends once the
    /// head arrives, and a fetch holds up every request that needs the keys.
    private func get(_ url: String) async throws -> ByteBuffer {
        try Self.requireHTTPS(url)
        var request = HTTPClientRequest(url: url)
        request.headers.add(name: "Accept", value: "application/json")
        let (client, asked) = (client, request)
        return try await withThrowingTaskGroup(of: ByteBuffer.self) { group in
            group.addTask {
                let response = try await client.execute(asked, timeout: .seconds(Self.fetchSeconds))
                let body = try await response.body.collect(upTo: 1 << 20)
                guard response.status == .ok else { throw Failure(description: "\(url) answered HTTP \(response.status.code)") }
                return body
            }
            group.addTask {
                try await Task.sleep(for: .seconds(Self.fetchSeconds))
                throw Failure(description: "\(url) did not answer within \(Self.fetchSeconds) s")
            }
            defer { group.cancelAll() }
            guard let body = try await group.next() else { throw Failure(description: "\(url) was not fetched") }
            return body
        }
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
