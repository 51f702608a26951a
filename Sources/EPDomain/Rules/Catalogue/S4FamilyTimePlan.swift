extension Rule {
    /// Once the child is with EP carers, the family time plan is agreed and shared with the
    /// carers and the birth family promptly: for each EP placement, its own plan (the first not
    /// taken by an earlier placement, agreed after the previous placement and before the next).
    /// A placement that ended without a plan can no longer have one.
    static let familyTimePlan = Rule(
        id: "S4-family-time-plan",
        standard: "S5.4, S6.3",
        title: "Family time plan agreed within the threshold of each EP placement",
        shape: .deadline(defaultThreshold: Period(5, .workingDays), defaultWarning: Period(2, .workingDays), units: Set(Period.Unit.allCases)),
        basis: .localDefault(source: "National EP Practice Standards S5.4 and S6.3; local practice default")
    ) { journey, context in
        let placements = journey.all(.epPlacement)
        let plans = journey.all(.familyTimePlan)
        var nextPlan = 0
        var best: RuleOutcome?
        for position in placements.indices {
            let placed = placements[position].occurredOn
            if position > 0 {
                let previous = placements[position - 1].occurredOn
                while nextPlan < plans.count, plans[nextPlan].occurredOn <= previous { nextPlan += 1 }
            }
            var agreed: CalendarDate?
            if nextPlan < plans.count, position + 1 == placements.count || plans[nextPlan].occurredOn < placements[position + 1].occurredOn {
                agreed = plans[nextPlan].occurredOn
                nextPlan += 1
            }
            let outcome = Deadline(
                expected: "the family time plan",
                anchorName: "the EP placement",
                action: "agree the family time plan and share it with the carers and the family"
            ).outcome(
                anchor: placed, done: agreed, stoppedOn: journey.ending?.occurredOn,
                stop: agreed != nil ? nil : journey.endOfEPPlacement(at: position).map { Deadline.Stop(on: $0.occurredOn, event: "the EP placement ended") }, context
            )
            best = RuleOutcome.mostUrgent(best, outcome)
        }
        return best ?? .notApplicable("The child has not been placed with EP carers.")
    }
}
