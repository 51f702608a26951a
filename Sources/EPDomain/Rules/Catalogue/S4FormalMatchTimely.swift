extension Rule {
    /// Once there is authority to place (a placement order, or consent to placement given and not
    /// withdrawn), the formal adoption match is approved by the ADM without delay (the adoption
    /// scorecard's A2 measure). The clock runs from the start of the unbroken authority the match
    /// came in (or that stands now); a section 19 application is not authority to place.
    static let formalMatchTimely = Rule(
        id: "S4-formal-match-timely",
        standard: "S4.7",
        title: "ADM formal match within the threshold of authority to place (placement order or consent)",
        shape: .deadline(defaultThreshold: Period(4, .months), defaultWarning: Period(1, .months), units: Set(Period.Unit.allCases)),
        basis: .localDefault(source: "Adoption scorecard A2; DfE 2013-16 threshold of 121 days (4 months)")
    ) { journey, context in
        let match = journey.first(.admMatchDecision, where: \.isApprovedMatch)
        guard let authority = journey.authorityToPlace(on: match?.occurredOn ?? context.asOf) else {
            if let withdrawn = journey.all(.placementConsent).last, withdrawn.details == .placementConsent(outcome: .withdrawn) {
                return RuleOutcome(status: .notApplicable, message: .say("Consent to placement was withdrawn on {0}: there is no authority to place.", withdrawn.occurredOn))
            }
            return .notApplicable("There is no authority to place: no placement order, and no consent to placement given.")
        }
        let byOrder = authority.kind == .courtDecision
        return Deadline(
            expected: "the ADM's formal match",
            anchorName: byOrder ? "the placement order" : "consent to placement",
            action: "take the match to panel and the agency decision maker"
        ).outcome(anchor: authority.occurredOn, done: match?.occurredOn, stoppedOn: journey.ending?.occurredOn, context)
    }
}
