extension Rule {
    /// From entering care to moving in with the family who adopt (the adoption scorecard's A10
    /// measure). With EP the child moves in with the eventual adopters at the EP placement, when
    /// that placement never ended and the EP carers are the matched adopters; otherwise the move
    /// is `placed_for_adoption`. An ended EP placement is not moving in. While the child lives
    /// with EP carers not yet matched, the result depends on a match not yet made: `pending`,
    /// never `met`; an adoption order while living with them confirms the move in, and a
    /// closure without a match ends the wait (the deadline as at the closure).
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
        // Home for good, or a court decision other than a placement order (special guardianship,
        // another family order, a care order, return home, a withdrawn application).
        if journey.returnedHomeForGood {
            return .notApplicable("The child's plan ended other than in adoption.")
        }
        if case .courtDecision(let outcome)? = journey.first(.courtDecision)?.details, outcome != .placementOrder {
            return .notApplicable("The child's plan ended other than in adoption.")
        }
        // Home under an interim order, with no placement order: reunification is the plan while
        // it lasts (Standard 7.1), so nothing asks for family finding; the clock from entry to
        // care counts again if the child is placed again.
        if journey.ending == nil, let home = journey.currentPlacement, home.kind == .reunification, journey.placementOrder == nil {
            return RuleOutcome(
                status: .pending, anchorOn: entered,
                message: .say("The child has lived at home since {0}, before a final decision: moving in with an adoptive family is expected only if adoption becomes the plan again.", home.occurredOn)
            )
        }
        let match = journey.standingMatch
        // The EP placement the child still lives in, if any.
        let withEPCarers = journey.livesWithEPCarers ? journey.all(.epPlacement).last : nil
        let movedIn: CalendarDate?
        if case .admMatchDecision(_, .epCarers)? = match?.details, let withEPCarers {
            movedIn = withEPCarers.occurredOn
        } else if let placed = journey.firstOn(.placedForAdoption) {
            movedIn = placed
        } else if match == nil, let withEPCarers, journey.ending?.kind == .adoptionOrder {
            // Adopted while living with the EP carers: they are the adopters, whether or not the
            // match was recorded, and the child moved in with them at the EP placement.
            movedIn = withEPCarers.occurredOn
        } else if match == nil, withEPCarers != nil, journey.ending != nil {
            // Closed (transferred, say) while with EP carers not matched here: no match will be
            // recorded, so the result is the deadline's at the closure, never pending for ever.
            movedIn = nil
        } else if match == nil, let withEPCarers {
            let due = context.threshold.after(entered, in: context.calendar)
            let since = withEPCarers.occurredOn
            if since <= due {
                return RuleOutcome(
                    status: .pending, anchorOn: entered, dueOn: due,
                    message: .say(
                        "The child has lived with the EP carers since {0}, before the due date of {1} (entry to care on {2}); it counts as moving in with the adoptive family only once the EP carers are matched as the adopters.",
                        since, due, entered
                    )
                )
            }
            return RuleOutcome(
                status: .late, anchorOn: entered, dueOn: due, daysOverdue: due.days(until: since),
                message: .say(
                    "The child moved in with the EP carers on {0}, {days} after the due date of {1} (entry to care on {2}); provisional: it counts so if they are matched as the adopters, and later if others are.",
                    since, due, entered, n: due.days(until: since)
                )
            )
        } else {
            movedIn = nil
        }
        return Deadline(
            expected: "moving in with the adoptive family",
            anchorName: "entry to care",
            action: "progress family finding and the match"
        ).outcome(anchor: entered, done: movedIn, stoppedOn: journey.ending?.occurredOn, context)
    }
}
