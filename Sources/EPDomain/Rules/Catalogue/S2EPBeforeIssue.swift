extension Rule {
    /// Where there were pre-proceedings, EP is considered before care proceedings are issued.
    static let epBeforeIssue = Rule(
        id: "S2-ep-before-issue",
        standard: "S2.4",
        title: "EP considered before proceedings are issued, where pre-proceedings happened",
        shape: .order,
        basis: .localDefault(source: "National EP Practice Standards S2.4")
    ) { journey, context in
        guard let plo = journey.first(.ploPreProceedings) else {
            return .notApplicable("No PLO pre-proceedings are recorded, so there was no pre-proceedings stage to consider EP in.")
        }
        let considered = journey.firstOn(.epConsideration)
        guard let issued = journey.firstOn(.proceedingsIssued) else {
            if let considered {
                return RuleOutcome(status: .met, anchorOn: plo.occurredOn, message: .say("EP was considered on {0}, during pre-proceedings.", considered))
            }
            if let ending = journey.ending { return .ended(ending, before: "proceedings were issued") }
            return RuleOutcome(
                status: .pending, anchorOn: plo.occurredOn,
                message: .say("Pre-proceedings began on {0}: consider EP before care proceedings are issued.", plo.occurredOn)
            )
        }
        var outcome = RuleOutcome(status: .met, anchorOn: plo.occurredOn, dueOn: issued, message: "")
        switch considered {
        case let considered? where considered <= issued:
            outcome.say("EP was considered on {0}, before proceedings were issued on {1}.", considered, issued)
        case let considered?:
            outcome.status = .late
            outcome.daysOverdue = issued.days(until: considered)
            outcome.say("EP was first considered on {0}, {days} after proceedings were issued on {1}.", considered, issued, n: outcome.daysOverdue)
        case nil:
            outcome.status = .overdue
            outcome.daysOverdue = issued.days(until: journey.lastDayCounted(asOf: context.asOf))
            outcome.say("Proceedings were issued on {0} after pre-proceedings began on {1}, and EP has still not been considered: hold the EP consideration now.", issued, plo.occurredOn)
        }
        return outcome
    }
}
