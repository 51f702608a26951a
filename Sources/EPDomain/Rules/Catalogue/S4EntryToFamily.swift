extension Rule {
    /// From entering care to moving in with the family who adopt (the adoption scorecard's A10
    /// measure): with EP the child moves in with the eventual adopters at the EP placement.
    static let entryToFamily = Rule(
        id: "S4-entry-to-family",
        standard: "S4",
        title: "Entry to care to moving in with the eventual adopters within the threshold",
        shape: .deadline(defaultThreshold: Period(14, .months), defaultWarning: Period(2, .months), units: Set(Period.Unit.allCases)),
        basis: .localDefault(source: "Adoption scorecard A10 (A1 adjusted for foster-carer adoptions); DfE 2013-16 A1 threshold of 14 months")
    ) { journey, context in
        guard let entered = journey.firstOn(.enteredCare) else {
            return .notApplicable("The child has not entered care.")
        }
        if journey.contains(.reunification) || journey.state == .otherPermanence {
            return .notApplicable("The child's plan ended other than in adoption.")
        }
        let deadline = Deadline(
            expected: "moving in with the adoptive family",
            anchorName: "entry to care",
            action: "progress family finding and the match"
        )
        let match = journey.first(.admMatchDecision, where: \.isApprovedMatch)
        let placed = journey.firstOn(.epPlacement)
        let movedIn: CalendarDate?
        switch match?.details {
        case .admMatchDecision(_, .epCarers)?:
            movedIn = placed ?? match?.occurredOn
        case .admMatchDecision(_, .other)?:
            // No milestone records moving in with adopters who were not the EP carers; the
            // match decision is the nearest recorded date (documented in Policies/README.md).
            movedIn = match?.occurredOn
        default:
            // Still with EP carers and not yet matched: counted provisionally from the EP placement.
            movedIn = placed
        }
        var outcome = deadline.outcome(anchor: entered, done: movedIn, stoppedOn: journey.ending?.occurredOn, context)
        if match == nil, placed != nil {
            outcome.explanation = outcome.explanation.followed(by: " Provisional: it counts if the EP carers adopt.")
        }
        return outcome
    }
}
