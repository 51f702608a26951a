extension Rule {
    /// A child going home is supported by a plan agreed before the move (Standard 7.3): the
    /// `reunification_plan` comes before the `reunification`.
    static let reunificationPlanned = Rule(
        id: "S7-reunification-planned",
        standard: "S7.3",
        title: "Reunification plan agreed before the child returns home",
        shape: .order,
        basis: .localDefault(source: "National EP Practice Standards S7.3")
    ) { journey, context in
        let plan = journey.firstOn(.reunificationPlan)
        guard let home = journey.firstOn(.reunification) else {
            if let plan {
                return RuleOutcome(status: .met, message: .say("The reunification plan was agreed on {0}, ahead of the child's return home.", plan))
            }
            guard let decided = journey.first(.courtDecision, where: { $0.details == .courtDecision(outcome: .returnHome) }) else {
                return .notApplicable("No return home is planned or recorded.")
            }
            if let ending = journey.ending { return .ended(ending, before: "the child returned home") }
            return RuleOutcome(
                status: .pending, anchorOn: decided.occurredOn,
                message: .say("The court decided on {0} that the child goes home: agree the reunification plan with the family and the carers before the move.", decided.occurredOn)
            )
        }
        var outcome = RuleOutcome(status: .met, anchorOn: home, dueOn: home, message: "")
        switch plan {
        case let plan? where plan <= home:
            outcome.say("The reunification plan was agreed on {0}, before the child returned home on {1}.", plan, home)
        case let plan?:
            outcome.status = .late
            outcome.daysOverdue = home.days(until: plan)
            outcome.say("The reunification plan was agreed on {0}, {days} after the child returned home on {1}.", plan, home, n: outcome.daysOverdue)
        case nil:
            outcome.status = .overdue
            outcome.daysOverdue = home.days(until: journey.lastDayCounted(asOf: context.asOf))
            outcome.say("The child returned home on {0} with no reunification plan recorded: agree the plan for the return and its support, and record it.", home)
        }
        return outcome
    }
}
