import Foundation
import HTTPTypes
import Hummingbird

/// The documented paths and their methods, read from the contract, so that a known path asked
/// with another method answers 405 with `Allow` rather than the router's 404.
struct RouteTable: Sendable {
    private let routes: [(segments: [Substring], methods: [String])]

    /// Reads `paths:` from the OpenAPI document: a path is a two-space-indented key starting
    /// with `/`, its methods the four-space-indented HTTP verbs under it.
    init(openAPIDocument: String) {
        var routes: [(segments: [Substring], methods: [String])] = []
        var inPaths = false
        for line in openAPIDocument.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("paths:") { inPaths = true; continue }
            guard inPaths else { continue }
            if !line.isEmpty, !line.hasPrefix(" ") { break }
            if line.hasPrefix("  /"), line.hasSuffix(":") {
                routes.append((line.dropFirst(2).dropLast().split(separator: "/"), []))
            } else if line.hasPrefix("    "), !line.hasPrefix("     "), let verb = line.dropFirst(4).split(separator: ":").first,
                      ["get", "post", "put", "patch", "delete"].contains(String(verb)), !routes.isEmpty {
                routes[routes.count - 1].methods.append(verb.uppercased())
            }
        }
        self.routes = routes
    }

    /// The methods documented for `path`, or nil when no documented path matches it.
    func methods(for path: String) -> [String]? {
        let segments = path.split(separator: "/")
        return routes.first { route in
            route.segments.count == segments.count
                && zip(route.segments, segments).allSatisfy { template, actual in template.hasPrefix("{") || template == actual }
        }?.methods
    }
}

/// Turns the router's 404 for a documented path into 405 with `Allow`.
struct MethodNotAllowedMiddleware<Context: RequestContext>: RouterMiddleware {
    let routes: RouteTable

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as HTTPError where error.status == .notFound {
            guard let methods = routes.methods(for: request.uri.path), !methods.contains(request.method.rawValue) else { throw error }
            var problem = Problem(.methodNotAllowed, "\(request.uri.path) answers \(methods.joined(separator: ", ")) only")
            problem.headers[.allow] = methods.joined(separator: ", ")
            throw problem
        }
    }
}
