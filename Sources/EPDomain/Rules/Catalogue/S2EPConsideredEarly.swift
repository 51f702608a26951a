extension Rule {
    /// EP is decided (recommended, or judged not suitable) within N of the start of planning, so
    /// that the adoption track can start beside the family track rather than after it. A deferral
    /// decides nothing and stops no clock. Considering FfA is a duty (Children Act 1989
    /// s.22C(9A)-(9C)); the timescale is a local default.
    static let epConsideredEarly = Rule(
        id: "S2-ep-considered-early",
        standard: "S1.2, S2.4, S2.9",
        title: "EP decided (recommended or not suitable) within the threshold of the start of planning",
        shape: .deadline(defaultThreshold: Period(20, .workingDays), defaultWarning: Period(5, .workingDays), units: Set(Period.Unit.allCases)),
        basis: .localDefault(
            source: "Duty to consider Fostering for Adoption: Children Act 1989 s.22C(9A)-(9C); the timescale is a local practice default (National EP Practice Standards S1.2, S2.4 and S2.9)"
        )
    ) { journey, context in
        guard let start = journey.startOfPlanning else {
            return .notApplicable("Planning has not started: no PLO pre-proceedings, pre-birth conference, proceedings or adoption request recorded.")
        }
        let decision = journey.firstEPDecision
        var deadline = Deadline(
            expected: "the EP decision",
            anchorName: "the start of planning",
            action: "hold the twin-track EP consideration and record its decision, recommended or not suitable"
        )
        if let first = journey.first(.epConsideration), !first.isEPDecision {
            deadline.note = MessageTemplate("EP was deferred on {0}: a deferral is not a decision.", first.occurredOn)
        }
        return deadline.outcome(anchor: start, done: decision?.occurredOn, stoppedOn: journey.ending?.occurredOn, context)
    }
}
