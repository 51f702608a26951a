extension Rule {
    /// After the placement order, the formal adoption match is approved by the ADM without delay
    /// (the adoption scorecard's A2 measure).
    static let formalMatchTimely = Rule(
        id: "S4-formal-match-timely",
        standard: "S4.7",
        title: "ADM formal match within the threshold of the placement order",
        shape: .deadline(defaultThreshold: Period(4, .months), defaultWarning: Period(1, .months), units: Set(Period.Unit.allCases)),
        basis: .localDefault(source: "Adoption scorecard A2; DfE 2013-16 threshold of 121 days (4 months)")
    ) { journey, context in
        guard let order = journey.placementOrder?.occurredOn else {
            return .notApplicable("No placement order has been made.")
        }
        return Deadline(
            expected: "the ADM's formal match",
            anchorName: "the placement order",
            action: "take the match to panel and the agency decision maker"
        ).outcome(anchor: order, done: journey.first(.admMatchDecision, where: \.isApprovedMatch)?.occurredOn, stoppedOn: journey.ending?.occurredOn, context)
    }
}
