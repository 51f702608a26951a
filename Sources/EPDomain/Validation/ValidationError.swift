import Foundation

/// Why a case or milestone was refused. Every refusal names the field (a JSON pointer into the
/// request body, e.g. `/details/weeks`) and, where there is one, the milestone it conflicts with.
public struct ValidationError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Category: String, Hashable, Sendable {
        /// The value itself is wrong: unknown field, wrong type, out of range, future date.
        case invalidField = "invalid-field"
        /// The value is well formed but impossible given the journey recorded so far.
        case chronologyConflict = "chronology-conflict"
        /// A correction names a milestone the case does not have.
        case unknownMilestone = "milestone-not-found"
    }

    public let category: Category
    public let field: String
    public let detail: String
    public let conflictingMilestone: UUID?

    public init(_ category: Category, field: String, _ detail: String, conflictingMilestone: UUID? = nil) {
        self.category = category
        self.field = field
        self.detail = detail
        self.conflictingMilestone = conflictingMilestone
    }

    static func invalid(_ field: String, _ detail: String) -> ValidationError {
        ValidationError(.invalidField, field: field, detail)
    }

    static func conflict(_ field: String, _ detail: String, with milestone: Milestone? = nil) -> ValidationError {
        ValidationError(.chronologyConflict, field: field, detail, conflictingMilestone: milestone?.id)
    }

    public var description: String { "\(field): \(detail)" }
}
