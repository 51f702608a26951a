extension Rule {
    /// Parents are given clear, accessible information about EP before their child is placed
    /// with EP carers.
    static let parentsInformed = Rule(
        id: "S2-parents-informed",
        standard: "S2.5, S5.3",
        title: "Parents informed about EP before the EP placement",
        shape: .order,
        basis: .localDefault(source: "National EP Practice Standards S2.5 and S5.3")
    ) { journey, context in
        guard journey.epRecommendation != nil || journey.contains(.epPlacement) else {
            return .notApplicable("EP has not been recommended for this child.")
        }
        let informed = journey.firstOn(.parentsInformedOfEP)
        guard let placed = journey.firstOn(.epPlacement) else {
            if let informed {
                return RuleOutcome(status: .met, message: .say("Parents were informed about EP on {0}, before any EP placement.", informed))
            }
            if let ending = journey.ending { return .ended(ending, before: "any EP placement") }
            return RuleOutcome(status: .pending, message: "EP is recommended: give the parents accessible information about EP before the placement.")
        }
        var outcome = RuleOutcome(status: .met, anchorOn: placed, dueOn: placed, message: "")
        switch informed {
        case let informed? where informed <= placed:
            outcome.say("Parents were informed about EP on {0}, before the EP placement on {1}.", informed, placed)
        case let informed?:
            outcome.status = .late
            outcome.daysOverdue = placed.days(until: informed)
            outcome.say("Parents were informed about EP on {0}, {days} after the EP placement on {1}.", informed, placed, n: outcome.daysOverdue)
        case nil:
            outcome.status = .overdue
            outcome.daysOverdue = placed.days(until: journey.lastDayCounted(asOf: context.asOf))
            outcome.say("The child was placed with EP carers on {0} and the parents have no record of being informed about EP: inform them and record it.", placed)
        }
        return outcome
    }
}
