extension Rule {
    /// An EP placement needs its legal basis first: the carers approved as foster carers for this
    /// child, by Reg 25A temporary approval after their link or because they are already approved
    /// as both foster carers and adopters. Each placement needs an approval for its own carers:
    /// the latest link on or before it (or, recorded late, the first after it).
    static let approvalBeforePlacement = Rule(
        id: "S4-approval-before-placement",
        standard: "S4.3",
        title: "Each EP placement preceded by an approval for its own carers: Reg 25A approval after their link, or dual approval",
        shape: .order,
        basis: .statutory(source: "Children Act 1989 s.22C(6)(b); Care Planning, Placement and Case Review (England) Regulations 2010 reg 25A")
    ) { journey, context in
        let placements = journey.all(.epPlacement)
        let links = journey.all(.epCarersLinked)
        guard !placements.isEmpty else {
            guard let latestLink = links.indices.last else {
                return .notApplicable("No EP carers are linked and there is no EP placement.")
            }
            if let approved = journey.approval(forLinkAt: latestLink) {
                return RuleOutcome(status: .met, message: .say("The EP carers linked on {0} were approved for this child on {1}, ahead of any placement.", links[latestLink].occurredOn, approved))
            }
            if let ending = journey.ending { return .ended(ending, before: "any EP placement") }
            return RuleOutcome(status: .pending, message: "EP carers are linked: secure Reg 25A approval (or confirm dual approval) before the child moves in.")
        }
        var best: RuleOutcome?
        for position in placements.indices {
            let placed = placements[position].occurredOn
            // The carers' link: the latest on or before the placement, else one recorded after it
            // (before the next placement).
            var link = links.lastIndex { $0.occurredOn <= placed }
            if link == nil {
                let nextPlacement = position + 1 < placements.count ? placements[position + 1].occurredOn : nil
                link = links.firstIndex { later in later.occurredOn > placed && nextPlacement.map { later.occurredOn < $0 } ?? true }
            }
            let approved = link.flatMap { journey.approval(forLinkAt: $0) }
            var outcome = RuleOutcome(status: .met, anchorOn: placed, dueOn: placed, message: "")
            switch approved {
            case let approved? where approved <= placed:
                outcome.say("The EP carers were approved on {0}, before the placement on {1}.", approved, placed)
            case let approved?:
                outcome.status = .late
                outcome.daysOverdue = placed.days(until: approved)
                outcome.say("The EP placement on {0} was made {days} before the carers' approval on {1}.", placed, approved, n: outcome.daysOverdue)
            case nil:
                if let ended = journey.endOfEPPlacement(at: position) {
                    // Nothing can be done about it now: the wrong order already happened.
                    outcome.status = .late
                    outcome.daysOverdue = placed.days(until: ended.occurredOn)
                    outcome.say("The EP placement on {0} had no Reg 25A approval or dual approval recorded for its carers; it ended on {1}.", placed, ended.occurredOn)
                } else {
                    outcome.status = .overdue
                    outcome.daysOverdue = placed.days(until: journey.lastDayCounted(asOf: context.asOf))
                    outcome.say("The child was placed with EP carers on {0} with no Reg 25A approval or dual approval recorded for them: record the approval or check the placement's legal basis.", placed)
                }
            }
            best = RuleOutcome.mostUrgent(best, outcome)
        }
        return best!
    }
}
