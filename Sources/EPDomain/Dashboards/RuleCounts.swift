/// One rule's results whose due day falls in the period, by what they say. A result is counted
/// in the period of its due day, so it is counted once, in a period fixed when its clock
/// started: a cohort's quick successes cannot flatter it before its failures are due.
struct RuleCounts: Sendable {
    var met = 0
    var late = 0
    var overdue = 0
    /// Due soon or not yet due, or waiting on something not yet known (an EP placement whose
    /// carers are not matched yet, for `S4-entry-to-family`): never counted as met.
    var pending = 0

    mutating func count(_ status: RuleStatus) {
        switch status {
        case .met: met += 1
        case .late: late += 1
        case .overdue: overdue += 1
        case .dueSoon, .pending: pending += 1
        case .notApplicable: break
        }
    }

    mutating func merge(_ other: RuleCounts) {
        met += other.met
        late += other.late
        overdue += other.overdue
        pending += other.pending
    }
}

extension RuleOutcome {
    /// The day a result is counted on: its due day; for an order or pattern result with none
    /// (an EP decision met before proceedings were issued; no move after the recommendation),
    /// the day its clock started. A result with neither (parents informed before any placement
    /// has happened; EP decided while the family track is still open) has no due day yet and is
    /// counted in no period until it has one.
    var countedOn: CalendarDate? { dueOn ?? anchorOn }
}
