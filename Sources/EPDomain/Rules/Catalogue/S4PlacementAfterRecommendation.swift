extension Rule {
    /// Once EP is recommended the child moves to the EP carers promptly. The clock starts at the
    /// latest of the standing recommendation, the birth and the child becoming looked after
    /// (nobody can be placed before all three); it stops applying while the standing decision is
    /// `not_suitable`. A recommendation made again is the same recommendation; the placement
    /// expected is the first since any earlier recommendation was withdrawn.
    static let placementAfterRecommendation = Rule(
        id: "S4-placement-after-recommendation",
        standard: "S4.1",
        title: "EP placement within the threshold of the latest of the standing EP recommendation, the birth and entry to care",
        shape: .deadline(defaultThreshold: Period(14, .days), defaultWarning: Period(3, .days), units: Set(Period.Unit.allCases)),
        basis: .localDefault(source: "National EP Practice Standards S4.1; local practice default")
    ) { journey, context in
        guard let standing = journey.standingRecommendation() else {
            if let decision = journey.standingEPDecision {
                if let withdrawn = journey.recommendationWithdrawn(by: decision) {
                    return RuleOutcome(
                        status: .notApplicable,
                        message: .say("EP was recommended on {0} and judged not suitable on {1}: the recommendation was withdrawn.", withdrawn.occurredOn, decision.occurredOn)
                    )
                }
                return .notApplicable("EP was judged not suitable for this child.")
            }
            return .notApplicable("EP has not been recommended for this child.")
        }
        let recommended = standing.recommended.occurredOn
        let placed = journey.all(.epPlacement).first { placement in
            standing.after.map { placement.occurredOn > $0.occurredOn } ?? true
        }?.occurredOn
        let birth = journey.birth
        let lookedAfter = journey.firstOn(.enteredCare)
        if placed == nil {
            if birth == nil, journey.profile.unborn {
                if let ending = journey.ending { return .ended(ending, before: "the birth") }
                return RuleOutcome(
                    status: .pending, anchorOn: recommended,
                    message: .say("EP was recommended on {0}, before birth: the clock for the EP placement starts at the birth (or when the child becomes looked after, if later).", recommended)
                )
            }
            if lookedAfter == nil {
                if let ending = journey.ending { return .ended(ending, before: "the child became looked after") }
                return RuleOutcome(
                    status: .pending, anchorOn: recommended,
                    message: .say("EP was recommended on {0}; the child is not looked after: the clock for the EP placement starts when the child enters care.", recommended)
                )
            }
        }
        var deadline = Deadline(expected: "the EP placement", anchorName: "EP was recommended", action: "move the child to the EP carers or record why not")
        var anchor = recommended
        if let birth, birth > anchor {
            anchor = birth
            deadline = Deadline(
                expected: "the EP placement", anchorName: "the birth", action: "move the child to the EP carers or record why not",
                note: MessageTemplate("EP was recommended before the birth, on {0}.", recommended)
            )
        }
        if let lookedAfter, lookedAfter > anchor {
            anchor = lookedAfter
            deadline = Deadline(
                expected: "the EP placement", anchorName: "the child became looked after", action: "move the child to the EP carers or record why not",
                note: MessageTemplate("EP was recommended on {0}, before the child was looked after.", recommended)
            )
        }
        return deadline.outcome(anchor: anchor, done: placed, stoppedOn: journey.ending?.occurredOn, context)
    }
}
