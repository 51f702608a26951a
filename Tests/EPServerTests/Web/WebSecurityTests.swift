import Crypto
import EPDomain
import EPServer
import EPStore
import EPWeb
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// What the pages refuse: forms without this session's CSRF token, another agency's case,
/// a used or expired link, a session after sign-out or past its timeouts.
@Suite struct WebSecurityTests {
    @Test(arguments: TestDatabase.all)
    func aFormWithoutThisSessionsTokenIsRefusedAndChangesNothing(database: TestDatabase) async throws {
        try await TestWorld.run(on: database) { world, client in
            let id = try await client.openCase(in: world)
            let mine = try await Browser.signedIn(as: .northshireSocialWorker, in: world, client: client)
            let colleague = try await Browser.signedIn(as: .northshireSocialWorker, in: world, client: client)
            let othersToken = try #require(try await colleague.get("/cases").csrfToken)
            let fields = ["kind": "birth", "occurred_on-day": "1", "occurred_on-month": "7", "occurred_on-year": "2025"]
            for csrf in ["", othersToken, "x"] {
                let refused = try await mine.post("/cases/\(id)/milestones", fields, csrf: csrf)
                #expect(refused.status == .forbidden && refused.text.contains("This form has expired"))
            }
            var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded", .cookie: try #require(mine.cookie)]
            headers[.origin] = "https://evil.example"
            let noField = try await client.execute(uri: "/cases/\(id)/milestones", method: .post, headers: headers,
                                                   body: .init(string: "kind=birth&occurred_on-day=1&occurred_on-month=7&occurred_on-year=2025"))
            #expect(noField.status == .forbidden)
            let api = try await client.send(.get, "/v1/cases/\(id)", as: .northshireIRO, in: world)
            #expect(try (api.object()["milestones"] as? [Any])?.isEmpty == true)
            #expect(try await mine.post("/cases/\(id)/milestones", fields, from: "/cases/\(id)/milestones/new?kind=birth").status == .seeOther,
                    "with the page's own token it goes through")
        }
    }

    @Test(arguments: TestDatabase.all)
    func anotherAgencysCaseIsNotFoundExactlyAsInTheAPI(database: TestDatabase) async throws {
        try await TestWorld.run(on: database) { world, client in
            let id = try await client.openCase(in: world)
            for caller in [TestWorld.Caller.southmoorSocialWorker, .southmoorIRO, .vaaSocialWorker] {
                let browser = try await Browser.signedIn(as: caller, in: world, client: client)
                for path in ["/cases/\(id)", "/cases/\(id)/profile", "/cases/\(id)/milestones/new?kind=birth"] {
                    let page = try await browser.get(path)
                    #expect(page.status == (caller == .southmoorIRO && path != "/cases/\(id)" ? .forbidden : .notFound), "\(caller) \(path)")
                }
                #expect(try await browser.get("/cases").text.contains("NS-EP-2025-0142") == false)
                #expect(try await client.send(.get, "/v1/cases/\(id)", as: caller, in: world).status == .notFound)
            }
            // The partnered RAA sees it, as in the API.
            let raa = try await Browser.signedIn(as: .raaSocialWorker, in: world, client: client)
            #expect(try await raa.get("/cases/\(id)").status == .ok)
        }
    }

    @Test func signingOutEndsTheSessionOnTheServer() async throws {
        try await TestWorld.run(on: .sqlite) { world, client in
            let browser = try await Browser.signedIn(as: .northshireIRO, in: world, client: client)
            #expect(try await browser.get("/alerts").status == .ok)
            let out = try await browser.post("/sign-out", [:], from: "/alerts")
            #expect(out.status == .seeOther && out.location == "/sign-in?signed_out=1")
            #expect(out.headers[values: .setCookie].contains { $0.hasPrefix("eptrack_session=;") && $0.contains("Max-Age=0") })
            // The old cookie, kept by someone, signs no one in.
            let replayed = try await browser.get("/alerts")
            #expect(replayed.status == .seeOther && replayed.location?.hasPrefix("/sign-in") == true)
            #expect(try await client.execute(uri: "/sign-in?signed_out=1", method: .get).text.contains("You have signed out"))
            // Both ends of the session are in the agency's audit trail.
            let trail = try await world.backend.store.auditEvents(AuditQuery(
                agency: TestWorld.northshire, localAuthorities: [TestWorld.northshire], caseID: nil, actor: nil, from: nil, until: nil, limit: 100, after: nil
            ))
            #expect(trail.map(\.action).contains("session.start") && trail.map(\.action).contains("session.end"))
        }
    }

    @Test func aSessionEndsWhenIdleOrOld() async throws {
        try await TestWorld.run(on: .sqlite) { world, client in
            let store = world.backend.store
            for (created, lastSeen) in [(-3600.0, -31 * 60.0), (-11 * 3600.0, -60.0)] {
                let id = UUID().uuidString
                try await store.createWebSession(WebSession(
                    idHash: SHA256.hash(data: Data(id.utf8)).map { String(format: "%02x", $0) }.joined(), subject: "link:test",
                    agency: TestWorld.northshire, role: .iro, csrfToken: "t", createdAt: TestWorld.now.addingTimeInterval(created),
                    lastSeenAt: TestWorld.now.addingTimeInterval(lastSeen)
                ))
                let page = try await Browser(client, cookie: "eptrack_session=\(id)").get("/alerts")
                #expect(page.status == .seeOther && page.location == "/sign-in?return_to=/alerts", "created \(created), seen \(lastSeen)")
            }
        }
    }

    @Test func aSignInLinkWorksOnceAndOnlyWhereAllowed() async throws {
        try await TestWorld.run(on: .sqlite) { world, client in
            let link = try await SignInLinks.create(store: world.backend.store, agency: TestWorld.northshire, role: .leader, publicURL: "http://x", clock: world.clock)
            let path = String(link.dropFirst("http://x".count))
            // Posted from elsewhere (no cookie from the link's own page): refused, and still unused.
            let elsewhere = try await client.execute(uri: path, method: .post)
            #expect(elsewhere.status == .forbidden && elsewhere.sessionCookie == nil)
            #expect(try await Browser.redeem(path, client: client).status == .seeOther)
            let again = try await Browser.redeem(path, client: client)
            #expect(again.status == .gone && again.sessionCookie == nil)
            #expect(try await client.execute(uri: "/sign-in/link/not-a-link", method: .get).status == .gone)
        }
        // With OIDC sign-in configured, links are refused unless explicitly allowed.
        let oidc = ["EPTRACK_OIDC_ISSUER": "https://login.example.org/tenant/v2.0", "EPTRACK_WEB_OIDC_CLIENT_ID": "eptrack-pages"]
        try await TestWorld.run(on: .sqlite, environment: oidc) { world, client in
            let link = try await SignInLinks.create(store: world.backend.store, agency: TestWorld.northshire, role: .leader, publicURL: "http://x", clock: world.clock)
            #expect(try await Browser.redeem(String(link.dropFirst("http://x".count)), client: client).status == .gone)
        }
        try await TestWorld.run(on: .sqlite, environment: oidc.merging(["EPTRACK_WEB_SIGN_IN_LINKS": "allow"]) { $1 }) { world, client in
            let link = try await SignInLinks.create(store: world.backend.store, agency: TestWorld.northshire, role: .leader, publicURL: "http://x", clock: world.clock)
            #expect(try await Browser.redeem(String(link.dropFirst("http://x".count)), client: client).status == .seeOther)
        }
    }

    @Test func pagesNeedASessionAndComeBackAfterSigningIn() async throws {
        try await TestWorld.run(on: .sqlite) { world, client in
            let page = try await client.execute(uri: "/cases?state=pre_birth", method: .get)
            #expect(page.status == .seeOther && page.location == "/sign-in?return_to=/cases%3Fstate%3Dpre_birth", "\(page.location ?? "")")
            let post = try await client.execute(uri: "/sign-out", method: .post)
            #expect(post.status == .seeOther && post.location == "/sign-in?expired=1")
            // A browser asking for a path that is no page gets the pages' 404; an API client, problem+json.
            let browser = try await client.execute(uri: "/no-such-page", method: .get, headers: [.accept: "text/html,application/xhtml+xml"])
            #expect(browser.status == .notFound && browser.text.contains("<h1>Page not found</h1>"))
            let other = try await client.execute(uri: "/no-such-page", method: .get, headers: [.accept: "application/json"])
            #expect(other.status == .notFound && other.headers[.contentType] == "application/problem+json")
            let api = try await client.execute(uri: "/v1/no-such-thing", method: .get, headers: [.accept: "text/html", .authorization: "Bearer \(try #require(world.tokens[.northshireIRO]))"])
            #expect(api.status == .notFound && api.headers[.contentType] == "application/problem+json")
            // The API still answers problem+json without a token: the pages' sessions are not bearer tokens.
            let cookieOnly = try await client.execute(uri: "/v1/cases", method: .get, headers: [.cookie: "eptrack_session=whatever"])
            #expect(cookieOnly.status == .unauthorized)
        }
    }

    /// The pages spend from the same per-caller limit as the API (`EPTRACK_RATE_LIMIT`): past
    /// it, a page saying so with 429 and `Retry-After`, and a form posted then saves nothing.
    @Test func aSignedInPersonOverTheLimitGetsAPageSayingSoAndNothingIsSaved() async throws {
        try await TestWorld.run(on: .sqlite, environment: ["EPTRACK_RATE_LIMIT": "5"]) { world, client in
            let id = try await client.openCase(in: world)
            let browser = try await Browser.signedIn(as: .northshireSocialWorker, in: world, client: client)
            let page = try await browser.get("/cases/\(id)")
            #expect(page.status == .ok)
            let csrf = try #require(page.csrfToken)
            for _ in 2...5 { #expect(try await browser.get("/cases").status == .ok) }
            let fields = ["kind": "birth", "occurred_on-day": "2", "occurred_on-month": "6", "occurred_on-year": "2025"]
            let limited = try await browser.post("/cases/\(id)/milestones", fields, csrf: csrf)
            #expect(limited.status == .tooManyRequests)
            #expect(limited.text.contains("Too many requests") && limited.text.contains("Nothing was saved"))
            // 5 a minute is one every 12 s.
            #expect(limited.headers[.retryAfter].flatMap(Int.init).map { (1...12).contains($0) } == true)
            let view = try await client.send(.get, "/v1/cases/\(id)", as: .northshireIRO, in: world)
            #expect((try view.object()["milestones"] as? [Any])?.isEmpty == true, "the refused form saved nothing")
            let colleague = try await Browser.signedIn(as: .northshireIRO, in: world, client: client)
            #expect(try await colleague.get("/cases").status == .ok, "another person has their own bucket")
            let signedOut = try await browser.post("/sign-out", [:], csrf: csrf)
            #expect(signedOut.status == .seeOther, "signing out is never refused")
        }
    }
}
