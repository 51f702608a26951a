extension Rule {
    /// For a child unborn at referral, the multi-agency pre-birth conference is held early enough
    /// in pregnancy to plan for the birth: by week N, counted from the expected delivery date
    /// (docs/design.md §3.4), never from the actual birth, so a premature birth does not move it.
    /// When the first pre-birth record (assessment started, conference) or adoption request comes
    /// after week N − 2, the referral was late and the conference is due within the policy's
    /// `late_referral` of it instead. A conference that can no longer happen (the child was born
    /// without one) is `late`: counted as missed in figures, but not an open alert.
    static let prebirthConferenceTimely = Rule(
        id: "S2-prebirth-conference-timely",
        standard: "S2.8",
        title: "Pre-birth conference held by the threshold week of pregnancy (or soon after a late referral)",
        shape: .deadline(defaultThreshold: Period(30, .weeks), defaultWarning: Period(2, .weeks), units: [.weeks]),
        basis: .localDefault(source: "National EP Practice Standards S2.8; no national timescale, LA protocols range from week 28 to 34"),
        secondParameter: Parameter(
            key: "late_referral", defaultValue: Period(10, .workingDays), units: Set(Period.Unit.allCases),
            meaning: "for a referral after week N - 2, the conference is due this long after the first pre-birth record or adoption request"
        )
    ) { journey, context in
        guard journey.profile.unborn, let expectedDelivery = journey.expectedDeliveryDate else {
            return .notApplicable("The child was not unborn at referral.")
        }
        let week = context.threshold.value
        let conference = journey.firstOn(.preBirthConference)
        let stop = journey.birth.map { Deadline.Stop(on: $0, event: "the child was born") }
        let referral = earliest(
            earliest(journey.firstOn(.preBirthAssessmentStarted), journey.firstOn(.preBirthConference)), journey.firstOn(.adoptionRequest)
        )
        if let referral, let lateReferral = context.second,
           referral > journey.gestationDay(week: week - 2, expectedDelivery: expectedDelivery) {
            let late = RuleContext(asOf: context.asOf, calendar: context.calendar, threshold: lateReferral, warning: context.warning)
            return Deadline(
                expected: "the pre-birth conference",
                anchorName: "the first pre-birth record",
                action: "convene the multi-agency pre-birth conference",
                note: MessageTemplate(
                    "That record came after week {m} of pregnancy (expected delivery date {0}): a late referral, so the conference is due within this time instead of by week {n}.",
                    expectedDelivery, n: week, m: week - 2
                )
            ).outcome(anchor: referral, done: conference, stoppedOn: journey.ending?.occurredOn, stop: stop, late)
        }
        return Deadline(
            expected: "the pre-birth conference",
            anchorName: "the estimated start of pregnancy",
            action: "convene the multi-agency pre-birth conference",
            span: MessageTemplate("by week {n} of pregnancy; expected delivery date {0}", expectedDelivery, n: week)
        ).outcome(
            anchor: expectedDelivery.adding(days: -7 * 40), due: journey.gestationDay(week: week, expectedDelivery: expectedDelivery),
            done: conference, stoppedOn: journey.ending?.occurredOn, stop: stop, context
        )
    }
}
