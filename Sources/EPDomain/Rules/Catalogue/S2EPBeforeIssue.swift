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
        let considered = journey.first(.epConsideration)?.occurredOn
        guard let issued = journey.first(.proceedingsIssued)?.occurredOn else {
            if let considered {
                return RuleOutcome(status: .met, anchorOn: plo.occurredOn, message: "EP was considered on \(considered), during pre-proceedings.")
            }
            if let ending = journey.ending { return .ended(ending, before: "proceedings were issued") }
            return RuleOutcome(
                status: .pending, anchorOn: plo.occurredOn,
                message: "Pre-proceedings began on \(plo.occurredOn): consider EP before care proceedings are issued."
            )
        }
        var outcome = RuleOutcome(status: .met, anchorOn: plo.occurredOn, dueOn: issued, message: "")
        switch considered {
        case let considered? where considered <= issued:
            outcome.message = "EP was considered on \(considered), before proceedings were issued on \(issued)."
        case let considered?:
            outcome.status = .late
            outcome.daysOverdue = issued.days(until: considered)
            outcome.message = "EP was first considered on \(considered), \(days(outcome.daysOverdue!)) after proceedings were issued on \(issued)."
        case nil:
            outcome.status = .overdue
            outcome.daysOverdue = issued.days(until: journey.ending.map { min($0.occurredOn, context.asOf) } ?? context.asOf)
            outcome.message = "Proceedings were issued on \(issued) after pre-proceedings began on \(plo.occurredOn), and EP has still not been considered: hold the EP consideration now."
        }
        return outcome
    }
}
