import EPDomain
import EPStore
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import OpenAPIRuntime

/// Who is calling and which request this is, for the handlers generated from the contract
/// (they see only the generated input types).
public enum RequestScope {
    @TaskLocal public static var caller: Caller?
    @TaskLocal public static var requestID: String?

    static func requireCaller() throws -> Caller {
        guard let caller else { throw ServiceError.unauthenticated("this endpoint needs a bearer token") }
        return caller
    }
}

/// The outermost middleware: gives every request an id (the client's `X-Request-Id` when it
/// sends a sane one), and turns every error from anywhere below into problem+json. Errors a
/// client cannot cause are logged; their detail never leaves the server.
struct ProblemMiddleware<Context: RequestContext>: RouterMiddleware {
    let logger: Logger

    /// A client's request id, kept when it is a plain token (letters, digits, `-`, at most 100)
    /// and holds no identifier the personal-data guard knows (an NHS number, a date of birth):
    /// it goes into the log and the append-only audit trail, which cannot be redacted.
    static func saneRequestID(_ offered: String) -> String? {
        guard offered.count <= 100, offered.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }) else { return nil }
        return PersonalDataGuard.identifier(in: offered) == nil ? offered : nil
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let offered = request.headers[.xRequestID]
        let requestID = offered.flatMap(Self.saneRequestID) ?? UUID.random().uuidString.lowercased()
        let started = ContinuousClock.now
        var response: Response
        do {
            response = try await RequestScope.$requestID.withValue(requestID) { try await next(request, context) }
        } catch {
            var problem = Problem.from(error)
            problem.requestID = requestID
            switch problem.kind {
            case .internalError:
                logger.error("request failed", metadata: ["request_id": .string(requestID), "error": .string(Self.loggable(error))])
            case .databaseUnavailable:
                logger.warning("database unavailable", metadata: ["request_id": .string(requestID), "reason": .string(problem.detail)])
            case .identityProviderUnavailable:
                logger.warning("identity provider unavailable", metadata: ["request_id": .string(requestID), "reason": .string("\(error)")])
            default:
                break
            }
            response = try problem.response(from: request, context: context)
        }
        response.headers[.xRequestID] = requestID
        let elapsed = ContinuousClock.now - started
        // Method, path (ids are pseudonymous), status and time: never headers, bodies or tokens.
        logger.info("request", metadata: [
            "request_id": .string(requestID), "method": .string(request.method.rawValue), "path": .string(request.uri.path),
            "status": .stringConvertible(response.status.code),
            "duration_ms": .string(String(format: "%.1f", Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000)),
        ])
        return response
    }
}

extension ProblemMiddleware {
    /// An unexpected error as the log may show it: where it came from and its type (and a
    /// database error's code), never its description, which can quote the request's headers
    /// and body (a bearer token, a note).
    static func loggable(_ error: any Error) -> String {
        if let error = error as? ServerError {
            return "in \(error.operationID): " + loggable(error.underlyingError)
        }
        return databaseErrorSummary(error) ?? String(reflecting: type(of: error))
    }
}

/// Refuses bodies over the limit with 413 before anything reads them (the generated code would
/// read any size).
struct BodyLimitMiddleware<Context: RequestContext>: RouterMiddleware {
    let limit: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
            throw Problem(.payloadTooLarge, "the body is \(length) bytes; the limit is \(limit) bytes")
        }
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: limit)
            request.body = RequestBody(buffer: buffer)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw Problem(.payloadTooLarge, "the body is over the limit of \(limit) bytes")
        } catch is NIOTooManyBytesError {
            // A streamed (chunked) body has no Content-Length to refuse up front: collecting it
            // stops at the limit with NIO's own error.
            throw Problem(.payloadTooLarge, "the body is over the limit of \(limit) bytes")
        }
        do {
            return try await next(request, context)
        } catch {
            // Only here is the body at hand to name a field the decoder would not.
            throw Problem.namingFractionalNumber(for: error, body: buffer) ?? error
        }
    }
}

/// Resolves the bearer token to a caller for every API path (under `/v1/`). Failed attempts
/// (no token, a malformed one, one this server did not issue, a forged JWT) are limited per
/// client address, and the limit is checked before the token is looked up, so guessing tokens
/// or flooding the server with bad ones cannot reach the database.
struct AuthenticationMiddleware<Context: RemoteAddressRequestContext>: RouterMiddleware {
    let authenticator: Authenticator
    let failures: RateLimiter
    let clientAddress: ClientAddress

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        // The API is under /v1/; the health checks, the contract and the pages (which sign people
        // in with a session of their own) are not.
        guard request.uri.path.hasPrefix("/v1/") else { return try await next(request, context) }
        let client = clientAddress.of(request, peer: context.remoteAddress)
        if let wait = failures.wait(for: client) {
            var problem = Problem(.rateLimited, "too many failed sign-ins from this address; retry in \(wait) s")
            problem.headers[.retryAfter] = String(wait)
            throw problem
        }
        let caller: Caller
        do {
            caller = try await authenticate(request)
        } catch let error as ServiceError {
            if case .unauthenticated = error { _ = failures.take(for: client) }
            throw error
        }
        return try await RequestScope.$caller.withValue(caller) { try await next(request, context) }
    }

    private func authenticate(_ request: Request) async throws -> Caller {
        guard let header = request.headers[.authorization] else {
            throw ServiceError.unauthenticated("send Authorization: Bearer <token>")
        }
        guard header.count > 7, header.prefix(7).lowercased() == "bearer " else {
            throw ServiceError.unauthenticated("the Authorization header must be 'Bearer <token>'")
        }
        return try await authenticator.caller(bearer: String(header.dropFirst(7)).trimmingCharacters(in: .whitespaces))
    }
}

extension HTTPField.Name {
    static let xRequestID = HTTPField.Name("X-Request-Id")!
}

/// swift-openapi-runtime writes response header values percent-encoded, as it would a URI
/// component ("/v1/cases/…" becomes "%2Fv1%2Fcases%2F…"). `Location` and `ETag` must reach
/// clients as written, so they are decoded on the way out.
struct ResponseHeaderMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        // Only the API's responses come from the generated code; the pages write their own.
        guard request.uri.path.hasPrefix("/v1/") else { return response }
        for name in [HTTPField.Name.location, .eTag] {
            if let value = response.headers[name], let decoded = value.removingPercentEncoding {
                response.headers[name] = decoded
            }
        }
        return response
    }
}
