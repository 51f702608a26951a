extension Rule {
    /// The agency decision maker decides on the panel's match recommendation promptly.
    static let admAfterPanel = Rule(
        id: "S4-adm-after-panel",
        standard: "S4.7",
        title: "ADM decision within the threshold of the panel recommendation",
        shape: .deadline(defaultThreshold: Period(7, .workingDays), defaultWarning: Period(2, .workingDays), units: Set(Period.Unit.allCases)),
        basis: .localDefault(source: "Adoption Agencies Regulations 2005 regs 32-33 set the decision; the timescale is a local practice default")
    ) { journey, context in
        guard let panel = journey.firstOn(.adoptionPanel) else {
            return .notApplicable("The match has not been to adoption panel.")
        }
        return Deadline(
            expected: "the ADM's decision",
            anchorName: "the adoption panel",
            action: "put the panel's recommendation to the agency decision maker"
        ).outcome(anchor: panel, done: journey.firstOn(.admMatchDecision), stoppedOn: journey.ending?.occurredOn, context)
    }
}
