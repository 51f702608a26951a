extension Rule {
    /// Once EP is recommended the child moves to the EP carers promptly (counting from birth
    /// when EP was recommended before the child was born).
    static let placementAfterRecommendation = Rule(
        id: "S4-placement-after-recommendation",
        standard: "S4.1",
        title: "EP placement within the threshold of EP being recommended (or of birth)",
        shape: .deadline(defaultThreshold: Period(14, .days), defaultWarning: Period(3, .days), units: Set(Period.Unit.allCases)),
        basis: .localDefault(source: "National EP Practice Standards S4.1; local practice default")
    ) { journey, context in
        guard let recommended = journey.epRecommendation?.occurredOn else {
            return .notApplicable("EP has not been recommended for this child.")
        }
        let placed = journey.firstOn(.epPlacement)
        var anchor = recommended
        var anchorName = "EP was recommended"
        if let birth = journey.birth, birth > recommended {
            anchor = birth
            anchorName = "birth (EP was recommended before birth, on \(recommended))"
        } else if journey.birth == nil, journey.profile.unborn, placed == nil {
            if let ending = journey.ending { return .ended(ending, before: "the birth") }
            return RuleOutcome(
                status: .pending, anchorOn: recommended,
                message: "EP was recommended on \(recommended) before birth: the placement is due within \(context.threshold.spoken) of the birth."
            )
        }
        return Deadline(
            expected: "the EP placement",
            anchorName: anchorName,
            action: "move the child to the EP carers or record why not"
        ).outcome(anchor: anchor, done: placed, stoppedOn: journey.ending?.occurredOn, context)
    }
}
