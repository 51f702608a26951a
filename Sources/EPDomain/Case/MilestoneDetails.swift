/// The kind-specific facts of a milestone (docs/design.md §2.4), typed. Kinds without details
/// carry `.none`. Decoded from and encoded to the flat JSON object clients send by `DetailsCodec`.
public enum MilestoneDetails: Hashable, Sendable {
    case none
    case preBirthConference(gestationWeeks: Int?)
    /// The weeks of pregnancy on the day, for `pre_birth_assessment_started` and `birth` when
    /// recorded (without them those kinds carry `.none`).
    case gestation(weeks: Int)
    case viabilityAssessment(ViabilityAssessment)
    case paternityTest(status: PaternityTestStatus)
    case epConsideration(outcome: EPConsiderationOutcome, reason: String?)
    case epCarersLinked(route: ApprovalRoute)
    case reg25aDecision(outcome: DecisionOutcome)
    case interimPlacement(placementType: PlacementType)
    case epPlacement(scheme: EPScheme, placedFrom: PlacedFrom)
    case placementConsent(outcome: ConsentOutcome)
    case familyTime(status: FamilyTimeStatus, supervised: Bool?)
    case timetableExtension(weeks: Int)
    case courtDecision(outcome: CourtOutcome)
    case adoptionPanel(outcome: PanelOutcome)
    case admMatchDecision(outcome: DecisionOutcome, adopters: Adopters)
    case caseClosed(reason: String)
}

extension MilestoneDetails {
    /// The details that are free text, by key: checked for personal data before storing.
    public var freeText: [(key: String, text: String)] {
        switch self {
        case .epConsideration(_, let reason?): [("reason", reason)]
        case .caseClosed(let reason): [("reason", reason)]
        default: []
        }
    }
}

public struct ViabilityAssessment: Hashable, Sendable {
    /// A short label for the person assessed, e.g. `VA-1`, kept across both stages: it pairs a
    /// start with its completion, and a viability with the full assessment that follows it.
    public var assessment: String
    public var relationship: Relationship
    /// `viability` (the default: what records made before stages existed are) or `full`.
    public var stage: Stage
    public var status: Status
    /// Present exactly when `status` is `completed`.
    public var outcome: Outcome?

    public init(assessment: String, relationship: Relationship, stage: Stage = .viability, status: Status, outcome: Outcome? = nil) {
        self.assessment = assessment
        self.relationship = relationship
        self.stage = stage
        self.status = status
        self.outcome = outcome
    }

    /// The first look at a family or friends carer, or the full connected-person (or special
    /// guardianship) assessment that follows a positive one.
    public enum Stage: String, CaseIterable, Hashable, Sendable {
        case viability
        case full
    }

    public enum Relationship: String, CaseIterable, Hashable, Sendable {
        case maternalFamily = "maternal_family", paternalFamily = "paternal_family", sibling, friend, other
    }

    public enum Status: String, CaseIterable, Hashable, Sendable { case started, completed }
    public enum Outcome: String, CaseIterable, Hashable, Sendable { case positive, negative }
}

public enum PaternityTestStatus: String, CaseIterable, Hashable, Sendable {
    case requested
    case resultReceived = "result_received"
}

public enum EPConsiderationOutcome: String, CaseIterable, Hashable, Sendable {
    case recommended
    case notSuitable = "not_suitable"
    case deferred
}

public enum ApprovalRoute: String, CaseIterable, Hashable, Sendable {
    case dualApproval = "dual_approval"
    case reg25a
}

public enum DecisionOutcome: String, CaseIterable, Hashable, Sendable { case approved, declined }

public enum PlacementType: String, CaseIterable, Hashable, Sendable {
    case fosterCare = "foster_care", residential, other
}

public enum EPScheme: String, CaseIterable, Hashable, Sendable {
    /// Fostering for Adoption.
    case ffa
    /// Concurrent Planning.
    case concurrency
}

public enum PlacedFrom: String, CaseIterable, Hashable, Sendable {
    case hospital
    case birthFamily = "birth_family"
    case interimCare = "interim_care"
    case other
}

public enum FamilyTimeStatus: String, CaseIterable, Hashable, Sendable {
    case attended
    case cancelledByFamily = "cancelled_by_family"
    case cancelledByAgency = "cancelled_by_agency"
    case notAttended = "not_attended"
}

public enum CourtOutcome: String, CaseIterable, Hashable, Sendable {
    case placementOrder = "placement_order"
    /// A care order without a placement order (the placement order refused): long-term care.
    case careOrder = "care_order"
    case returnHome = "return_home"
    case specialGuardianship = "special_guardianship"
    case otherFamilyOrder = "other_family_order"
    case withdrawn
}

/// Consent to placement for adoption (Adoption and Children Act 2002 s.19).
public enum ConsentOutcome: String, CaseIterable, Hashable, Sendable {
    case given
    case withdrawn
}

public enum PanelOutcome: String, CaseIterable, Hashable, Sendable {
    case recommended
    case notRecommended = "not_recommended"
}

public enum Adopters: String, CaseIterable, Hashable, Sendable {
    case epCarers = "ep_carers"
    case other
}
