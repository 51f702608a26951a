import EPDomain

/// The ways a request can fail that a caller can cause, beyond the domain's `ValidationError`
/// (a refused value or an impossible journey) and the store's `StoreError` (a reference or a row
/// that exists), which the services let through unchanged. `Problem.from` maps each of the
/// three to exactly one problem type, in one place (HTTP/Problem.swift).
public enum ServiceError: Error, Equatable {
    case unauthenticated(String)
    case forbidden(String)
    /// The resource does not exist, or exists but the caller may not see it (the same answer).
    case notFound(String)
    /// A query or path parameter is malformed.
    case badParameter(field: String, detail: String)
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
    /// An acknowledgement of the alert whose clock counted from `shown`, when the rule's open
    /// alert now counts from another day (a new viability assessment became the most overdue
    /// while the IRO read the old one): the IRO has not seen the alert that is open.
    case alertMoved(ruleID: String, shown: CalendarDate, open: CalendarDate?)
    /// The instance is already running as many heavy evaluations (dashboards, past-day alert
    /// lists) as it allows at once.
    case busy(retryAfter: Int)
}

extension Problem {
    /// A refusal in the API's words, for the operator's commands (which have no HTTP response),
    /// the field named by the command's own option where `options` says which (`/days` is
    /// `--expires`); nil for an error no caller causes.
    public static func operatorMessage(for error: any Error, options: [String: String] = [:]) -> String? {
        let problem = from(error)
        guard problem.kind != .internalError else { return nil }
        return problem.field.map { "\(options[$0] ?? $0): \(problem.detail)" } ?? problem.detail
    }
}
