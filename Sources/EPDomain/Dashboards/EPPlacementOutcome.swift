/// Where a child placed with EP carers stands, as of a day: what became of the EP placement.
enum EPPlacementOutcome: String, CaseIterable, Sendable {
    /// An adoption order while the child lives with the EP carers (not matched with others).
    case adoptedByEPCarers = "adopted_by_ep_carers"
    /// An approved formal match with the EP carers the child lives with; no adoption order yet.
    case matchedWithEPCarers = "matched_with_ep_carers"
    /// The child lives at home: the latest placement is a return home.
    case reunified
    /// The EP placement ended with a move to another placement (the carers withdrew or it
    /// disrupted), and the child does not live with EP carers now.
    case endedEarly = "ended_early"
    /// Living with the EP carers but matched with other adopters, or the journey ended another
    /// way (special guardianship, another family order, a care order, closed).
    case other
    /// Living with the EP carers, nothing decided yet.
    case stillOpen = "still_open"

    /// `journey` is the journey as of the day asked about and has an EP placement. Where the
    /// child lives decides first (docs/design.md §2.5): an EP placement that ended is not
    /// adoption by the EP carers, whoever the match names.
    init(_ journey: Journey) {
        switch journey.currentPlacement?.kind {
        case .reunification?:
            self = .reunified
        case .interimPlacement?:
            self = .endedEarly
        default:
            let match = journey.standingMatch
            if case .admMatchDecision(_, .other)? = match?.details {
                self = .other
            } else if journey.contains(.adoptionOrder) {
                self = .adoptedByEPCarers
            } else if match != nil {
                self = .matchedWithEPCarers
            } else if !journey.state.isOpen {
                self = .other
            } else {
                self = .stillOpen
            }
        }
    }
}
