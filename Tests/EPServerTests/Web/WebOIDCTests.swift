import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import JWTKit
import Synchronization
import Testing

/// Signing in to the pages with the organisation's account, against an OpenID Connect provider
/// of the tests' own running on this machine (discovery, keys, a token endpoint that checks the
/// PKCE verifier): the ID token is accepted only when it is this sign-in's (nonce), for this
/// client (aud), from this issuer, unexpired and signed by a key the provider publishes.
@Suite struct WebOIDCTests {
    static let clientID = "eptrack-pages-northshire"

    struct IDToken: JWTPayload {
        var iss: IssuerClaim
        var aud: AudienceClaim = .init(value: [WebOIDCTests.clientID])
        var exp: ExpirationClaim = .init(value: TestWorld.now.addingTimeInterval(3600))
        var iat: IssuedAtClaim? = .init(value: TestWorld.now)
        var sub: SubjectClaim? = .init(value: "3f2b9a10-5d1e-4c2a-9b7e-0a6c1d2e3f40")
        var nonce: String?
        var roles: [String]? = ["la-northshire.social_worker"]
        func verify(using algorithm: some JWTAlgorithm) async throws {}
    }

    /// Starts a sign-in at the pages, reads what they send the browser to the provider with,
    /// lines up the ID token `make` builds for that nonce, and comes back to the callback.
    static func signIn(
        _ client: any TestClientProtocol, provider: TestIdentityProvider, issuer: String, returnTo: String = "/cases",
        sign: @escaping (IDToken) async throws -> String, _ make: (inout IDToken) -> Void = { _ in }
    ) async throws -> TestResponse {
        let start = try await client.execute(uri: "/sign-in/start?return_to=\(returnTo)", method: .get)
        let location = try #require(start.location)
        #expect(location.hasPrefix("\(issuer)/authorize?"), "\(location)")
        let query = try #require(URLComponents(string: location)?.queryItems)
        func item(_ name: String) -> String? { query.first { $0.name == name }?.value }
        #expect(item("code_challenge_method") == "S256" && item("response_type") == "code" && item("client_id") == clientID)
        let state = try #require(item("state")), nonce = try #require(item("nonce")), challenge = try #require(item("code_challenge"))
        var claims = IDToken(iss: .init(value: issuer), nonce: nonce)
        make(&claims)
        let token = try await sign(claims)
        provider.next.withLock { $0 = (challenge, token) }
        let attempt = try #require(start.headers[values: .setCookie].first { $0.hasPrefix("eptrack_sign_in=") }).prefix { $0 != ";" }
        return try await client.execute(
            uri: "/sign-in/callback?code=abc123&state=\(state)", method: .get, headers: [.cookie: String(attempt)]
        )
    }

    static func withProvider(_ body: @Sendable (TestIdentityProvider, String, TestWorld, any TestClientProtocol) async throws -> Void) async throws {
        let provider = TestIdentityProvider(clientID: clientID)
        await provider.addKey("k1")
        try await provider.application().test(.live) { live in
            let issuer = "http://127.0.0.1:\(try #require(live.port))"
            try await TestWorld.run(on: .sqlite, environment: [
                "EPTRACK_OIDC_ISSUER": issuer, "EPTRACK_WEB_OIDC_CLIENT_ID": clientID, "EPTRACK_PUBLIC_URL": "https://eptrack.northshire.example",
                "EPTRACK_OIDC_MAX_TOKEN_LIFETIME": "7200",
            ]) { world, client in
                try await body(provider, issuer, world, client)
            }
        }
    }

    @Test func aPersonSignsInWithTheirOrganisationsAccount() async throws {
        try await Self.withProvider { provider, issuer, _, client in
            let page = try await client.execute(uri: "/sign-in", method: .get)
            #expect(page.text.contains(#"id="sign-in-start""#))
            let back = try await Self.signIn(client, provider: provider, issuer: issuer, sign: { try await provider.sign($0, kid: "k1") })
            #expect(back.status == .seeOther && back.location == "/cases", "\(back.text.prefix(500))")
            let cookie = try #require(back.sessionCookie)
            #expect(back.headers[values: .setCookie].contains { $0.hasPrefix("eptrack_session=") && $0.contains("HttpOnly") && $0.contains("SameSite=Lax") && $0.contains("Secure") })
            let cases = try await Browser(client, cookie: cookie).get("/cases")
            #expect(cases.status == .ok && cases.text.contains("as a social worker"))
        }
    }

    @Test func idTokensThatAreNotThisSignInsAreRefused() async throws {
        try await Self.withProvider { provider, issuer, _, client in
            let stranger = JWTKeyCollection()
            await stranger.add(ecdsa: ES256PrivateKey(), kid: "k1")
            let cases: [(String, (inout IDToken) -> Void, JWTKeyCollection)] = [
                ("wrong nonce", { $0.nonce = "another-sign-in" }, provider.signer),
                ("wrong audience", { $0.aud = .init(value: ["someone-else"]) }, provider.signer),
                ("wrong issuer", { $0.iss = .init(value: "https://login.example.org/") }, provider.signer),
                ("expired", { $0.exp = .init(value: TestWorld.now.addingTimeInterval(-60)) }, provider.signer),
                ("another key", { _ in }, stranger),
                ("no role", { $0.roles = [] }, provider.signer),
                ("unregistered agency", { $0.roles = ["la-nowhere.iro"] }, provider.signer),
            ]
            for (name, change, keys) in cases {
                let back = try await Self.signIn(client, provider: provider, issuer: issuer, sign: { try await keys.sign($0, kid: "k1") }, change)
                #expect(back.status == .unauthorized && back.sessionCookie == nil, "\(name): \(back.status)")
                #expect(back.text.contains("Sign-in did not work"), "\(name)")
            }
        }
    }

    @Test func aCallbackNotStartedInThisBrowserIsRefused() async throws {
        try await Self.withProvider { provider, issuer, _, client in
            let start = try await client.execute(uri: "/sign-in/start", method: .get)
            let location = try #require(start.location)
            let state = try #require(URLComponents(string: location)?.queryItems?.first { $0.name == "state" }?.value)
            // The same state, without the browser's attempt cookie (a link someone was sent).
            let back = try await client.execute(uri: "/sign-in/callback?code=abc&state=\(state)", method: .get)
            #expect(back.status == .unauthorized && back.sessionCookie == nil)
            #expect(provider.exchanges.withLock { $0 } == 0, "no code is exchanged for it")
        }
    }

    @Test func afterSigningInOnlyPathsOnThisServerAreFollowed() async throws {
        try await Self.withProvider { provider, issuer, _, client in
            for (asked, landed) in [("//evil.example/x", "/"), ("https%3A%2F%2Fevil.example", "/"), ("/%5Cevil.example", "/"), ("/alerts%3Fstatus%3Doverdue", "/alerts?status=overdue")] {
                let back = try await Self.signIn(client, provider: provider, issuer: issuer, returnTo: asked, sign: { try await provider.sign($0, kid: "k1") })
                #expect(back.status == .seeOther && back.location == landed, "\(asked) → \(back.location ?? "nothing")")
            }
        }
    }
}
