import EPServer
import EPWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The identity provider's published keys, fetched rather than pinned in a file: a service
/// account's bearer JWT keeps working when Entra rotates its keys, a key it stops publishing
/// stops being trusted within a day, forged key ids cannot make the server hammer the provider,
/// and a provider that cannot be reached gives 503, not 401 or 500.
@Suite struct OIDCDiscoveryTests {
    static let audience = "api://eptrack-northshire"
    static let start = Date(timeIntervalSince1970: 1_795_000_000)

    /// A running provider publishing "k1", and the discovery of it.
    static func withProvider(_ body: @Sendable (TestIdentityProvider, String, OIDCDiscovery) async throws -> Void) async throws {
        let provider = TestIdentityProvider()
        await provider.addKey("k1")
        try await provider.application().test(.live) { live in
            let issuer = "http://127.0.0.1:\(try #require(live.port))"
            try await body(provider, issuer, OIDCDiscovery(issuer: issuer))
        }
    }

    @Test func rotatedKeysAreFetchedWhenATokenFirstNamesOne() async throws {
        try await Self.withProvider { provider, _, discovery in
            try await Self.expectPublished("k1", at: Self.start, discovery)
            try await Self.expectPublished("k1", at: Self.start.addingTimeInterval(3600), discovery)
            #expect(provider.fetchesOfKeys == 1, "known keys are not fetched again")

            // Entra rolls over: the new key is published, the old one withdrawn.
            await provider.addKey("k2")
            provider.publish(only: ["k2"])
            try await Self.expectPublished("k2", at: Self.start.addingTimeInterval(3601), discovery)
            #expect(provider.fetchesOfKeys == 2)
            // The withdrawn key is gone with the fetch that brought the new one.
            try await Self.expectRefused("k1", at: Self.start.addingTimeInterval(3602), discovery)
        }
    }

    @Test func unknownKeyIDsAskTheProviderAtMostOnceAMinute() async throws {
        try await Self.withProvider { provider, _, discovery in
            // Twenty requests at once, before any keys are held: one fetch between them.
            try await withThrowingTaskGroup(of: Bool.self) { group in
                for _ in 0..<20 { group.addTask { try await discovery.keys(naming: "k1", now: Self.start) != nil } }
                for try await found in group { #expect(found) }
            }
            #expect(provider.fetchesOfKeys == 1)
            // Forged tokens naming made-up keys, one a second for a minute: no fetch until the
            // minute is up, then one.
            for second in 1...59 {
                try await Self.expectRefused("forged-\(second)", at: Self.start.addingTimeInterval(Double(second)), discovery)
            }
            #expect(provider.fetchesOfKeys == 1)
            try await Self.expectRefused("forged-60", at: Self.start.addingTimeInterval(60), discovery)
            #expect(provider.fetchesOfKeys == 2)
        }
    }

    @Test func keysADayOldAreFetchedAgainAndNotTrustedIfTheyCannotBe() async throws {
        try await Self.withProvider { provider, _, discovery in
            try await Self.expectPublished("k1", at: Self.start, discovery)
            try await Self.expectPublished("k1", at: Self.start + 22 * 3600, discovery)
            #expect(provider.fetchesOfKeys == 1)

            // The provider goes away: the renewal from 23 hours fails, the held keys serve on
            // until they are a day old, and not after.
            provider.keysDown.withLock { $0 = true }
            let aDayOn = Self.start + 24 * 3600
            try await Self.expectPublished("k1", at: aDayOn - 1800, discovery)
            await #expect(throws: SigningKeysUnavailable.self) { try await discovery.keys(naming: "k1", now: aDayOn) }
            #expect(provider.fetchesOfKeys == 3)
            // Back up, but asked again only once the minute is up.
            provider.keysDown.withLock { $0 = false }
            await #expect(throws: SigningKeysUnavailable.self) { try await discovery.keys(naming: "k1", now: aDayOn + 59) }
            try await Self.expectPublished("k1", at: aDayOn + 60, discovery)
            #expect(provider.fetchesOfKeys == 4)
        }
    }

    /// From 23 hours the keys are renewed by the request that finds them so, which does not
    /// wait for it: nobody waits for the daily fetch.
    @Test func keysAreRenewedBeforeTheyAreADayOldWithoutWaiting() async throws {
        try await Self.withProvider { provider, _, discovery in
            try await Self.expectPublished("k1", at: Self.start, discovery)
            let held = provider.holdKeys(atMost: .seconds(5))
            try await Self.expectPublished("k1", at: Self.start + 23.5 * 3600, discovery)
            #expect(provider.keysHeld, "answered while the renewal was held")
            #expect(try await Self.eventually { provider.fetchesOfKeys == 2 }, "the provider was asked")
            provider.letKeysGo()
            held.cancel()
            // A day after the first fetch the renewed keys are fresh: no fetch in the way.
            try await Self.expectPublished("k1", at: Self.start + 24.5 * 3600, discovery)
            #expect(provider.fetchesOfKeys == 2)
        }
    }

    /// Entra rotates while it cannot be reached: a token naming a key not seen may be good, so
    /// it is 503 (try again), not 401 (your token is bad), until the provider can be asked.
    @Test func aKeyNotSeenWhileTheProviderIsDownIsUnavailableNotUnknown() async throws {
        try await Self.withProvider { provider, _, discovery in
            try await Self.expectPublished("k1", at: Self.start, discovery)
            provider.keysDown.withLock { $0 = true }
            await #expect(throws: SigningKeysUnavailable.self) { try await discovery.keys(naming: "k2", now: Self.start + 60) }
            try await Self.expectPublished("k1", at: Self.start + 61, discovery)  // the held key still works
            provider.keysDown.withLock { $0 = false }
            try await Self.expectRefused("k2", at: Self.start + 120, discovery)  // asked again: truly unknown
        }
    }

    /// A request whose key is held never waits for a fetch another request started.
    @Test func aHeldKeyIsAnsweredWhileAFetchIsUnderWay() async throws {
        try await Self.withProvider { provider, _, discovery in
            try await Self.expectPublished("k1", at: Self.start, discovery)
            let held = provider.holdKeys(atMost: .seconds(5))
            let forged = Task { try await discovery.keys(naming: "forged", now: Self.start + 120) }
            #expect(try await Self.eventually { provider.fetchesOfKeys == 2 }, "the provider was asked")
            try await Self.expectPublished("k1", at: Self.start + 121, discovery)
            #expect(provider.keysHeld, "answered while the provider still held the fetch")
            provider.letKeysGo()
            held.cancel()
            #expect(try await forged.value == nil)
        }
    }

    /// The API end to end: no JWKS file, so the server discovers the issuer's keys.
    @Test func theAPIAcceptsTokensSignedWithThePublishedKeys() async throws {
        try await Self.withProvider { provider, issuer, _ in
            try await TestWorld.run(on: .sqlite, environment: ["EPTRACK_OIDC_ISSUER": issuer, "EPTRACK_OIDC_AUDIENCE": Self.audience]) { world, client in
                let id = try await client.openCase(in: world)
                let token = try await provider.sign(Self.claims(issuer: issuer), kid: "k1")
                let read = try await client.send(.get, "/v1/cases/\(id)", as: nil, in: world, headers: [.authorization: "Bearer \(token)"])
                #expect(read.status == .ok, "\(read.text)")

                // Signed with a key the provider has never published.
                await provider.addKey("k9")
                provider.publish(only: ["k1"])
                let forged = try await provider.sign(Self.claims(issuer: issuer), kid: "k9")
                let refused = try await client.send(.get, "/v1/cases/\(id)", as: nil, in: world, headers: [.authorization: "Bearer \(forged)"])
                #expect(refused.status == .unauthorized && refused.headers[.wwwAuthenticate] != nil, "\(refused.text)")
            }
        }
    }

    @Test func aProviderThatCannotBeReachedGives503AndChangesNothing() async throws {
        try await Self.withProvider { provider, issuer, _ in
            provider.keysDown.withLock { $0 = true }
            try await TestWorld.run(on: .sqlite, environment: ["EPTRACK_OIDC_ISSUER": issuer, "EPTRACK_OIDC_AUDIENCE": Self.audience]) { world, client in
                var claims = Self.claims(issuer: issuer)
                claims.roles = ["la-northshire.social_worker"]
                let token = try await provider.sign(claims, kid: "k1")
                let before = try await client.send(.get, "/v1/cases", as: .northshireIRO, in: world)
                let response = try await client.send(
                    .post, "/v1/cases", as: nil, in: world, json: #"{"reference":"NS-OIDC-0001","local_authority":"la-northshire","profile":{"sex":"female","ethnicity":"WBRI","sibling_group_size":1,"disability":false,"unborn":false}}"#,
                    headers: [.authorization: "Bearer \(token)"]
                )
                #expect(response.status == .serviceUnavailable, "\(response.text)")
                #expect(try response.object()["type"] as? String == "/problems/identity-provider-unavailable" && response.headers[.retryAfter] == "60")
                #expect(!response.text.contains("127.0.0.1"), "what went wrong with the provider is logged, not told")
                // API tokens keep working, and nothing was stored.
                let after = try await client.send(.get, "/v1/cases", as: .northshireIRO, in: world)
                #expect(after.status == .ok && after.text == before.text)
            }
        }
    }

    /// Whether `condition` holds within 5 s (polled), so a test of something that should happen
    /// in the background fails rather than hangs when it does not.
    static func eventually(_ condition: () -> Bool) async throws -> Bool {
        let deadline = ContinuousClock.now + .seconds(5)
        while !condition() {
            guard ContinuousClock.now < deadline else { return false }
            try await Task.sleep(for: .milliseconds(5))
        }
        return true
    }

    /// Expects the discovery to hold a key `kid` at `now` (fetching as it sees fit).
    static func expectPublished(_ kid: String, at now: Date, _ discovery: OIDCDiscovery, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let keys = try await discovery.keys(naming: kid, now: now)
        #expect(keys != nil, "\(kid) at \(now)", sourceLocation: sourceLocation)
    }

    /// Expects the discovery to hold no key `kid` at `now`.
    static func expectRefused(_ kid: String, at now: Date, _ discovery: OIDCDiscovery, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let keys = try await discovery.keys(naming: kid, now: now)
        #expect(keys == nil, "\(kid) at \(now)", sourceLocation: sourceLocation)
    }

    static func claims(issuer: String) -> OIDCTests.Claims {
        var claims = OIDCTests.Claims()
        claims.iss = .init(value: issuer)
        claims.aud = .init(value: [audience])
        claims.tid = nil
        return claims
    }
}
