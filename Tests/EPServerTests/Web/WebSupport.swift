import EPDomain
import EPServer
import EPStore
import EPWeb
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting

/// A browser, as far as the pages care: a session cookie, and forms posted with the CSRF token
/// of the page they came from.
struct Browser: Sendable {
    let client: any TestClientProtocol
    var cookie: String?

    init(_ client: any TestClientProtocol, cookie: String? = nil) {
        self.client = client
        self.cookie = cookie
    }

    /// Signs in with a one-time link for `caller`'s agency and role, as `eptrack signin-link` makes.
    static func signedIn(as caller: TestWorld.Caller, in world: TestWorld, client: any TestClientProtocol) async throws -> Browser {
        let (agency, role) = caller.agencyAndRole
        let link = try await SignInLinks.create(store: world.backend.store, agency: agency, role: role, publicURL: "http://eptrack.test", clock: world.clock)
        let path = String(link.dropFirst("http://eptrack.test".count))
        let signedIn = try await redeem(path, client: client)
        guard signedIn.status == .seeOther, let cookie = signedIn.sessionCookie else {
            throw TestSetupError("redeeming the sign-in link answered \(signedIn.status)")
        }
        return Browser(client, cookie: cookie)
    }

    /// Opens a one-time link's confirm page and continues, as a browser does (the page's cookie
    /// goes back with the POST).
    static func redeem(_ path: String, client: any TestClientProtocol) async throws -> TestResponse {
        let confirm = try await client.execute(uri: path, method: .get)
        let opened = confirm.headers[values: .setCookie].first { $0.hasPrefix("eptrack_link=") }.map { String($0.prefix { $0 != ";" }) }
        var headers: HTTPFields = [:]
        if let opened { headers[.cookie] = opened }
        return try await client.execute(uri: path, method: .post, headers: headers)
    }

    func get(_ path: String) async throws -> TestResponse {
        var headers: HTTPFields = [:]
        if let cookie { headers[.cookie] = cookie }
        return try await client.execute(uri: path, method: .get, headers: headers)
    }

    /// Posts `fields` as a browser submits a form, with `csrf` as its token (by default the
    /// one in the page at `from`, the page the form is on).
    func post(_ path: String, _ fields: [String: String], csrf: String? = nil, from page: String? = nil) async throws -> TestResponse {
        var fields = fields
        if let csrf {
            fields["csrf_token"] = csrf
        } else if let page {
            fields["csrf_token"] = try await get(page).csrfToken
        }
        var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
        if let cookie { headers[.cookie] = cookie }
        let body = fields.sorted { $0.key < $1.key }.map { "\(Self.encode($0.key))=\(Self.encode($0.value))" }.joined(separator: "&")
        return try await client.execute(uri: path, method: .post, headers: headers, body: ByteBuffer(string: body))
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~")))!
    }
}

extension TestResponse {
    /// `eptrack_session=…` from `Set-Cookie`, ready for a `Cookie` header.
    var sessionCookie: String? {
        headers[values: .setCookie].first { $0.hasPrefix("eptrack_session=") && !$0.hasPrefix("eptrack_session=;") }
            .map { String($0.prefix { $0 != ";" }) }
    }

    var csrfToken: String? {
        text.firstMatch(of: /name="csrf_token" value="([^"]+)"/).map { String($0.output.1) }
    }

    /// The error summary's links: (href, message).
    var errorSummary: [(href: String, message: String)] {
        guard let summary = text.firstMatch(of: /class="error-summary"[\s\S]*?<\/div>/) else { return [] }
        return String(summary.output).matches(of: /<a href="#([^"]+)">([^<]+)<\/a>/).map { (String($0.output.1), String($0.output.2)) }
    }

    var location: String? { headers[.location] }
}
