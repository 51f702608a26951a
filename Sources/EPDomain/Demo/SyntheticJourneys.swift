/// Deterministic synthetic journeys with a realistic mix, for demos and benchmarks: a third
/// unborn at referral, a quarter where EP was considered only after the family track, a sixth
/// reunified, the rest ending in a placement order, a match and mostly an adoption order; about
/// 18 milestones each.
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
        var day = start
        if unborn {
            add(.preBirthConference, day, .preBirthConference(gestationWeeks: 24 + random(12)))
        }
        add(.ploPreProceedings, day.adding(days: random(10)))
        let sequential = random(4) == 0
        let considered = day.adding(days: sequential ? 60 + random(40) : 5 + random(30))
        add(.viabilityAssessment, day.adding(days: 3), .viabilityAssessment(.init(assessment: "VA-1", relationship: .maternalFamily, status: .started)))
        add(.viabilityAssessment, day.adding(days: 30 + random(30)), .viabilityAssessment(.init(assessment: "VA-1", relationship: .maternalFamily, status: .completed, outcome: .negative)))
        add(.paternityTest, day.adding(days: 5), .paternityTest(status: .requested))
        add(.paternityTest, day.adding(days: 20 + random(20)), .paternityTest(status: .resultReceived))
        add(.epConsideration, considered, .epConsideration(outcome: .recommended, reason: nil))
        day = considered.adding(days: 2)
        let birth = unborn ? day : start.adding(days: -30 - random(60))
        add(.birth, birth)
        add(.parentsInformedOfEP, day.adding(days: random(5)))
        add(.epCarersLinked, day.adding(days: 3), .epCarersLinked(route: random(2) == 0 ? .reg25a : .dualApproval))
        add(.reg25aDecision, day.adding(days: 5 + random(6)), .reg25aDecision(outcome: .approved))
        add(.proceedingsIssued, day.adding(days: 7))
        add(.enteredCare, day.adding(days: 8))
        let placed = day.adding(days: 10 + random(14))
        add(.epPlacement, placed, .epPlacement(scheme: random(5) == 0 ? .concurrency : .ffa, placedFrom: unborn ? .hospital : .birthFamily))
        add(.familyTimePlan, placed.adding(days: 2 + random(8)))
        add(.familyTime, placed.adding(days: 7), .familyTime(status: .attended, supervised: true))
        if random(6) == 0 {
            add(.courtDecision, placed.adding(days: 150 + random(60)), .courtDecision(outcome: .returnHome))
            add(.reunification, placed.adding(days: 220))
        } else {
            let order = day.adding(days: 7 + 150 + random(60))
            add(.courtDecision, order, .courtDecision(outcome: .placementOrder))
            let panel = order.adding(days: 40 + random(60))
            add(.adoptionPanel, panel, .adoptionPanel(outcome: .recommended))
            if random(10) < 9 {
                let match = panel.adding(days: 3 + random(8))
                add(.admMatchDecision, match, .admMatchDecision(outcome: .approved, adopters: random(10) == 0 ? .other : .epCarers))
                add(.adoptionOrder, match.adding(days: 90 + random(120)))
            }
        }
        let expected = unborn ? YearMonth(year: birth.components.year, month: birth.components.month) : nil
        let profile = ChildProfile(
            sex: unborn ? .notKnown : (random(2) == 0 ? .female : .male),
            ethnicity: Ethnicity.allCases[random(Ethnicity.allCases.count)],
            siblingGroupSize: 1 + random(2), disability: random(8) == 0, unborn: unborn, expectedBirthMonth: expected
        )
        let ordered = inputs.enumerated().sorted { ($0.element.occurredOn, $0.offset) < ($1.element.occurredOn, $1.offset) }.map(\.element)
        return (profile, ordered)
    }
}
