import EPDomain
import EPServer
import Foundation
import HTTPTypes
import Hummingbird
import Mustache

/// A message next to a form field, and in the error summary as a link to that field.
struct FieldError: Sendable, Equatable {
    /// The id of the element the summary links to (the first input of a date or of radios).
    let target: String
    let message: String
}

/// Renders the Mustache templates (kept as resources of this module) into whole pages in the
/// shared layout: header with who is signed in, navigation for their role, the error summary.
struct PageRenderer: Sendable {
    let library: MustacheLibrary

    /// The pages' policy: the stylesheet from this server, forms to this server, no scripts,
    /// nothing inline, no framing.
    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    static func load() async throws -> PageRenderer {
        guard let folder = Bundle.module.resourceURL?.appendingPathComponent("Templates") else {
            throw PageTemplatesMissing()
        }
        return PageRenderer(library: try await MustacheLibrary(directory: folder.path))
    }

    struct PageTemplatesMissing: Error {}

    func page(
        _ template: String, title: String, _ context: [String: Any] = [:], user: WebUser? = WebScope.user,
        section: String? = nil, errors: [FieldError] = [], status: HTTPResponse.Status = .ok
    ) -> Response {
        var context = context
        context["title"] = title
        context["hasErrors"] = !errors.isEmpty
        context["errors"] = errors.map { ["target": $0.target, "message": $0.message] }
        if let user {
            context["user"] = [
                "agencyName": user.agencyName, "roleName": Self.roleName(user.caller.role), "csrfToken": user.session.csrfToken,
            ]
            context["csrfToken"] = user.session.csrfToken
            context["nav"] = Self.sections(for: user.caller.role).map { ["href": $0.href, "label": $0.label, "current": $0.href == section] }
        }
        let html = library.render(context, withTemplate: template) ?? "template \(template) is missing"
        return Self.html(html, status: status)
    }

    static func html(_ html: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status,
            headers: [.contentType: "text/html; charset=utf-8", .contentSecurityPolicy: contentSecurityPolicy, .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: html))
        )
    }

    static func redirect(to location: String, cookies: [String] = []) -> Response {
        var headers: HTTPFields = [.location: location, .cacheControl: "no-store"]
        for cookie in cookies { headers.append(HTTPField(name: .setCookie, value: cookie)) }
        return Response(status: .seeOther, headers: headers)
    }

    /// The sections each role works in, in the order they are shown.
    static func sections(for role: Role) -> [(href: String, label: String)] {
        switch role {
        case .socialWorker: [("/cases", "Cases")]
        case .iro: [("/alerts", "Alerts"), ("/cases", "Cases")]
        case .leader: [("/dashboard", "Dashboard"), ("/alerts", "Alerts"), ("/cases", "Cases")]
        case .admin: [("/admin", "Administration")]
        }
    }

    static func roleName(_ role: Role) -> String {
        switch role {
        case .socialWorker: "a social worker"
        case .iro: "an independent reviewing officer"
        case .leader: "a service leader"
        case .admin: "an administrator"
        }
    }
}
