extension Rule {
    /// The agency decision maker decides on the panel's match recommendation promptly: within N of
    /// the final panel minutes reaching them, or of the panel itself while that is not recorded.
    /// A match that falls through (not recommended, declined, the adopters withdrew) goes to panel
    /// again for the next proposed adopters, so each panel is its own episode: decided by the
    /// first ADM decision on or after it, before the next panel, and timed from the first minutes
    /// of it. A panel left undecided when the match went to panel again can no longer be decided.
    static let admAfterPanel = Rule(
        id: "S4-adm-after-panel",
        standard: "S4.7",
        title: "ADM decision within the threshold of the final panel minutes reaching the decision maker (the panel, until recorded), for each panel",
        shape: .deadline(defaultThreshold: Period(7, .workingDays), defaultWarning: Period(2, .workingDays), units: Set(Period.Unit.allCases)),
        basis: .localDefault(
            source: "Adoption Agencies Regulations 2005 regs 32-33 set the decision; the 7 working days follow the DfE statutory adoption guidance and are a local practice default"
        )
    ) { journey, context in
        var best: RuleOutcome?
        for episode in journey.panelEpisodes() {
            let stop = episode.nextPanel.map { Deadline.Stop(on: $0, event: "the match went to panel again") }
            let deadline = episode.minutes == nil
                ? Deadline(
                    expected: "the ADM's decision",
                    anchorName: "the adoption panel",
                    action: "put the panel's recommendation to the agency decision maker, and record when the final minutes reach them"
                )
                : Deadline(
                    expected: "the ADM's decision",
                    anchorName: "the final panel minutes reached the decision maker",
                    action: "put the panel's recommendation to the agency decision maker",
                    note: MessageTemplate("The panel met on {0}.", episode.panel)
                )
            let outcome = deadline.outcome(
                anchor: episode.minutes ?? episode.panel, done: episode.decided, stoppedOn: journey.ending?.occurredOn, stop: stop, context
            )
            best = RuleOutcome.mostUrgent(best, outcome)
        }
        return best ?? .notApplicable("The match has not been to adoption panel.")
    }
}
