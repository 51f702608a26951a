extension Rule {
    /// For a child unborn at referral with EP recommended before birth, EP carers are linked by
    /// week N of pregnancy (counted from the expected delivery date), so the baby can go straight
    /// from hospital to them. Carers linked only after the birth were not ready for it: a birth
    /// with no carers linked after week N is `late` (it can no longer be put right).
    static let epReadyBeforeBirth = Rule(
        id: "S2-ep-ready-before-birth",
        standard: "S2.8",
        title: "EP carers linked by the threshold week of pregnancy, for an unborn child with EP recommended",
        shape: .deadline(defaultThreshold: Period(36, .weeks), defaultWarning: Period(2, .weeks), units: [.weeks]),
        basis: .localDefault(source: "National EP Practice Standards S2.8; local practice default")
    ) { journey, context in
        guard journey.profile.unborn, let expectedDelivery = journey.expectedDeliveryDate else {
            return .notApplicable("The child was not unborn at referral.")
        }
        let birth = journey.birth
        guard let recommendation = journey.standingRecommendation(on: birth)?.recommended else {
            return .notApplicable(birth == nil ? "EP has not been recommended for this unborn child." : "EP was not recommended before the birth.")
        }
        let week = context.threshold.value
        let due = journey.gestationDay(week: week, expectedDelivery: expectedDelivery)
        if recommendation.occurredOn > due {
            return RuleOutcome(
                status: .notApplicable, anchorOn: recommendation.occurredOn,
                message: .say(
                    "EP was recommended on {0}, after week {n} of pregnancy (expected delivery date {1}): the placement after the birth is measured by S4-placement-after-recommendation instead.",
                    recommendation.occurredOn, expectedDelivery, n: week
                )
            )
        }
        // Carers linked before the birth; one linked after it was not ready for it.
        var linked = journey.firstOn(.epCarersLinked)
        if let birth, let day = linked, day > birth { linked = nil }
        return Deadline(
            expected: "linking EP carers",
            anchorName: "EP was recommended",
            action: "link EP carers (dual approved, or for Reg 25A approval) before the birth",
            span: MessageTemplate("by week {n} of pregnancy; expected delivery date {0}; EP recommended on {1}", expectedDelivery, recommendation.occurredOn, n: week)
        ).outcome(
            anchor: recommendation.occurredOn, due: due, done: linked, stoppedOn: journey.ending?.occurredOn,
            stop: birth.map { Deadline.Stop(on: $0, event: "the child was born") }, context
        )
    }
}
