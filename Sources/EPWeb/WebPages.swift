import EPDomain
import EPServer
import EPStore
import Foundation
import Hummingbird
import Logging

/// The pages for people in a browser (social workers, IROs, leaders, admins), served beside the
/// API on the same services: every rule, check and audit row has one path. Server-rendered,
/// no scripts; signed in with the organisation's account (OpenID Connect) or a one-time link.
public struct WebPages: PageRoutes {
    let settings: PageSettings
    /// The issuer's keys and endpoints, shared with the API's bearer tokens (`OIDCDiscovery.of`).
    let discovery: OIDCDiscovery?
    let logger: Logger

    public init(settings: PageSettings, discovery: OIDCDiscovery?, logger: Logger) {
        self.settings = settings
        self.discovery = discovery
        self.logger = logger
    }

    public func register(on router: Router<ServerRequestContext>, services: ApplicationServices) async throws {
        let pages = try await PageRenderer.load()
        let sessions = Sessions(store: services.store, authenticator: services.authenticator, settings: settings, clock: services.clock)
        let stylesheet = try Self.asset("eptrack.css")
        router.get("/assets/eptrack.css") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "public, max-age=3600"],
                body: .init(byteBuffer: ByteBuffer(string: stylesheet))
            )
        }
        SignInRoutes(sessions: sessions, provider: settings.oidc.map { OIDCProvider(settings: $0, discovery: discovery ?? OIDCDiscovery(issuer: $0.issuer)) }, pages: pages, logger: logger)
            .register(on: router)
        let signedIn = router.group().add(middleware: SignedInMiddleware(sessions: sessions, pages: pages, limit: services.callerLimit, logger: logger))
        signedIn.get("/") { _, _ in
            let user = try WebScope.requireUser()
            return PageRenderer.redirect(to: PageRenderer.sections(for: user.caller.role)[0].href)
        }
        signedIn.post("/sign-out") { request, _ in
            let user = try WebScope.requireUser()
            try await sessions.end(request)
            try await services.store.recordAudit(AuditEvent(user.caller, "session.end", at: services.clock.stamp, requestID: RequestScope.requestID))
            return PageRenderer.redirect(to: "/sign-in?signed_out=1", cookies: [sessions.clearing(Sessions.cookieName)])
        }
        CasePages(services: services, pages: pages).register(on: signedIn)
        MilestonePages(services: services, pages: pages).register(on: signedIn)
        AlertPages(services: services, pages: pages).register(on: signedIn)
        DashboardPages(services: services, pages: pages).register(on: signedIn)
        AdminPages(services: services, pages: pages).register(on: signedIn)
        // Last: it then wraps only the router's answer for paths nothing matched.
        router.add(middleware: PageNotFoundMiddleware(sessions: sessions, pages: pages))
    }

    static func asset(_ name: String) throws -> String {
        guard let url = Bundle.module.resourceURL?.appendingPathComponent("Assets").appendingPathComponent(name) else {
            throw PageRenderer.PageTemplatesMissing()
        }
        return try String(contentsOf: url, encoding: .utf8)
    }
}
