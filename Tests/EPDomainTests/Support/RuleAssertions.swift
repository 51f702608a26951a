import EPDomain
import Testing

/// Checks every field of a rule result at once. `overdue` and `remaining` left nil assert that
/// the result carries none; `mentions` are texts (usually ISO dates) its message must contain.
func expectResult(
    _ result: RuleResult, _ status: RuleStatus, anchor: String?, due: String?,
    overdue: Int? = nil, remaining: Int? = nil, mentions: [String] = [],
    sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(result.status == status, "status", sourceLocation: sourceLocation)
    #expect(result.anchorOn == anchor.map(CalendarDate.day), "anchorOn", sourceLocation: sourceLocation)
    #expect(result.dueOn == due.map(CalendarDate.day), "dueOn", sourceLocation: sourceLocation)
    #expect(result.daysOverdue == overdue, "daysOverdue", sourceLocation: sourceLocation)
    #expect(result.daysRemaining == remaining, "daysRemaining", sourceLocation: sourceLocation)
    for text in mentions {
        #expect(result.message.contains(text), "message should mention \(text): \(result.message)", sourceLocation: sourceLocation)
    }
}

/// Checks a refusal's category, field and conflicting milestone.
func expectRefusal(
    _ error: ValidationError?, _ category: ValidationError.Category, field: String, conflictsWith milestone: Milestone.ID? = nil,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    guard let error else {
        Issue.record("expected a refusal", sourceLocation: sourceLocation)
        return
    }
    #expect(error.category == category, "category: \(error)", sourceLocation: sourceLocation)
    #expect(error.field == field, "field: \(error)", sourceLocation: sourceLocation)
    #expect(error.conflictingMilestone == milestone, "conflictingMilestone: \(error)", sourceLocation: sourceLocation)
}
