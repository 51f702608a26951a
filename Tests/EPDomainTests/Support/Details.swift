import EPDomain

/// Short names for the details a social worker records most, so a test journey reads like a
/// case chronology.
extension MilestoneDetails {
    static let recommended = MilestoneDetails.epConsideration(outcome: .recommended, reason: nil)
    static func considered(_ outcome: EPConsiderationOutcome, reason: String? = nil) -> MilestoneDetails {
        .epConsideration(outcome: outcome, reason: reason)
    }

    static let deferred = MilestoneDetails.epConsideration(outcome: .deferred, reason: nil)
    static let notSuitable = MilestoneDetails.epConsideration(outcome: .notSuitable, reason: nil)

    static func viabilityStarted(_ label: String, _ relationship: ViabilityAssessment.Relationship) -> MilestoneDetails {
        .viabilityAssessment(ViabilityAssessment(assessment: label, relationship: relationship, status: .started))
    }

    static func viabilityCompleted(
        _ label: String, _ relationship: ViabilityAssessment.Relationship, _ outcome: ViabilityAssessment.Outcome
    ) -> MilestoneDetails {
        .viabilityAssessment(ViabilityAssessment(assessment: label, relationship: relationship, status: .completed, outcome: outcome))
    }

    /// The full connected-person (or special guardianship) assessment of the same person.
    static func fullStarted(_ label: String, _ relationship: ViabilityAssessment.Relationship) -> MilestoneDetails {
        .viabilityAssessment(ViabilityAssessment(assessment: label, relationship: relationship, stage: .full, status: .started))
    }

    static func fullCompleted(
        _ label: String, _ relationship: ViabilityAssessment.Relationship, _ outcome: ViabilityAssessment.Outcome
    ) -> MilestoneDetails {
        .viabilityAssessment(ViabilityAssessment(assessment: label, relationship: relationship, stage: .full, status: .completed, outcome: outcome))
    }

    static func gestation(_ weeks: Int) -> MilestoneDetails { .gestation(weeks: weeks) }
    static func conference(weeks: Int?) -> MilestoneDetails { .preBirthConference(gestationWeeks: weeks) }

    static let paternityRequested = MilestoneDetails.paternityTest(status: .requested)
    static let paternityResult = MilestoneDetails.paternityTest(status: .resultReceived)

    static let dualApproval = MilestoneDetails.epCarersLinked(route: .dualApproval)
    static let reg25aRoute = MilestoneDetails.epCarersLinked(route: .reg25a)
    static let reg25aApproved = MilestoneDetails.reg25aDecision(outcome: .approved)
    static let reg25aDeclined = MilestoneDetails.reg25aDecision(outcome: .declined)

    static let fosterCare = MilestoneDetails.interimPlacement(placementType: .fosterCare)
    static func ffa(from placedFrom: PlacedFrom) -> MilestoneDetails { .epPlacement(scheme: .ffa, placedFrom: placedFrom) }
    static func concurrency(from placedFrom: PlacedFrom) -> MilestoneDetails { .epPlacement(scheme: .concurrency, placedFrom: placedFrom) }
    static let attended = MilestoneDetails.familyTime(status: .attended, supervised: true)

    static func timetable(weeks: Int) -> MilestoneDetails { .timetableExtension(weeks: weeks) }
    static let placementOrder = MilestoneDetails.courtDecision(outcome: .placementOrder)
    static let careOrder = MilestoneDetails.courtDecision(outcome: .careOrder)
    static let consentGiven = MilestoneDetails.placementConsent(outcome: .given)
    static let consentWithdrawn = MilestoneDetails.placementConsent(outcome: .withdrawn)
    static let returnHome = MilestoneDetails.courtDecision(outcome: .returnHome)
    static let panelRecommended = MilestoneDetails.adoptionPanel(outcome: .recommended)
    static let matchedWithEPCarers = MilestoneDetails.admMatchDecision(outcome: .approved, adopters: .epCarers)
    static let matchedWithOtherAdopters = MilestoneDetails.admMatchDecision(outcome: .approved, adopters: .other)
    static let matchDeclined = MilestoneDetails.admMatchDecision(outcome: .declined, adopters: .other)
    static let panelNotRecommended = MilestoneDetails.adoptionPanel(outcome: .notRecommended)
    static func closed(_ reason: String) -> MilestoneDetails { .caseClosed(reason: reason) }
}
