import EPDomain
import EPServer
import EPStore
import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// Signing in and out: OpenID Connect's authorization code flow with PKCE, state and nonce
/// against the organisation's provider, or a one-time link where that is allowed.
struct SignInRoutes: Sendable {
    static let attemptCookie = "eptrack_sign_in"
    /// Set by a one-time link's confirm page, and required by its POST: a page elsewhere cannot
    /// post a link it was given to sign someone else's browser in (a SameSite=Lax cookie is not
    /// sent with another site's POST).
    static let linkCookie = "eptrack_link"
    /// An attempt not finished within this long is refused (and forgotten).
    static let attemptLifetime: TimeInterval = 10 * 60

    let sessions: Sessions
    let provider: OIDCProvider?
    let pages: PageRenderer
    let logger: Logger
    var store: any Store { sessions.store }
    var settings: PageSettings { sessions.settings }
    var redirectURI: String { settings.publicURL + "/sign-in/callback" }

    func register(on router: Router<ServerRequestContext>) {
        router.get("/sign-in") { request, _ in signInPage(FormData.query(of: request)) }
        router.get("/sign-in/start") { request, _ in try await start(FormData.query(of: request)) }
        router.get("/sign-in/callback") { request, _ in await callback(request) }
        router.get("/sign-in/link/:token") { _, context in try await showLink(context.parameters.get("token") ?? "") }
        router.post("/sign-in/link/:token") { request, context in
            try await redeemLink(context.parameters.get("token") ?? "", opened: request.cookies[Self.linkCookie]?.value)
        }
    }

    private func signInPage(_ query: FormData, failure: String? = nil, status: HTTPResponse.Status = .ok) -> Response {
        let returnTo = ReturnPath.safe(query["return_to"])
        var context: TemplateContext = [
            "oidc": provider != nil, "startHref": "/sign-in/start" + (returnTo == "/" ? "" : "?return_to=\(ReturnPath.encode(returnTo))"),
            "signedOut": query["signed_out"] != nil, "expired": query["expired"] != nil,
        ]
        context.put("failure", failure)
        return pages.page("sign-in", title: "Sign in", context, user: nil, status: status)
    }

    private func start(_ query: FormData) async throws -> Response {
        guard let provider else { return PageRenderer.redirect(to: "/sign-in") }
        let state = WebSecret.generate(), nonce = WebSecret.generate(), verifier = WebSecret.generate()
        try await store.saveSignInAttempt(SignInAttempt(
            stateHash: WebSecret.hash(state), nonce: nonce, codeVerifier: verifier, returnTo: ReturnPath.safe(query["return_to"]),
            createdAt: sessions.clock.stamp
        ))
        let url = try await provider.authorizationURL(
            state: state, nonce: nonce, codeChallenge: WebSecret.challenge(for: verifier), redirectURI: redirectURI
        )
        // The state is also kept in this browser, so a callback started in another browser
        // (someone else's sign-in, sent as a link) is refused.
        return PageRenderer.redirect(to: url, cookies: [
            sessions.cookie(Self.attemptCookie, value: state, maxAge: Int(Self.attemptLifetime), path: "/sign-in"),
        ])
    }

    private func callback(_ request: Request) async -> Response {
        let query = FormData.query(of: request)
        do {
            guard let provider else { return PageRenderer.redirect(to: "/sign-in") }
            if let error = query["error"] {
                throw OIDCProvider.Failure(description: "the provider did not sign you in (\(error.prefix(100)))")
            }
            guard let state = query["state"], let code = query["code"],
                  let mine = request.cookies[Self.attemptCookie]?.value, WebSecret.matches(state, mine),
                  let attempt = try await store.takeSignInAttempt(
                      stateHash: WebSecret.hash(state), createdAfter: sessions.clock.stamp.addingTimeInterval(-Self.attemptLifetime)
                  )
            else {
                throw OIDCProvider.Failure(description: "this sign-in was not started in this browser, or took too long")
            }
            let idToken = try await provider.idToken(code: code, codeVerifier: attempt.codeVerifier, redirectURI: redirectURI)
            let identity = try await provider.identity(of: idToken, nonce: attempt.nonce, now: sessions.clock.now())
            return try await signIn(subject: "oidc:\(identity.subject)", agency: identity.agency, role: identity.role, to: attempt.returnTo)
        } catch {
            let reason = (error as? OIDCProvider.Failure)?.description ?? "the identity provider could not be reached"
            logger.warning("sign-in refused", metadata: ["reason": .string(reason)])
            var response = signInPage(FormData(encoded: ""), failure: "Sign-in did not work: \(reason). Try again, or ask your administrator.", status: .unauthorized)
            response.headers.append(HTTPField(name: .setCookie, value: sessions.clearing(Self.attemptCookie, path: "/sign-in")))
            return response
        }
    }

    private func showLink(_ token: String) async throws -> Response {
        guard settings.signInLinks, let link = try await store.signInLink(tokenHash: WebSecret.hash(token), at: sessions.clock.stamp) else {
            return unusableLink()
        }
        let agency = try await store.agency(id: link.agency)
        var page = pages.page("sign-in-link", title: "Sign in with a one-time link", [
            "agencyName": agency?.name ?? link.agency, "roleName": PageRenderer.roleName(link.role), "token": token,
            "expires": Self.time(link.expiresAt),
        ], user: nil)
        page.headers.append(HTTPField(
            name: .setCookie, value: sessions.cookie(Self.linkCookie, value: token, maxAge: Int(SignInLinks.lifetime), path: "/sign-in/link")
        ))
        return page
    }

    private func redeemLink(_ token: String, opened: String?) async throws -> Response {
        guard settings.signInLinks, try await store.signInLink(tokenHash: WebSecret.hash(token), at: sessions.clock.stamp) != nil else {
            return unusableLink()
        }
        guard let opened, WebSecret.matches(opened, token) else {
            return pages.page("message", title: "Open the sign-in link in this browser", [
                "heading": "Open the sign-in link in this browser",
                "paragraphs": ["Nothing happened. Open the link itself (paste it into this browser's address bar), then continue."],
            ], user: nil, status: .forbidden)
        }
        // Redeemed in one statement: two browsers racing for one link get it once.
        guard let link = try await store.redeemSignInLink(tokenHash: WebSecret.hash(token), at: sessions.clock.stamp) else {
            return unusableLink()
        }
        var response = try await signIn(subject: link.subject, agency: link.agency, role: link.role, to: "/")
        response.headers.append(HTTPField(name: .setCookie, value: sessions.clearing(Self.linkCookie, path: "/sign-in/link")))
        return response
    }

    private func unusableLink() -> Response {
        pages.page("message", title: "This sign-in link cannot be used", [
            "heading": "This sign-in link cannot be used",
            "paragraphs": ["A sign-in link works once, for 15 minutes, and only where the administrator allows links. Ask for a new one."],
            "link": ["href": "/sign-in", "label": "Go to sign in"],
        ], user: nil, status: .gone)
    }

    /// A new session (never one the browser brought: no fixation), recorded in the audit trail.
    private func signIn(subject: String, agency: String, role: Role, to path: String) async throws -> Response {
        let caller: Caller
        do {
            caller = try await sessions.authenticator.caller(actor: subject, agency: agency, role: role)
        } catch ServiceError.unauthenticated {
            throw OIDCProvider.Failure(description: "your organisation (\(agency)) is not registered on this server")
        }
        let cookie = try await sessions.start(subject: subject, agency: agency, role: role)
        try await store.recordAudit(AuditEvent(caller, "session.start", at: sessions.clock.stamp, requestID: RequestScope.requestID))
        return PageRenderer.redirect(to: ReturnPath.safe(path), cookies: [cookie, sessions.clearing(Self.attemptCookie, path: "/sign-in")])
    }

    static func time(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB")
        formatter.timeZone = TimeZone(identifier: "Europe/London")
        formatter.dateFormat = "h:mma 'on' d MMMM yyyy"
        return formatter.string(from: date).replacingOccurrences(of: "AM", with: "am").replacingOccurrences(of: "PM", with: "pm")
    }
}
