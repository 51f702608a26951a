/// The intervals between key milestones that `duration_days` summarises, each named for what it
/// measures. Two of them are the intervals the DfE adoption scorecard averages (A2 and A10), and
/// carry that average as well (`scorecardMeasure`).
enum DurationMeasure: String, CaseIterable, Sendable {
    case startOfPlanningToEPDecided = "start_of_planning_to_ep_decided"
    case epRecommendedToEPPlacement = "ep_recommended_to_ep_placement"
    case proceedingsIssuedToCourtDecision = "proceedings_issued_to_court_decision"
    case placementOrderToFormalMatch = "placement_order_to_formal_match"
    case entryToCareToMovingIn = "entry_to_care_to_moving_in"
    case ageAtEPPlacement = "age_at_ep_placement"

    /// The adoption scorecard measure whose average in days this interval is, counted over the
    /// same children: A2 over children matched in the period, A10 over children placed for
    /// adoption in the period.
    var scorecardMeasure: String? {
        switch self {
        case .placementOrderToFormalMatch: "A2"
        case .entryToCareToMovingIn: "A10"
        default: nil
        }
    }

    /// The interval in `journey`, if it has one: the day it is counted on (its period is the one
    /// this day falls in) and its length in days. An end recorded before its start counts as 0.
    func interval(in journey: Journey) -> (countedOn: CalendarDate, days: Int)? {
        func span(_ start: CalendarDate?, _ end: CalendarDate?) -> (CalendarDate, Int)? {
            guard let start, let end else { return nil }
            return (end, max(0, start.days(until: end)))
        }
        switch self {
        case .startOfPlanningToEPDecided:
            // As rule S2-ep-considered-early counts it: a deferral decides nothing.
            return span(journey.startOfPlanning, journey.firstEPDecision?.occurredOn)
        case .epRecommendedToEPPlacement:
            // As rule S4-placement-after-recommendation counts it: from birth when EP was
            // recommended before the child was born, so pregnancy is not counted as delay.
            guard let recommended = journey.epRecommendation?.occurredOn else { return nil }
            let birth = journey.birth
            return span(birth.map { max($0, recommended) } ?? recommended, journey.firstOn(.epPlacement))
        case .proceedingsIssuedToCourtDecision:
            return span(journey.firstOn(.proceedingsIssued), journey.firstOn(.courtDecision))
        case .placementOrderToFormalMatch:
            // A2: from the court's authority to place (the placement order) to the match.
            return span(journey.placementOrder?.occurredOn, journey.first(.admMatchDecision, where: \.isApprovedMatch)?.occurredOn)
        case .entryToCareToMovingIn:
            // A10: to moving in with the adopters, counted when the child is placed for adoption;
            // with the EP carers as adopters (matched, or adopted with no match recorded) the
            // child moved in at the EP placement.
            guard let entered = journey.firstOn(.enteredCare), let moving = journey.movingInWithAdopters else { return nil }
            return (moving.placedOn, max(0, entered.days(until: moving.movedIn)))
        case .ageAtEPPlacement:
            return span(journey.birth, journey.firstOn(.epPlacement))
        }
    }
}
