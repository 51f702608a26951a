/// The intervals between key milestones that `duration_days` summarises.
enum DurationMeasure: String, CaseIterable, Sendable {
    case startOfPlanningToEPConsidered = "start_of_planning_to_ep_considered"
    case epRecommendedToEPPlacement = "ep_recommended_to_ep_placement"
    case proceedingsIssuedToCourtDecision = "proceedings_issued_to_court_decision"
    /// Adoption scorecard A2.
    case placementOrderToFormalMatch = "placement_order_to_formal_match"
    /// Adoption scorecard A10.
    case entryToCareToMovingIn = "entry_to_care_to_moving_in"
    case ageAtEPPlacement = "age_at_ep_placement"

    /// The interval in `journey`, if it has one: the day it is counted on (its period is the one
    /// this day falls in) and its length in days. An end recorded before its start counts as 0.
    func interval(in journey: Journey) -> (countedOn: CalendarDate, days: Int)? {
        func span(_ start: CalendarDate?, _ end: CalendarDate?) -> (CalendarDate, Int)? {
            guard let start, let end else { return nil }
            return (end, max(0, start.days(until: end)))
        }
        switch self {
        case .startOfPlanningToEPConsidered:
            return span(journey.startOfPlanning, journey.firstOn(.epConsideration))
        case .epRecommendedToEPPlacement:
            // As rule S4-placement-after-recommendation counts it: from birth when EP was
            // recommended before the child was born, so pregnancy is not counted as delay.
            guard let recommended = journey.epRecommendation?.occurredOn else { return nil }
            let birth = journey.birth
            return span(birth.map { max($0, recommended) } ?? recommended, journey.firstOn(.epPlacement))
        case .proceedingsIssuedToCourtDecision:
            return span(journey.firstOn(.proceedingsIssued), journey.firstOn(.courtDecision))
        case .placementOrderToFormalMatch:
            return span(journey.placementOrder?.occurredOn, journey.first(.admMatchDecision, where: \.isApprovedMatch)?.occurredOn)
        case .entryToCareToMovingIn:
            guard let entered = journey.firstOn(.enteredCare),
                  let match = journey.first(.admMatchDecision, where: \.isApprovedMatch),
                  case .admMatchDecision(_, let adopters) = match.details else { return nil }
            let movedIn = adopters == .epCarers ? (journey.firstOn(.epPlacement) ?? match.occurredOn) : match.occurredOn
            return (match.occurredOn, max(0, entered.days(until: movedIn)))
        case .ageAtEPPlacement:
            return span(journey.birth, journey.firstOn(.epPlacement))
        }
    }
}
