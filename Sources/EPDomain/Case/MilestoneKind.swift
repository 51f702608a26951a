/// Every event in a child's EP journey, in journey order (docs/design.md §2.3). The raw values are
/// the names used in JSON, SQL, policy files and documents.
public enum MilestoneKind: String, CaseIterable, Hashable, Sendable {
    case preBirthAssessmentStarted = "pre_birth_assessment_started"
    /// A parent asks the local authority for the child to be adopted (the consensual route, S2.9):
    /// a start of planning.
    case adoptionRequest = "adoption_request"
    case preBirthConference = "pre_birth_conference"
    case birth
    case ploPreProceedings = "plo_pre_proceedings"
    case familyGroupConference = "family_group_conference"
    case viabilityAssessment = "viability_assessment"
    case paternityTest = "paternity_test"
    case parentsInformedOfEP = "parents_informed_of_ep"
    case epConsideration = "ep_consideration"
    case proceedingsIssued = "proceedings_issued"
    case timetableExtension = "timetable_extension"
    case enteredCare = "entered_care"
    /// An application under Part 19 of the Family Procedure Rules for the court's guidance: not
    /// authority to place.
    case section19Application = "section_19_application"
    /// Consent to placement for adoption (Adoption and Children Act 2002 s.19), given or withdrawn:
    /// with a placement order, the only authority to place.
    case placementConsent = "placement_consent"
    case epCarersLinked = "ep_carers_linked"
    case reg25aDecision = "reg25a_decision"
    case interimPlacement = "interim_placement"
    case epPlacement = "ep_placement"
    case familyTimePlan = "family_time_plan"
    case familyTime = "family_time"
    case courtDecision = "court_decision"
    case adoptionPanel = "adoption_panel"
    /// The final panel minutes reached the agency decision maker (S4.7).
    case panelMinutesReceived = "panel_minutes_received"
    case admMatchDecision = "adm_match_decision"
    case reunificationPlan = "reunification_plan"
    case reunification
    /// Placed for adoption with the matched adopters (with the EP carers, the day their status
    /// changes: no move).
    case placedForAdoption = "placed_for_adoption"
    case adoptionOrder = "adoption_order"
    case caseClosed = "case_closed"

    /// Position in `allCases`, for array-indexed lookups on the rules engine's hot path. A
    /// payload-free enum is stored as its case index, so this is a read, not a hash of the raw
    /// string (a test checks it against `allCases`).
    public var ordinal: Int { Int(unsafeBitCast(self, to: UInt8.self)) }

    /// How many kinds there are (`allCases.count`, without building the array).
    static let count = allCases.count

    /// Kinds that may be recorded many times (docs/design.md §2.3); every other kind at most once.
    /// Links, Reg 25A decisions and EP placements recur when carers withdraw or a placement ends
    /// (§2.5); a family time plan is agreed again for each EP placement.
    public var isRepeatable: Bool {
        switch self {
        case .familyGroupConference, .viabilityAssessment, .paternityTest, .epConsideration,
             .timetableExtension, .placementConsent, .epCarersLinked, .reg25aDecision, .interimPlacement,
             .epPlacement, .familyTimePlan, .familyTime, .adoptionPanel, .panelMinutesReceived, .admMatchDecision:
            true
        default:
            false
        }
    }

    /// Kinds that only make sense for a born child: never before a recorded `birth`, and for a case
    /// opened as unborn only once `birth` is recorded. Planning kinds may come before birth.
    public var needsBornChild: Bool {
        switch self {
        case .proceedingsIssued, .timetableExtension, .enteredCare, .section19Application, .placementConsent,
             .interimPlacement, .epPlacement, .familyTime, .courtDecision, .adoptionPanel, .panelMinutesReceived,
             .admMatchDecision, .reunification, .placedForAdoption, .adoptionOrder:
            true
        default:
            false
        }
    }

    /// After one of these nothing more may be recorded, only corrections.
    public var endsJourney: Bool { self == .caseClosed || self == .adoptionOrder }
}
