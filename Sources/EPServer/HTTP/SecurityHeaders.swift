import HTTPTypes
import Hummingbird

/// Headers every response carries so that browsers and proxies handle case data safely: no
/// content sniffing; nothing under /v1 kept in any cache (responses carry case data, even when
/// pseudonymous); no framing and no referrer. An HTML page (the dashboard report) gets its own
/// Content-Security-Policy; everything else may load nothing at all. Text the contract names
/// without a charset (the dashboard's CSV and report) says it is UTF-8, so that neither a
/// browser nor a spreadsheet guesses another encoding.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        if let type = response.headers[.contentType], type == "text/csv" || type == "text/html" {
            response.headers[.contentType] = type + "; charset=utf-8"
        }
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.referrerPolicy] = "no-referrer"
        response.headers[.xFrameOptions] = "DENY"
        if request.uri.path.hasPrefix("/v1/") {
            response.headers[.cacheControl] = "no-store"
        }
        // The pages set their own policy (a stylesheet of their own, forms to themselves).
        if response.headers[.contentSecurityPolicy] == nil {
            let isHTML = response.headers[.contentType]?.hasPrefix("text/html") == true
            response.headers[.contentSecurityPolicy] = isHTML ? DashboardReport.contentSecurityPolicy : "default-src 'none'; frame-ancestors 'none'"
        }
        return response
    }
}

extension HTTPField.Name {
    static let referrerPolicy = HTTPField.Name("Referrer-Policy")!
    static let xFrameOptions = HTTPField.Name("X-Frame-Options")!
}
