/// `ep_conversion`: of children first recommended for EP in the period whose recommendation
/// still stands, the share placed with EP carers (docs/design.md §4.2). A withdrawn
/// recommendation (`not_suitable` standing, often twin tracking that worked) leaves the figure
/// rather than counting as a failure; a recommendation whose placement is not due yet is pending.
struct EPConversion: Sendable {
    /// `S4-placement-after-recommendation`: its clock says when placing is due (from the latest
    /// of the standing recommendation, the birth and entry to care) and which placement counts
    /// (the first since any earlier recommendation was withdrawn).
    private let placement: RuleClock

    init(policy: Policy, asOf: CalendarDate) {
        placement = RuleClock(.placementAfterRecommendation, policy: policy, asOf: asOf)
    }

    /// The day the child enters the figure: the first recommendation, while one stands.
    func day(_ journey: Journey) -> CalendarDate? {
        guard let recommended = journey.epRecommendation, journey.standingRecommendation() != nil else { return nil }
        return recommended.occurredOn
    }

    /// Placed (in time or late) counts; not placed while the clock runs is pending; not placed
    /// once it has run out, or when the journey ended first, does not count.
    func outcome(_ journey: Journey) -> RateTally.Outcome {
        switch placement.status(journey) {
        case .met, .late: .counted
        case .pending, .dueSoon: .pending
        case .overdue, .notApplicable: .notCounted
        }
    }
}
