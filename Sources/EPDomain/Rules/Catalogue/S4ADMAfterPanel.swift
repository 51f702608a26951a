extension Rule {
    /// The agency decision maker decides on the panel's match recommendation promptly: within N of
    /// the final panel minutes reaching them, or of the panel itself while that is not recorded.
    static let admAfterPanel = Rule(
        id: "S4-adm-after-panel",
        standard: "S4.7",
        title: "ADM decision within the threshold of the final panel minutes reaching the decision maker (the panel, until recorded)",
        shape: .deadline(defaultThreshold: Period(7, .workingDays), defaultWarning: Period(2, .workingDays), units: Set(Period.Unit.allCases)),
        basis: .localDefault(
            source: "Adoption Agencies Regulations 2005 regs 32-33 set the decision; the 7 working days follow the DfE statutory adoption guidance and are a local practice default"
        )
    ) { journey, context in
        guard let panel = journey.firstOn(.adoptionPanel) else {
            return .notApplicable("The match has not been to adoption panel.")
        }
        let decided = journey.firstOn(.admMatchDecision)
        if let minutes = journey.firstOn(.panelMinutesReceived), minutes >= panel {
            return Deadline(
                expected: "the ADM's decision",
                anchorName: "the final panel minutes reached the decision maker",
                action: "put the panel's recommendation to the agency decision maker",
                note: MessageTemplate("The panel met on {0}.", panel)
            ).outcome(anchor: minutes, done: decided, stoppedOn: journey.ending?.occurredOn, context)
        }
        return Deadline(
            expected: "the ADM's decision",
            anchorName: "the adoption panel",
            action: "put the panel's recommendation to the agency decision maker, and record when the final minutes reach them"
        ).outcome(anchor: panel, done: decided, stoppedOn: journey.ending?.occurredOn, context)
    }
}
