import EPDomain

/// Every way a request can fail that a caller can cause. The HTTP layer maps each to exactly
/// one problem type (HTTP/Problem.swift).
public enum ServiceError: Error, Equatable {
    case unauthenticated(String)
    case forbidden(String)
    /// The resource does not exist, or exists but the caller may not see it (the same answer).
    case notFound(String)
    case invalid(ValidationError)
    /// A query or path parameter is malformed.
    case badParameter(field: String, detail: String)
    case duplicateReference(String)
    /// An agency or an active partnership that already exists.
    case alreadyExists(String)
    case preconditionRequired
    case preconditionFailed(currentETag: String)
    /// The same Idempotency-Key was used before with a different request.
    case idempotencyKeyReused
    /// The first request with this Idempotency-Key has not finished yet.
    case idempotencyInFlight
    /// Other writes to the case kept winning; the client may retry.
    case concurrentUpdate
    /// An acknowledgement of a rule whose result on the case is not an open alert today.
    case alertNotOpen(ruleID: String, status: RuleStatus)
    /// The instance is already running as many heavy evaluations (dashboards, past-day alert
    /// lists) as it allows at once.
    case busy(retryAfter: Int)
}

extension ServiceError {
    /// The refusal in the API's words, for the operator's commands (which have no HTTP response).
    public var operatorMessage: String {
        let problem = Problem(self)
        return problem.field.map { "\($0): \(problem.detail)" } ?? problem.detail
    }
}
