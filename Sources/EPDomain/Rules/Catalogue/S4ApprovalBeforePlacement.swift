extension Rule {
    /// An EP placement needs its legal basis first: Reg 25A temporary approval for this child,
    /// or carers already approved as both foster carers and adopters.
    static let approvalBeforePlacement = Rule(
        id: "S4-approval-before-placement",
        standard: "S4.3",
        title: "EP placement preceded by Reg 25A approval or dual approval",
        shape: .order,
        basis: .localDefault(source: "National EP Practice Standards S4.3 (data quality and legal safety)")
    ) { journey, context in
        guard journey.contains(.epCarersLinked) || journey.contains(.epPlacement) else {
            return .notApplicable("No EP carers are linked and there is no EP placement.")
        }
        let approvals = [
            journey.first(.reg25aDecision) { $0.details == .reg25aDecision(outcome: .approved) },
            journey.first(.epCarersLinked) { $0.details == .epCarersLinked(route: .dualApproval) },
        ]
        let approved = approvals.compactMap { $0?.occurredOn }.min()
        guard let placed = journey.firstOn(.epPlacement) else {
            if let approved {
                return RuleOutcome(status: .met, message: .say("The EP carers were approved for this child on {0}, ahead of any placement.", approved))
            }
            if let ending = journey.ending { return .ended(ending, before: "any EP placement") }
            return RuleOutcome(status: .pending, message: "EP carers are linked: secure Reg 25A approval (or confirm dual approval) before the child moves in.")
        }
        var outcome = RuleOutcome(status: .met, anchorOn: placed, dueOn: placed, message: "")
        switch approved {
        case let approved? where approved <= placed:
            outcome.say("The EP carers were approved on {0}, before the placement on {1}.", approved, placed)
        case let approved?:
            outcome.status = .late
            outcome.daysOverdue = placed.days(until: approved)
            outcome.say("The EP placement on {0} was made {days} before the carers' approval on {1}.", placed, approved, n: outcome.daysOverdue)
        case nil:
            outcome.status = .overdue
            outcome.daysOverdue = placed.days(until: journey.lastDayCounted(asOf: context.asOf))
            outcome.say("The child was placed with EP carers on {0} with no Reg 25A approval or dual approval recorded: record the approval or check the placement's legal basis.", placed)
        }
        return outcome
    }
}
