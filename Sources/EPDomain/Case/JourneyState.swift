/// Where a child's journey stands, always derived from the effective milestones, never stored
/// by hand.
public enum JourneyState: String, CaseIterable, Hashable, Sendable {
    case preBirth = "pre_birth"
    case preProceedings = "pre_proceedings"
    case inProceedings = "in_proceedings"
    case epPlaced = "ep_placed"
    case placementOrder = "placement_order"
    case formallyMatched = "formally_matched"
    case adopted
    case reunified
    case otherPermanence = "other_permanence"
    case closed

    /// Whether the journey is still running (the state a case list is usually filtered on).
    public var isOpen: Bool {
        switch self {
        case .adopted, .reunified, .otherPermanence, .closed: false
        default: true
        }
    }
}

extension Journey {
    /// Endings win over progress; otherwise the furthest stage reached (docs/design.md §2.6).
    /// A court decision of return home changes nothing until the `reunification` itself is
    /// recorded, and a withdrawn application changes nothing until the case is closed. A child
    /// returned home while proceedings run is still `in_proceedings` until the court decides
    /// (see `ending`). `ep_placed` means living with EP carers: an EP placement that ended (the
    /// child moved on, or went home) no longer counts.
    public var state: JourneyState {
        if contains(.adoptionOrder) { return .adopted }
        if returnedHomeForGood { return .reunified }
        if let decision = first(.courtDecision), case .courtDecision(let outcome) = decision.details,
           outcome == .specialGuardianship || outcome == .otherFamilyOrder || outcome == .careOrder {
            return .otherPermanence
        }
        if contains(.caseClosed) { return .closed }
        if first(.admMatchDecision, where: \.isApprovedMatch) != nil { return .formallyMatched }
        if hasPlacementOrder { return .placementOrder }
        if livesWithEPCarers { return .epPlaced }
        if contains(.proceedingsIssued) { return .inProceedings }
        if profile.unborn && birth == nil { return .preBirth }
        return .preProceedings
    }

    public var hasPlacementOrder: Bool { placementOrder != nil }

    /// The court decision that made a placement order, if there is one.
    public var placementOrder: Milestone? {
        first(.courtDecision) { $0.details == .courtDecision(outcome: .placementOrder) }
    }

    /// The first EP consideration whose outcome was `recommended`, whatever came after it (the
    /// dashboards' and the export's "EP recommended"). Rules that follow the standing decision
    /// use `standingRecommendation(on:)`.
    public var epRecommendation: Milestone? {
        first(.epConsideration) {
            if case .epConsideration(.recommended, _) = $0.details { true } else { false }
        }
    }
}

extension Milestone {
    /// An ADM decision approving a formal adoption match.
    public var isApprovedMatch: Bool {
        if case .admMatchDecision(.approved, _) = details { true } else { false }
    }
}
