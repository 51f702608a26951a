extension Rule {
    /// Once EP carers are linked through the Reg 25A route, the nominated officer decides on
    /// their temporary approval as foster carers for this child without delay.
    static let reg25aTimely = Rule(
        id: "S4-reg25a-timely",
        standard: "S4.3",
        title: "Reg 25A decision within the threshold of the EP carers being linked",
        shape: .deadline(defaultThreshold: Period(5, .workingDays), defaultWarning: Period(2, .workingDays), units: Set(Period.Unit.allCases)),
        basis: .localDefault(source: "National EP Practice Standards S4.3 (Care Planning, Placement and Case Review (England) Regulations 2010 reg 25A); local practice default")
    ) { journey, context in
        guard let link = journey.first(.epCarersLinked, where: { $0.details == .epCarersLinked(route: .reg25a) }) else {
            return .notApplicable("No EP carers have been linked through the Reg 25A route.")
        }
        return Deadline(
            expected: "the nominated officer's Reg 25A decision",
            anchorName: "the EP carers were linked",
            action: "put the temporary approval to the nominated officer"
        ).outcome(anchor: link.occurredOn, done: journey.firstOn(.reg25aDecision), stoppedOn: journey.ending?.occurredOn, context)
    }
}
