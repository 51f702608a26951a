/// Deterministic synthetic journeys with a realistic mix, for demos and benchmarks: a third
/// unborn at referral; a quarter where EP was decided only after the family track failed (most of
/// those deferred first, "wait for the viability assessments"); a sixth reunified, half of them
/// going home under the interim order before the final hearing; one in twenty-four consensual (a
/// parent's request, consent to placement, no proceedings); one in twenty-four where the
/// recommendation was withdrawn and the family kept the child under special guardianship; one in
/// twelve where the first EP placement ended and the child moved to new EP carers; the rest
/// ending in a placement order, a match and mostly an adoption order. About 19 milestones each.
/// The same seed gives the same journeys.
public struct SyntheticJourneys: Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    /// SplitMix64: small, fast, and the same on every platform.
    private mutating func random(_ upper: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(upper))
    }

    /// A child's profile and milestones, in date order, for a journey whose planning starts in
    /// the 900 days before `end`.
    public mutating func next(startingBefore end: CalendarDate) -> (profile: ChildProfile, milestones: [MilestoneInput]) {
        let unborn = random(3) == 0
        let start = end.adding(days: -900 + random(900))
        var inputs: [MilestoneInput] = []
        func add(_ kind: MilestoneKind, _ day: CalendarDate, _ details: MilestoneDetails = .none) {
            inputs.append(MilestoneInput(kind: kind, occurredOn: day, details: details))
        }
        let route = random(24)
        if route == 0, !unborn {
            consensual(start: start, add)
        } else {
            contested(start: start, unborn: unborn, withdrawn: route == 1, placementEnds: route == 2 || route == 3, add)
        }
        let birth = inputs.first { $0.kind == .birth }?.occurredOn ?? start
        let expected = unborn ? YearMonth(year: birth.components.year, month: birth.components.month) : nil
        let profile = ChildProfile(
            sex: unborn ? .notKnown : (random(2) == 0 ? .female : .male),
            ethnicity: Ethnicity.allCases[random(Ethnicity.allCases.count)],
            siblingGroupSize: 1 + random(2), disability: random(8) == 0, unborn: unborn, expectedBirthMonth: expected
        )
        let ordered = inputs.enumerated().sorted { ($0.element.occurredOn, $0.offset) < ($1.element.occurredOn, $1.offset) }.map(\.element)
        return (profile, ordered)
    }

    /// Care proceedings, twin tracking done well or sequentially, and the endings that follow.
    private mutating func contested(
        start: CalendarDate, unborn: Bool, withdrawn: Bool, placementEnds: Bool, _ add: (MilestoneKind, CalendarDate, MilestoneDetails) -> Void
    ) {
        var day = start
        if unborn {
            add(.preBirthConference, day, .preBirthConference(gestationWeeks: 24 + random(12)))
        }
        add(.ploPreProceedings, day.adding(days: random(10)), .none)
        let sequential = random(4) == 0
        let considered = day.adding(days: sequential ? 60 + random(40) : 5 + random(30))
        add(.viabilityAssessment, day.adding(days: 3), .viabilityAssessment(.init(assessment: "VA-1", relationship: .maternalFamily, status: .started)))
        add(.viabilityAssessment, day.adding(days: 30 + random(30)), .viabilityAssessment(.init(assessment: "VA-1", relationship: .maternalFamily, status: .completed, outcome: .negative)))
        add(.paternityTest, day.adding(days: 5), .paternityTest(status: .requested))
        add(.paternityTest, day.adding(days: 20 + random(20)), .paternityTest(status: .resultReceived))
        if sequential, random(3) > 0 {
            add(.epConsideration, day.adding(days: 8), .epConsideration(outcome: .deferred, reason: nil))
        }
        add(.epConsideration, considered, .epConsideration(outcome: .recommended, reason: nil))
        day = considered.adding(days: 2)
        let birth = unborn ? day : start.adding(days: -30 - random(60))
        add(.birth, birth, .none)
        add(.parentsInformedOfEP, day.adding(days: random(5)), .none)
        add(.proceedingsIssued, day.adding(days: 7), .none)
        add(.enteredCare, day.adding(days: 8), .none)
        if withdrawn {
            // Paternal grandmother came forward; EP judged not suitable; special guardianship.
            add(.interimPlacement, day.adding(days: 8), .interimPlacement(placementType: .fosterCare))
            add(.viabilityAssessment, day.adding(days: 10), .viabilityAssessment(.init(assessment: "VA-2", relationship: .paternalFamily, status: .started)))
            add(.viabilityAssessment, day.adding(days: 38), .viabilityAssessment(.init(assessment: "VA-2", relationship: .paternalFamily, status: .completed, outcome: .positive)))
            add(.epConsideration, day.adding(days: 40), .epConsideration(outcome: .notSuitable, reason: nil))
            add(.viabilityAssessment, day.adding(days: 45), .viabilityAssessment(.init(assessment: "VA-2", relationship: .paternalFamily, stage: .full, status: .started)))
            add(.viabilityAssessment, day.adding(days: 130), .viabilityAssessment(.init(assessment: "VA-2", relationship: .paternalFamily, stage: .full, status: .completed, outcome: .positive)))
            add(.courtDecision, day.adding(days: 150 + random(30)), .courtDecision(outcome: .specialGuardianship))
            return
        }
        let reg25a = random(2) == 0
        add(.epCarersLinked, day.adding(days: 3), .epCarersLinked(route: reg25a ? .reg25a : .dualApproval))
        if reg25a { add(.reg25aDecision, day.adding(days: 8 + random(4)), .reg25aDecision(outcome: .approved)) }
        var placed = day.adding(days: 10 + random(14))
        add(.epPlacement, placed, .epPlacement(scheme: random(5) == 0 ? .concurrency : .ffa, placedFrom: unborn ? .hospital : .birthFamily))
        add(.familyTimePlan, placed.adding(days: 2 + random(8)), .none)
        add(.familyTime, placed.adding(days: 7), .familyTime(status: .attended, supervised: true))
        if placementEnds {
            // The EP carers withdrew; a short interim placement, then new dual-approved carers.
            let ended = placed.adding(days: 30 + random(30))
            add(.interimPlacement, ended, .interimPlacement(placementType: .fosterCare))
            add(.epCarersLinked, ended.adding(days: 7), .epCarersLinked(route: .dualApproval))
            placed = ended.adding(days: 10 + random(10))
            add(.epPlacement, placed, .epPlacement(scheme: .ffa, placedFrom: .interimCare))
            add(.familyTimePlan, placed.adding(days: 3), .none)
        }
        if random(6) == 0 {
            let home = placed.adding(days: 150 + random(60))
            add(.reunificationPlan, home.adding(days: -7 - random(7)), .none)
            if random(2) == 0 {
                // A phased return under the interim order: home before the final hearing.
                add(.reunification, home, .none)
                add(.courtDecision, home.adding(days: 30 + random(30)), .courtDecision(outcome: .returnHome))
            } else {
                add(.courtDecision, home, .courtDecision(outcome: .returnHome))
                add(.reunification, home.adding(days: 14), .none)
            }
        } else {
            let order = day.adding(days: 7 + 150 + random(60))
            add(.courtDecision, order, .courtDecision(outcome: .placementOrder))
            let panel = order.adding(days: 40 + random(60))
            add(.adoptionPanel, panel, .adoptionPanel(outcome: .recommended))
            if random(10) < 9 {
                let minutes = panel.adding(days: 1 + random(3))
                add(.panelMinutesReceived, minutes, .none)
                let match = minutes.adding(days: 2 + random(8))
                let withEPCarers = random(10) > 0
                add(.admMatchDecision, match, .admMatchDecision(outcome: .approved, adopters: withEPCarers ? .epCarers : .other))
                add(.placedForAdoption, match.adding(days: withEPCarers ? 0 : 21), .none)
                add(.adoptionOrder, match.adding(days: 90 + random(120)), .none)
            }
        }
    }

    /// A parent asks for the baby to be adopted: EP carers from hospital, the mother's consent to
    /// placement once the baby is six weeks old, no proceedings.
    private mutating func consensual(start: CalendarDate, _ add: (MilestoneKind, CalendarDate, MilestoneDetails) -> Void) {
        let birth = start.adding(days: -random(14))
        add(.birth, birth, .none)
        add(.adoptionRequest, start, .none)
        add(.epConsideration, start.adding(days: 2), .epConsideration(outcome: .recommended, reason: nil))
        add(.parentsInformedOfEP, start.adding(days: 2), .none)
        add(.epCarersLinked, start.adding(days: 3), .epCarersLinked(route: .dualApproval))
        add(.enteredCare, start.adding(days: 4), .none)
        add(.epPlacement, start.adding(days: 4), .epPlacement(scheme: .ffa, placedFrom: .hospital))
        add(.familyTimePlan, start.adding(days: 6), .none)
        add(.section19Application, start.adding(days: 10), .none)
        let consent = max(birth.adding(days: 42), start.adding(days: 14))
        add(.placementConsent, consent, .placementConsent(outcome: .given))
        let panel = consent.adding(days: 30 + random(30))
        add(.adoptionPanel, panel, .adoptionPanel(outcome: .recommended))
        add(.panelMinutesReceived, panel.adding(days: 2), .none)
        let match = panel.adding(days: 5 + random(5))
        add(.admMatchDecision, match, .admMatchDecision(outcome: .approved, adopters: .epCarers))
        add(.placedForAdoption, match, .none)
        add(.adoptionOrder, match.adding(days: 90 + random(60)), .none)
    }
}
