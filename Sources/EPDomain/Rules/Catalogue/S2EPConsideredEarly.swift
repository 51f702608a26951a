extension Rule {
    /// EP is considered within N days of the start of planning, so that the adoption track can
    /// start beside the family track rather than after it.
    static let epConsideredEarly = Rule(
        id: "S2-ep-considered-early",
        standard: "S1.2, S2.4",
        title: "EP consideration recorded within the threshold of the start of planning",
        shape: .deadline(defaultThreshold: Period(20, .workingDays), defaultWarning: Period(5, .workingDays), units: Set(Period.Unit.allCases)),
        basis: .localDefault(source: "National EP Practice Standards S1.2 and S2.4; local practice default")
    ) { journey, context in
        guard let start = journey.startOfPlanning else {
            return .notApplicable("Planning has not started: no PLO pre-proceedings, pre-birth conference or proceedings recorded.")
        }
        return Deadline(
            expected: "the EP consideration",
            anchorName: "the start of planning",
            action: "hold the twin-track EP consideration and record its outcome"
        ).outcome(anchor: start, done: journey.firstOn(.epConsideration), stoppedOn: journey.ending?.occurredOn, context)
    }
}
