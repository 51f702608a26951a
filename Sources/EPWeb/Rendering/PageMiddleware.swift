import EPDomain
import EPServer
import Foundation
import Hummingbird
import Logging

/// Signed-in pages: finds the session (or sends the browser to sign in, coming back to the same
/// page), refuses a form posted without this session's CSRF token, and shows what goes wrong as
/// a page, not as problem+json.
struct SignedInMiddleware: RouterMiddleware {
    typealias Context = ServerRequestContext
    let sessions: Sessions
    let pages: PageRenderer
    /// The API's per-caller limit: a signed-in person spends from the same kind of bucket.
    let limit: RateLimiter
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let user = try await sessions.user(for: request) else {
            guard request.method == .get else { return PageRenderer.redirect(to: "/sign-in?expired=1") }
            let here = request.uri.path + (request.uri.query.map { "?\($0)" } ?? "")
            return PageRenderer.redirect(to: here == "/" ? "/sign-in" : "/sign-in?return_to=\(ReturnPath.encode(here))")
        }
        // Signing out is never refused: someone over the limit must still be able to leave.
        if request.uri.path != "/sign-out", let wait = limit.take(for: user.caller.actor) {
            let saved = request.method == .post ? "Nothing was saved. " : ""
            var response = pages.page("message", title: "Too many requests", [
                "heading": "Too many requests",
                "paragraphs": ["\(saved)You have asked for more than \(limit.limit) pages a minute; wait \(wait) seconds and try again."],
            ], user: user, status: .tooManyRequests)
            response.headers[.retryAfter] = String(wait)
            return response
        }
        return try await WebScope.$user.withValue(user) {
            var form: FormData?
            if request.method == .post {
                let posted = try await FormData.body(of: request)
                guard let token = posted["csrf_token"], WebSecret.matches(token, user.session.csrfToken) else {
                    return pages.page("message", title: "This form has expired", [
                        "heading": "This form has expired",
                        "paragraphs": ["Nothing was saved. The form did not come from your current session: go back, reload the page and try again."],
                    ], status: .forbidden)
                }
                form = posted
            }
            return await WebScope.$form.withValue(form) {
                do {
                    return try await next(request, context)
                } catch {
                    return page(for: error, at: request.uri.path)
                }
            }
        }
    }

    /// What a missing page may have been about, by where it was asked for: another agency's case,
    /// token or partnership is not found, as the API answers, so as not to say it exists.
    private func notFound(at path: String) -> Response {
        let about = path.hasPrefix("/admin") ? "a token or partnership that is not your agency's" : "a case you cannot see"
        return pages.page("message", title: "Page not found", [
            "heading": "Page not found",
            "paragraphs": ["There is no such page, or it is about \(about). If you typed the address, check it is correct."],
        ], status: .notFound)
    }

    /// Every error a page handler lets through, as a page with the API's status code.
    private func page(for error: any Error, at path: String) -> Response {
        switch error {
        case ServiceError.notFound:
            return notFound(at: path)
        case let error as HTTPError where error.status == .notFound:
            return notFound(at: path)
        case ServiceError.forbidden(let detail):
            return pages.page("message", title: "You cannot do this", ["heading": "You cannot do this", "paragraphs": ["Your role does not allow it: \(detail)."]], status: .forbidden)
        case ServiceError.unauthenticated:
            return PageRenderer.redirect(to: "/sign-in")
        case ServiceError.busy:
            return pages.page("message", title: "The service is busy", [
                "heading": "The service is busy", "paragraphs": ["Too many figures are being worked out at once. Try again in a minute."],
            ], status: .serviceUnavailable)
        case ServiceError.badParameter(_, let detail):
            return pages.page("message", title: "Check the address", ["heading": "Check the address", "paragraphs": [detail]], status: .badRequest)
        case let error as ValidationError:
            // A form re-shows its own refusals beside their fields, and the lists their filters';
            // this keeps a refusal a page lets through from showing as the service failing.
            return pages.page("message", title: "Check what you asked for", ["heading": "Check what you asked for", "paragraphs": [error.detail]], status: .unprocessableContent)
        case ServiceError.idempotencyKeyReused:
            return pages.page("message", title: "This form was sent before", [
                "heading": "This form was sent before",
                "paragraphs": ["It was sent with other values, and the first sending is the one kept. Nothing more was saved: open the form again to make another change."],
            ], status: .unprocessableContent)
        case ServiceError.idempotencyInFlight, ServiceError.concurrentUpdate:
            return pages.page("message", title: "Try again", [
                "heading": "Try again", "paragraphs": ["Someone else was changing the same thing at the same moment. Nothing more was saved: go back and send the form again."],
            ], status: .conflict)
        default:
            logger.error("page failed", metadata: ["error": .string(String(reflecting: type(of: error)))])
            return pages.page("message", title: "Sorry, there is a problem with the service", [
                "heading": "Sorry, there is a problem with the service", "paragraphs": ["Nothing more was saved. Try again later."],
            ], status: .internalServerError)
        }
    }
}

/// A browser asking for a path that is no page and not the API's gets the pages' "Page not
/// found", with who is signed in, instead of problem+json. Added after every route, so it wraps
/// only the router's answer for unknown paths (Hummingbird builds each route's middleware when
/// the route is added); the API's paths keep their problem+json and their 405s.
struct PageNotFoundMiddleware: RouterMiddleware {
    typealias Context = ServerRequestContext
    let sessions: Sessions
    let pages: PageRenderer

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            guard !request.uri.path.hasPrefix("/v1/"), request.headers[.accept]?.contains("text/html") == true else { throw error }
            let user = try? await sessions.user(for: request)
            return pages.page("message", title: "Page not found", [
                "heading": "Page not found",
                "paragraphs": ["There is no such page. If you typed the address, check it is correct."],
                "link": ["href": "/", "label": "Go to the start page"],
            ], user: user, status: .notFound)
        }
    }
}

/// Where to go after signing in: only a path on this server. Anything that a browser could read
/// as another site (`//evil.example`, `https://…`, `/\evil`) becomes the home page.
enum ReturnPath {
    static func safe(_ candidate: String?) -> String {
        guard let candidate, candidate.hasPrefix("/"), !candidate.hasPrefix("//"), !candidate.contains("\\"),
              candidate.count <= 500, candidate.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F }) else { return "/" }
        return candidate
    }

    static func encode(_ path: String) -> String {
        FormEncoding.encode(path, keeping: "/")
    }
}
