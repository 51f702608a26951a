/// `ep_considered`: of children with an adoption plan in view (proceedings issued, an adoption
/// request or authority to place) in the period, the share with EP decided, `recommended` or
/// `not_suitable` (Quality Mark descriptor 1.3; docs/design.md §4.2). A deferral decides
/// nothing, so it does not count.
struct EPConsidered: Sendable {
    /// `S2-ep-considered-early`: EP not decided while its clock (from the start of planning)
    /// has not run out is pending, not a failure.
    private let decision: RuleClock

    init(policy: Policy, asOf: CalendarDate) {
        decision = RuleClock(.epConsideredEarly, policy: policy, asOf: asOf)
    }

    func day(_ journey: Journey) -> CalendarDate? { journey.adoptionPlanInView }

    func outcome(_ journey: Journey) -> RateTally.Outcome {
        if journey.firstEPDecision != nil { return .counted }
        return decision.isRunning(journey) ? .pending : .notCounted
    }
}
