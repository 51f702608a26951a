extension Rule {
    /// Once EP carers are linked through the Reg 25A route, the nominated officer decides on
    /// their temporary approval as foster carers for this child without delay. Each link is its
    /// own episode, decided by the first Reg 25A decision after it (before any newer link); its
    /// clock runs from the later of the link and the child becoming looked after. Approval under
    /// reg 25A is for a looked-after child, so an undecided link waits, pending, while the child
    /// is unborn or not looked after (carers are commonly linked before birth for Fostering for
    /// Adoption): no alert asks for a decision the regulation does not allow yet. A decision
    /// recorded anyway is judged from the link (and flagged by `DataQuality`). A link left
    /// undecided when other carers were linked can no longer be decided.
    static let reg25aTimely = Rule(
        id: "S4-reg25a-timely",
        standard: "S4.3",
        title: "Each Reg 25A link decided within the threshold of the later of the link and the child becoming looked after",
        shape: .deadline(defaultThreshold: Period(5, .workingDays), defaultWarning: Period(2, .workingDays), units: Set(Period.Unit.allCases)),
        basis: .localDefault(source: "National EP Practice Standards S4.3 (Care Planning, Placement and Case Review (England) Regulations 2010 reg 25A); local practice default")
    ) { journey, context in
        let links = journey.all(.epCarersLinked)
        let lookedAfter = journey.firstOn(.enteredCare)
        var best: RuleOutcome?
        for position in links.indices where links[position].details == .epCarersLinked(route: .reg25a) {
            let linked = links[position].occurredOn
            let decided = journey.reg25aDecision(forLinkAt: position)?.occurredOn
            let newerLink = position + 1 < links.count ? links[position + 1].occurredOn : nil
            // Overtaken by other carers before the child was looked after: its clock never started.
            if decided == nil, let newerLink, lookedAfter.map({ $0 > newerLink }) ?? true { continue }
            if decided == nil, newerLink == nil, let waiting = journey.reg25aWaitsFor(lookedAfter: lookedAfter) {
                let outcome: RuleOutcome
                if let ending = journey.ending {
                    outcome = .ended(ending, before: waiting)
                } else {
                    outcome = RuleOutcome(
                        status: .pending, anchorOn: linked,
                        message: .say("EP carers were linked through Reg 25A on {0}; temporary approval is for a looked-after child, so the clock for the nominated officer's decision starts when the child becomes looked after.", linked)
                    )
                }
                best = RuleOutcome.mostUrgent(best, outcome)
                continue
            }
            let waitedForCare = lookedAfter.map { $0 > linked } ?? false
            let outcome = Deadline(
                expected: "the nominated officer's Reg 25A decision",
                anchorName: waitedForCare ? "the child became looked after" : "the EP carers were linked",
                action: "put the temporary approval to the nominated officer",
                note: waitedForCare ? MessageTemplate("The carers were linked on {0}, before the child was looked after.", linked) : nil
            ).outcome(
                anchor: waitedForCare ? lookedAfter! : linked, done: decided, stoppedOn: journey.ending?.occurredOn,
                stop: newerLink.map { Deadline.Stop(on: $0, event: "other EP carers were linked") }, context
            )
            best = RuleOutcome.mostUrgent(best, outcome)
        }
        return best ?? .notApplicable("No EP carers have been linked through the Reg 25A route.")
    }
}

extension Journey {
    /// What an undecided Reg 25A link waits for before its clock can start: the birth, or the
    /// child becoming looked after; nil once the child is looked after.
    fileprivate func reg25aWaitsFor(lookedAfter: CalendarDate?) -> String? {
        guard lookedAfter == nil else { return nil }
        return birth == nil && profile.unborn ? "the birth" : "the child became looked after"
    }
}
