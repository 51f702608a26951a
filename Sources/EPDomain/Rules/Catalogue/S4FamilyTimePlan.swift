extension Rule {
    /// Once the child is with EP carers, the family time plan is agreed and shared with the
    /// carers and the birth family promptly.
    static let familyTimePlan = Rule(
        id: "S4-family-time-plan",
        standard: "S5.4, S6.3",
        title: "Family time plan agreed within the threshold of the EP placement",
        shape: .deadline(defaultThreshold: Period(5, .workingDays), defaultWarning: Period(2, .workingDays), units: Set(Period.Unit.allCases)),
        basis: .localDefault(source: "National EP Practice Standards S5.4 and S6.3; local practice default")
    ) { journey, context in
        guard let placed = journey.firstOn(.epPlacement) else {
            return .notApplicable("The child has not been placed with EP carers.")
        }
        return Deadline(
            expected: "the family time plan",
            anchorName: "the EP placement",
            action: "agree the family time plan and share it with the carers and the family"
        ).outcome(anchor: placed, done: journey.firstOn(.familyTimePlan), stoppedOn: journey.ending?.occurredOn, context)
    }
}
