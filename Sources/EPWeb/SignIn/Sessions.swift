import EPDomain
import EPServer
import EPStore
import Foundation
import Hummingbird

/// Who is signed in on this request: their session, the `Caller` every service takes (the same
/// one a bearer token would give) and their agency's name for the header.
struct WebUser: Sendable {
    let session: WebSession
    let caller: Caller
    let agencyName: String
}

/// The signed-in person and the submitted form of the request being handled.
enum WebScope {
    @TaskLocal static var user: WebUser?
    @TaskLocal static var form: FormData?

    static func requireUser() throws -> WebUser {
        guard let user else { throw ServiceError.unauthenticated("sign in first") }
        return user
    }
}

/// Sessions kept in the database, so any instance serves any request and sign-out ends a
/// session everywhere. The browser holds only the session id, in an `HttpOnly`, `SameSite=Lax`
/// cookie (`Secure` over HTTPS); the database holds its hash.
struct Sessions: Sendable {
    static let cookieName = "eptrack_session"
    /// Activity is written at most this often, so a page view is not always a write.
    static let touchInterval: TimeInterval = 60

    let store: any Store
    let authenticator: Authenticator
    let settings: PageSettings
    let clock: Clock

    /// Starts a session for someone the provider (or a one-time link) vouched for; returns the
    /// `Set-Cookie` value that carries it.
    func start(subject: String, agency: String, role: Role) async throws -> String {
        let id = WebSecret.generate()
        let now = clock.stamp
        try await store.createWebSession(WebSession(
            idHash: WebSecret.hash(id), subject: subject, agency: agency, role: role, csrfToken: WebSecret.generate(),
            createdAt: now, lastSeenAt: now
        ))
        return cookie(Self.cookieName, value: id, maxAge: Int(settings.lifetime))
    }

    /// The signed-in person, or nil when the request has no live session (none, ended at sign-out,
    /// idle too long, past its lifetime, or its agency no longer registered).
    func user(for request: Request) async throws -> WebUser? {
        guard let id = Self.sessionID(of: request) else { return nil }
        // One round trip for the session, its agency and what the agency may see.
        guard let found = try await store.webSession(idHash: WebSecret.hash(id)), found.session.endedAt == nil else { return nil }
        let session = found.session
        let now = clock.stamp
        guard now.timeIntervalSince(session.lastSeenAt) < settings.idleTimeout,
              now.timeIntervalSince(session.createdAt) < settings.lifetime else {
            try await store.endWebSession(idHash: session.idHash, at: now)
            return nil
        }
        if now.timeIntervalSince(session.lastSeenAt) >= Self.touchInterval {
            try await store.touchWebSession(idHash: session.idHash, at: now)
        }
        let caller = try Authenticator.caller(
            actor: session.subject, agency: session.agency, type: found.agencyType, partners: found.partners, role: session.role
        )
        return WebUser(session: session, caller: caller, agencyName: found.agencyName)
    }

    /// Ends the request's session server-side: its cookie no longer signs anyone in.
    func end(_ request: Request) async throws {
        guard let id = Self.sessionID(of: request) else { return }
        try await store.endWebSession(idHash: WebSecret.hash(id), at: clock.stamp)
    }

    /// The session id the browser sent, if it sent one of a plausible length.
    private static func sessionID(of request: Request) -> String? {
        guard let id = request.cookies[cookieName]?.value, !id.isEmpty, id.count <= 100 else { return nil }
        return id
    }

    /// A cookie for this server's pages only: not readable by scripts, not sent on cross-site
    /// posts, `Secure` when people reach the server over HTTPS.
    func cookie(_ name: String, value: String, maxAge: Int, path: String = "/") -> String {
        "\(name)=\(value); Path=\(path); Max-Age=\(maxAge); HttpOnly; SameSite=Lax" + (settings.secureCookies ? "; Secure" : "")
    }

    func clearing(_ name: String, path: String = "/") -> String { cookie(name, value: "", maxAge: 0, path: path) }
}
