extension Rule {
    /// Where there were pre-proceedings, EP is decided (recommended, or judged not suitable) before
    /// care proceedings are issued. A deferral decides nothing.
    static let epBeforeIssue = Rule(
        id: "S2-ep-before-issue",
        standard: "S2.4",
        title: "EP decided before proceedings are issued, where pre-proceedings happened",
        shape: .order,
        basis: .localDefault(source: "National EP Practice Standards S2.4")
    ) { journey, context in
        guard let plo = journey.first(.ploPreProceedings) else {
            return .notApplicable("No PLO pre-proceedings are recorded, so there was no pre-proceedings stage to decide EP in.")
        }
        let decided = journey.firstEPDecision?.occurredOn
        // A deferral recorded before any decision, said so that nobody reads it as one.
        let deferred = journey.first(.epConsideration).flatMap { $0.isEPDecision ? nil : $0.occurredOn }
        guard let issued = journey.firstOn(.proceedingsIssued) else {
            if let decided {
                return RuleOutcome(status: .met, anchorOn: plo.occurredOn, message: .say("EP was decided on {0}, during pre-proceedings.", decided))
            }
            if let ending = journey.ending { return .ended(ending, before: "proceedings were issued") }
            return RuleOutcome(
                status: .pending, anchorOn: plo.occurredOn,
                message: deferred.map { .say("Pre-proceedings began on {0} and EP was deferred on {1}: decide EP (recommended or not suitable) before care proceedings are issued.", plo.occurredOn, $0) }
                    ?? .say("Pre-proceedings began on {0}: decide EP (recommended or not suitable) before care proceedings are issued.", plo.occurredOn)
            )
        }
        var outcome = RuleOutcome(status: .met, anchorOn: plo.occurredOn, dueOn: issued, message: "")
        switch decided {
        case let decided? where decided <= issued:
            outcome.say("EP was decided on {0}, before proceedings were issued on {1}.", decided, issued)
        case let decided?:
            outcome.status = .late
            outcome.daysOverdue = issued.days(until: decided)
            if let deferred, deferred <= issued {
                outcome.say("EP was first decided on {0}, {days} after proceedings were issued on {1}; it had only been deferred, on {2}.", decided, issued, deferred, n: outcome.daysOverdue)
            } else {
                outcome.say("EP was first decided on {0}, {days} after proceedings were issued on {1}.", decided, issued, n: outcome.daysOverdue)
            }
        case nil:
            outcome.status = .overdue
            outcome.daysOverdue = issued.days(until: journey.lastDayCounted(asOf: context.asOf))
            if let deferred {
                outcome.say("Proceedings were issued on {0} after pre-proceedings began on {1}; EP was deferred on {2} and has still not been decided: decide EP now.", issued, plo.occurredOn, deferred)
            } else {
                outcome.say("Proceedings were issued on {0} after pre-proceedings began on {1}, and EP has still not been decided: decide EP now.", issued, plo.occurredOn)
            }
        }
        return outcome
    }
}
