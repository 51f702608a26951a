import EPDomain

/// The fields of each milestone kind's form. Their values go through `DetailsCodec`, the API's
/// own reader, so the pages accept and refuse exactly what the API does, with its messages; a
/// test fills every kind's form and checks the codec knows every field.
struct DetailField: Sendable {
    enum Input: Sendable {
        case choice([String])
        case integer(ClosedRange<Int>)
        case yesNo
        case text
        case label
    }

    let key: String
    let label: String
    let hint: String?
    let input: Input

    init(_ key: String, _ label: String, hint: String? = nil, _ input: Input) {
        self.key = key
        self.label = label
        self.hint = hint
        self.input = input
    }

    static func choice<T: RawRepresentable<String> & CaseIterable>(_ key: String, _ label: String, _ type: T.Type, hint: String? = nil) -> DetailField {
        DetailField(key, label, hint: hint, .choice(type.allCases.map(\.rawValue)))
    }

    static func fields(for kind: MilestoneKind) -> [DetailField] {
        let gestation = DetailField("gestation_weeks", "Weeks of pregnancy on the day (optional)", .integer(DetailsCodec.gestationWeeks))
        switch kind {
        case .preBirthConference, .preBirthAssessmentStarted, .birth:
            return [gestation]
        case .viabilityAssessment:
            return [
                DetailField("assessment", "Assessment label", hint: "A code pairing the start with its completion: up to 4 letters, then a number, such as VA-1. Never the person's name.", .label),
                .choice("relationship", "Who is assessed", ViabilityAssessment.Relationship.self),
                .choice("stage", "Stage (optional: viability if not chosen)", ViabilityAssessment.Stage.self),
                .choice("status", "Status", ViabilityAssessment.Status.self),
                .choice("outcome", "Outcome (when completed)", ViabilityAssessment.Outcome.self),
            ]
        case .paternityTest: return [.choice("status", "Status", PaternityTestStatus.self)]
        case .epConsideration:
            return [
                .choice("outcome", "Outcome", EPConsiderationOutcome.self),
                DetailField("reason", "Reason (optional)", hint: "No names, addresses or other details that identify anyone.", .text),
            ]
        case .epCarersLinked: return [.choice("route", "Route to approval", ApprovalRoute.self)]
        case .reg25aDecision: return [.choice("outcome", "Decision", DecisionOutcome.self)]
        case .interimPlacement: return [.choice("placement_type", "Type of placement", PlacementType.self)]
        case .epPlacement:
            return [.choice("scheme", "Scheme", EPScheme.self), .choice("placed_from", "Placed from", PlacedFrom.self)]
        case .placementConsent: return [.choice("outcome", "Consent", ConsentOutcome.self)]
        case .familyTime:
            return [.choice("status", "What happened", FamilyTimeStatus.self), DetailField("supervised", "Supervised (optional)", .yesNo)]
        case .timetableExtension: return [DetailField("weeks", "Weeks of extension", hint: "1 to 8", .integer(1...8))]
        case .courtDecision: return [.choice("outcome", "Outcome", CourtOutcome.self)]
        case .adoptionPanel: return [.choice("outcome", "Recommendation", PanelOutcome.self)]
        case .admMatchDecision:
            return [.choice("outcome", "Decision", DecisionOutcome.self), .choice("adopters", "Matched with", Adopters.self)]
        case .caseClosed:
            return [DetailField("reason", "Why the case is closed", hint: "No names, addresses or other details that identify anyone.", .text)]
        case .adoptionRequest, .ploPreProceedings, .familyGroupConference, .parentsInformedOfEP, .proceedingsIssued,
             .enteredCare, .section19Application, .familyTimePlan, .panelMinutesReceived, .reunificationPlan,
             .reunification, .placedForAdoption, .adoptionOrder:
            return []
        }
    }

    /// The id of the element an error about this field links to (a radio group's first radio).
    var target: String {
        if case .choice(let values) = input, let first = values.first { return "details-\(key)-\(first)" }
        if case .yesNo = input { return "details-\(key)-yes" }
        return "details-\(key)"
    }
}
