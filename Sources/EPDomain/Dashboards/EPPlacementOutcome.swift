/// Where a child placed with EP carers ended up, as of a day.
enum EPPlacementOutcome: String, CaseIterable, Sendable {
    /// An adoption order, or an approved formal match with the EP carers as adopters, while the
    /// child still lives with them.
    case adoptedByEPCarers = "adopted_by_ep_carers"
    case reunified
    /// Matched with other adopters, special guardianship or another family order, or closed.
    case other
    case stillOpen = "still_open"

    /// `journey` is the journey as of the day asked about. Follows the precedence of
    /// `Journey.state`: an adoption order first, then a return home, then a formal match, then
    /// the other endings.
    init(_ journey: Journey) {
        let match = journey.first(.admMatchDecision, where: \.isApprovedMatch)
        // An EP placement that ended (the child moved on) is not adoption by the EP carers, whoever
        // the match names (docs/design.md §2.5).
        let matchedWithOthers = match?.details == .admMatchDecision(outcome: .approved, adopters: .other) || !journey.livesWithEPCarers
        if journey.contains(.adoptionOrder) {
            self = matchedWithOthers ? .other : .adoptedByEPCarers
        } else if journey.contains(.reunification) {
            self = .reunified
        } else if match != nil {
            self = matchedWithOthers ? .other : .adoptedByEPCarers
        } else {
            switch journey.state {
            case .otherPermanence, .closed: self = .other
            default: self = .stillOpen
            }
        }
    }
}
