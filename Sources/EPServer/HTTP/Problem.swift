import EPDomain
import EPStore
import EPTrackAPI
import Foundation
import HTTPTypes
import Hummingbird
import OpenAPIRuntime

/// An RFC 9457 problem: the one shape every error leaves the server in. Each `Kind` is one
/// documented problem type (api-docs/openapi.yaml, `Problem`).
public struct Problem: Error, Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case malformedRequest = "malformed-request"
        case unauthorized
        case forbidden
        case notFound = "not-found"
        case methodNotAllowed = "method-not-allowed"
        case chronologyConflict = "chronology-conflict"
        case duplicateReference = "duplicate-reference"
        case alertNotOpen = "alert-not-open"
        case alreadyExists = "already-exists"
        case idempotencyInFlight = "idempotency-in-flight"
        case concurrentUpdate = "concurrent-update"
        case preconditionFailed = "precondition-failed"
        case payloadTooLarge = "payload-too-large"
        case unsupportedMediaType = "unsupported-media-type"
        case invalidField = "invalid-field"
        case idempotencyKeyReused = "idempotency-key-reused"
        case preconditionRequired = "precondition-required"
        case rateLimited = "rate-limited"
        case notReady = "not-ready"
        case serverBusy = "server-busy"
        case databaseUnavailable = "database-unavailable"
        case identityProviderUnavailable = "identity-provider-unavailable"
        case internalError = "internal-error"

        var status: HTTPResponse.Status {
            switch self {
            case .malformedRequest: .badRequest
            case .unauthorized: .unauthorized
            case .forbidden: .forbidden
            case .notFound: .notFound
            case .methodNotAllowed: .methodNotAllowed
            case .chronologyConflict, .duplicateReference, .alertNotOpen, .alreadyExists, .idempotencyInFlight, .concurrentUpdate: .conflict
            case .preconditionFailed: .preconditionFailed
            case .payloadTooLarge: .contentTooLarge
            case .unsupportedMediaType: .unsupportedMediaType
            case .invalidField, .idempotencyKeyReused: .unprocessableContent
            case .preconditionRequired: .preconditionRequired
            case .rateLimited: .tooManyRequests
            case .notReady, .databaseUnavailable, .identityProviderUnavailable, .serverBusy: .serviceUnavailable
            case .internalError: .internalServerError
            }
        }

        var title: String {
            switch self {
            case .malformedRequest: "The request does not match the API contract"
            case .unauthorized: "Credentials are missing or not valid"
            case .forbidden: "Your role does not allow this"
            case .notFound: "Not found"
            case .methodNotAllowed: "This path does not answer that method"
            case .chronologyConflict: "Impossible given the journey recorded so far"
            case .duplicateReference: "The reference is already used by another case"
            case .alertNotOpen: "This rule is not an open alert on the case"
            case .alreadyExists: "It already exists"
            case .idempotencyInFlight: "The first request with this Idempotency-Key is still being processed"
            case .concurrentUpdate: "The case kept changing under this request"
            case .preconditionFailed: "The case has changed since you read it"
            case .payloadTooLarge: "The request body is too large"
            case .unsupportedMediaType: "The request body must be application/json"
            case .invalidField: "A value is not allowed"
            case .idempotencyKeyReused: "The Idempotency-Key was used for a different request"
            case .preconditionRequired: "If-Match is required"
            case .rateLimited: "Too many requests"
            case .notReady: "Not ready"
            case .serverBusy: "The server is busy; nothing was changed"
            case .databaseUnavailable: "The database is not available; nothing was changed"
            case .identityProviderUnavailable: "The identity provider's signing keys cannot be fetched; nothing was changed"
            case .internalError: "Internal error"
            }
        }
    }

    public let kind: Kind
    public let detail: String
    public var field: String?
    public var conflictingMilestone: UUID?
    public var headers: HTTPFields = [:]
    /// The request's id, so a person reporting the error can quote it.
    public var requestID: String?

    public init(_ kind: Kind, _ detail: String, field: String? = nil) {
        self.kind = kind
        self.detail = detail
        self.field = field
    }

    var body: Components.Schemas.Problem {
        Components.Schemas.Problem(
            _type: "/problems/\(kind.rawValue)", title: kind.title, status: kind.status.code, detail: detail,
            field: field, conflictingMilestoneId: conflictingMilestone?.lowercased, requestId: requestID
        )
    }
}

extension Problem {
    /// The problem for anything a request handler can throw. Errors nobody anticipated become
    /// `internal-error` (and are logged by the caller); every error a client can cause has its
    /// own kind.
    static func from(_ error: any Error) -> Problem {
        switch error {
        case let problem as Problem:
            return problem
        case let error as ServiceError:
            return Problem(error)
        case let error as ValidationError:
            return Problem(invalid: error)
        case let error as StoreError:
            return Problem(store: error)
        case let error as ServerError:
            return fromGenerated(error)
        case let error as DatabaseUnavailable:
            var problem = Problem(.databaseUnavailable, "\(error.description); nothing was stored: retry in a few seconds")
            problem.headers[.retryAfter] = "2"
            return problem
        case is SigningKeysUnavailable:
            // What went wrong with the provider is logged; the caller learns only what to do.
            var problem = Problem(
                .identityProviderUnavailable,
                "the identity provider's signing keys could not be fetched, so the bearer token cannot be checked; nothing was changed: retry in a minute"
            )
            problem.headers[.retryAfter] = "60"  // the provider is asked again at most once a minute
            return problem
        case let error as DecodingError:
            return Problem(decoding: error)
        case let error as HTTPError:
            return Problem(status: error.status, detail: error.body ?? error.status.reasonPhrase)
        default:
            return Problem(.internalError, "The server failed to handle the request; it has been logged.")
        }
    }

    init(_ error: ServiceError) {
        switch error {
        case .unauthenticated(let detail):
            self.init(.unauthorized, detail)
            headers[.wwwAuthenticate] = "Bearer realm=\"eptrack\""
        case .forbidden(let detail):
            self.init(.forbidden, detail)
        case .notFound(let detail):
            self.init(.notFound, detail)
        case .badParameter(let field, let detail):
            self.init(.malformedRequest, detail, field: field)
        case .alreadyExists(let what):
            self.init(.alreadyExists, "\(what) already exists")
        case .preconditionRequired:
            self.init(.preconditionRequired, "send If-Match with the ETag from your last read of the case", field: "If-Match")
        case .preconditionFailed(let current):
            self.init(.preconditionFailed, "the case is now at \(current): read it again and reapply your change", field: "If-Match")
            headers[.eTag] = current
        case .idempotencyKeyReused:
            self.init(.idempotencyKeyReused, "this Idempotency-Key was first used with a different request; use a new key", field: "Idempotency-Key")
        case .idempotencyInFlight:
            self.init(.idempotencyInFlight, "a request with this Idempotency-Key is still being processed; retry shortly", field: "Idempotency-Key")
            headers[.retryAfter] = "1"
        case .concurrentUpdate:
            self.init(.concurrentUpdate, "other changes to this case kept arriving first; retry the request")
            headers[.retryAfter] = "1"
        case .busy(let seconds):
            self.init(.serverBusy, "this server is already working out as many dashboards and past-day alert lists as it runs at once; retry in \(seconds) s")
            headers[.retryAfter] = String(seconds)
        case .alertNotOpen(let ruleID, let status):
            self.init(
                .alertNotOpen,
                "\(ruleID) is \(status.rawValue.replacingOccurrences(of: "_", with: " ")) on this case today; only open alerts (overdue or due soon) are acknowledged"
            )
        case .alertMoved(let ruleID, let shown, let open):
            self.init(
                .alertNotOpen,
                "the \(ruleID) alert counted from \(shown.iso) is no longer the open one\(open.map { " (it counts from \($0.iso) now)" } ?? ""); read the case's alerts again before acknowledging",
                field: "/anchor_on"
            )
        }
    }

    /// The domain's refusal of a value (422), a clash with the journey (409) or a milestone the
    /// case does not have (404), naming the field.
    init(invalid validation: ValidationError) {
        switch validation.category {
        case .invalidField: self.init(.invalidField, validation.detail, field: validation.field)
        case .chronologyConflict: self.init(.chronologyConflict, validation.detail, field: validation.field)
        case .unknownMilestone: self.init(.notFound, validation.detail, field: validation.field)
        }
        conflictingMilestone = validation.conflictingMilestone
    }

    /// What the store refuses because of what was asked: a reference or a row that exists.
    /// (`idempotencyKeyTaken` never leaves the services: they replay the other request's answer.)
    init(store error: StoreError) {
        switch error {
        case .duplicateReference(let reference):
            self.init(.duplicateReference, "this local authority already has a case with reference \(reference)", field: "/reference")
        case .alreadyExists(let what):
            self.init(.alreadyExists, "\(what) already exists")
        case .idempotencyKeyTaken:
            self.init(.internalError, "The server failed to handle the request; it has been logged.")
        }
    }

    /// A body that JSON or the schema refuses: names the field by its coding path.
    init(decoding error: DecodingError) {
        let (path, reason): ([any CodingKey], String) = switch error {
        case .typeMismatch(_, let context): (context.codingPath, "has the wrong type")
        case .valueNotFound(_, let context): (context.codingPath, "is missing a value")
        case .keyNotFound(let key, let context): (context.codingPath + [key], "is required")
        case .dataCorrupted(let context): (context.codingPath, context.debugDescription)
        @unknown default: ([], "is not valid")
        }
        let pointer = "/" + path.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: "/")
        let detail: String
        if path.isEmpty {
            detail = "the body is not valid JSON for this operation: \(reason)"
        } else if reason.contains("Unexpected keys") || reason.contains("unexpected keys") || reason.contains("Unknown") {
            detail = "\(pointer) has fields the contract does not allow: \(reason)"
        } else {
            detail = "\(pointer) \(reason)"
        }
        self.init(.malformedRequest, detail, field: path.isEmpty ? nil : pointer)
    }

    /// The generated layer wraps what a handler or its decoding threw: the error inside decides,
    /// and failing that the status the runtime chose.
    private static func fromGenerated(_ error: ServerError) -> Problem {
        let inner = from(error.underlyingError)
        // A refusal of the request's form (not the handler's 403, 422 or 503) with a required
        // query parameter left out names it: the runtime and its decoder do not always say which.
        let refusedForm = inner.kind == .malformedRequest || (inner.kind == .internalError && error.httpStatus == .badRequest)
        let components = URLComponents(string: error.request.path ?? "")
        let query = components?.queryItems ?? []
        if refusedForm, error.request.method == .get, components != nil {
            let missing = (requiredQueryParameters[error.operationID] ?? []).filter { name in !query.contains { $0.name == name } }
            if let first = missing.first {
                return Problem(.malformedRequest, "a required query parameter is missing: \(missing.joined(separator: " and "))", field: first)
            }
        }
        if inner.kind == .malformedRequest, inner.field == nil, let parameter = refusedParameter(error, query: query) { return parameter }
        guard inner.kind == .internalError, error.httpStatus != .internalServerError else { return inner }
        return Problem(status: error.httpStatus, detail: error.causeDescription)
    }

    /// The contract's required query parameters, by operation id: only the dashboard summary has
    /// any. The generated decoder does not name one left out; `ContractTests` checks this list
    /// against api-docs/openapi.yaml.
    static let requiredQueryParameters = ["getDashboardSummary": ["from", "to"]]

    /// A query or path value the generated decoder refused comes with no coding path, so its
    /// problem would blame the body. A value outside a parameter's list is named in Swift's own
    /// message ("Cannot initialize X from invalid String value met"): the query item holding it
    /// names the field, and so does the one value that is not a whole number where one is due.
    /// Any other such failure of a read (which takes no body) is said to be the parameters'.
    private static func refusedParameter(_ error: ServerError, query: [URLQueryItem]) -> Problem? {
        if case .dataCorrupted(let context)? = error.underlyingError as? DecodingError,
           let marker = context.debugDescription.range(of: "from invalid String value ") {
            let value = String(context.debugDescription[marker.upperBound...])
            if let item = query.first(where: { $0.value == value }) {
                return Problem(.malformedRequest, "\(item.name) may not be \(value): the contract lists the values it takes", field: item.name)
            }
            return Problem(.malformedRequest, "the path names \(value), which is not one of the values the contract lists there")
        }
        guard error.request.method == .get else { return nil }  // the API's reads take no body
        // A required one given empty ("to="): the decoder does not say which.
        if case .valueNotFound? = error.underlyingError as? DecodingError {
            return Problem(.malformedRequest, "a required query parameter is missing: check the operation's parameters")
        }
        // A number that is not a whole one ("limit=abc", "limit=1.5") comes with no name: it is
        // `limit`, the contract's only whole-number query parameter.
        if case .typeMismatch(let type, _)? = error.underlyingError as? DecodingError, type == Int.self {
            return Problem(.malformedRequest, "limit must be a whole number", field: "limit")
        }
        return Problem(.malformedRequest, "a query parameter is not in the form the contract gives: check the operation's parameters")
    }

    init(status: HTTPResponse.Status, detail: String) {
        let kind = Kind.allCases.first { $0.status == status && $0 != .internalError } ?? .malformedRequest
        self.init(kind, detail)
    }
}

extension Problem: HTTPResponseError {
    public var status: HTTPResponse.Status { kind.status }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        var fields = headers
        fields[.contentType] = "application/problem+json"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(data: try encoder.encode(body))))
    }
}
