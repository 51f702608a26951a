extension Rule {
    /// For a child unborn at referral, the multi-agency pre-birth conference is held early enough
    /// in pregnancy to plan for the birth. The threshold is a week of pregnancy.
    static let prebirthConferenceTimely = Rule(
        id: "S2-prebirth-conference-timely",
        standard: "S2.8",
        title: "Pre-birth conference held by the threshold week of pregnancy",
        shape: .deadline(defaultThreshold: Period(30, .weeks), defaultWarning: Period(2, .weeks), units: [.weeks]),
        basis: .localDefault(source: "National EP Practice Standards S2.8; no national timescale, LA protocols range from week 28 to 34")
    ) { journey, context in
        guard journey.profile.unborn, let expectedMonth = journey.profile.expectedBirthMonth,
              let expectedBirth = expectedMonth.day(15) else {
            return .notApplicable("The child was not unborn at referral.")
        }
        // Term is 40 weeks: the conference is due (40 - N) weeks before the birth, estimated from
        // the 15th of the expected month until the birth itself is recorded.
        let birth = journey.birth ?? expectedBirth
        let weeksToTerm = 40 - context.threshold.value
        let due = birth.adding(days: -7 * weeksToTerm)
        let pregnancyStart = birth.adding(days: -7 * 40)
        let conference = journey.first(.preBirthConference)
        if let conference, case .preBirthConference(let weeks?) = conference.details {
            if weeks <= context.threshold.value {
                return RuleOutcome(
                    status: .met, anchorOn: pregnancyStart, dueOn: due,
                    message: .say(
                        "The pre-birth conference was held on {0} at week {n} of pregnancy, by week {m}.",
                        conference.occurredOn, n: weeks, m: context.threshold.value
                    )
                )
            }
            return RuleOutcome(
                status: .late, anchorOn: pregnancyStart, dueOn: due, daysOverdue: 7 * (weeks - context.threshold.value),
                message: .say(
                    "The pre-birth conference was held on {0} at week {n} of pregnancy, after week {m}.",
                    conference.occurredOn, n: weeks, m: context.threshold.value
                )
            )
        }
        return Deadline(
            expected: "the pre-birth conference",
            anchorName: "the estimated start of pregnancy",
            action: "convene the multi-agency pre-birth conference"
        ).outcome(
            anchor: pregnancyStart, due: due, done: conference?.occurredOn,
            // The birth ends the window for a pre-birth conference; so does an earlier end of the journey.
            stoppedOn: [journey.birth, journey.ending?.occurredOn].compactMap { $0 }.min(), context,
            describing: "week \(context.threshold.value) of pregnancy"
        )
    }
}
