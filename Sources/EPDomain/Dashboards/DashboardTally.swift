/// Everything the figures are made from, gathered in one pass over the journeys. Tallies of
/// separate sets of journeys merge, so a large view can be counted in parts on several cores.
public struct DashboardTally: Sendable {
    let request: DashboardRequest
    let quarters: [Quarter]
    /// The rules the policy has in force, in policy order.
    let ruleIDs: [String]

    /// By `JourneyState.allCases` index.
    private(set) var casesByState = Array(repeating: 0, count: JourneyState.allCases.count)
    private(set) var epPlacementsByQuarter: [Int]
    private(set) var epRate: RateTally
    private(set) var consideration: RateTally
    /// By `DurationMeasure.allCases` index: the lengths in days, unsorted.
    private(set) var durations = Array(repeating: [Int](), count: DurationMeasure.allCases.count)
    /// By rule, then met, late, overdue.
    private(set) var ruleCounts: [[Int]]
    /// By `EPPlacementOutcome.allCases` index.
    private(set) var outcomes = Array(repeating: 0, count: EPPlacementOutcome.allCases.count)
    /// By `FamilyTimeStatus.allCases` index.
    private(set) var familyTime = Array(repeating: 0, count: FamilyTimeStatus.allCases.count)

    private let checks: DayChecks

    // The case lists the tally indexes by, kept rather than rebuilt for every child.
    private static let states = JourneyState.allCases
    private static let measures = DurationMeasure.allCases
    private static let outcomeKinds = EPPlacementOutcome.allCases
    private static let sessionStatuses = FamilyTimeStatus.allCases

    public init(policy: Policy, request: DashboardRequest) {
        self.request = request
        checks = DayChecks(policy, asOf: request.asOf)
        quarters = Quarter.covering(from: request.from, to: request.to)
        ruleIDs = policy.rules.filter(\.enabled).map(\.rule.id)
        epPlacementsByQuarter = Array(repeating: 0, count: quarters.count)
        epRate = RateTally(quarters: quarters.count)
        consideration = RateTally(quarters: quarters.count)
        ruleCounts = Array(repeating: [0, 0, 0], count: ruleIDs.count)
    }

    /// The index in `quarters` of a day inside the period, nil outside it.
    private func quarter(of day: CalendarDate) -> Int? {
        guard request.contains(day), let first = quarters.first else { return nil }
        return Quarter(containing: day).index - first.index
    }

    public mutating func add(_ journey: Journey) {
        let journey = journey.asOf(request.asOf)
        guard let start = Self.start(of: journey) else { return }
        let groups = ChildGroups(profile: journey.profile, birth: journey.birth, start: start)

        if request.contains(start) {
            casesByState[Self.states.firstIndex(of: journey.state)!] += 1
            countRules(journey)
        }

        // EP rate: children with a placement order or an EP recommendation, in the quarter of
        // whichever came first; counted when placed with EP carers.
        let epPlaced = journey.first(.epPlacement)
        if let qualified = Self.earliest(journey.placementOrder?.occurredOn, journey.epRecommendation?.occurredOn),
           let quarter = quarter(of: qualified) {
            epRate.add(quarter: quarter, groups: groups, counted: epPlaced != nil)
        }

        // EP consideration rate: children with a plan that could lead to adoption.
        let adoptionPlan = Self.earliest(
            Self.earliest(journey.firstOn(.proceedingsIssued), journey.firstOn(.section19Application)),
            journey.placementOrder?.occurredOn
        )
        if let adoptionPlan, let quarter = quarter(of: adoptionPlan) {
            consideration.add(quarter: quarter, groups: groups, counted: journey.contains(.epConsideration))
        }

        for (index, measure) in Self.measures.enumerated() {
            if let interval = measure.interval(in: journey), request.contains(interval.countedOn) {
                durations[index].append(interval.days)
            }
        }

        if let epPlaced, let quarter = quarter(of: epPlaced.occurredOn) {
            epPlacementsByQuarter[quarter] += 1
            outcomes[Self.outcomeKinds.firstIndex(of: EPPlacementOutcome(journey))!] += 1
        }

        for session in journey.all(.familyTime) where request.contains(session.occurredOn) {
            if case .familyTime(let status, _) = session.details {
                familyTime[Self.sessionStatuses.firstIndex(of: status)!] += 1
            }
        }
    }

    /// Adds another tally's counts, made with the same policy and request.
    public mutating func merge(_ other: DashboardTally) {
        precondition(other.request == request && other.ruleIDs == ruleIDs, "tallies of different dashboards")
        Self.add(other.casesByState, to: &casesByState)
        Self.add(other.epPlacementsByQuarter, to: &epPlacementsByQuarter)
        epRate.merge(other.epRate)
        consideration.merge(other.consideration)
        for index in durations.indices { durations[index] += other.durations[index] }
        for index in ruleCounts.indices { Self.add(other.ruleCounts[index], to: &ruleCounts[index]) }
        Self.add(other.outcomes, to: &outcomes)
        Self.add(other.familyTime, to: &familyTime)
    }

    static func add(_ counts: [Int], to total: inout [Int]) {
        for index in total.indices { total[index] += counts[index] }
    }

    private mutating func countRules(_ journey: Journey) {
        // The policy gives its enabled rules' statuses in order: `ruleIDs` order.
        checks.forEachStatus(journey) { rule, status in
            switch status {
            case .met: ruleCounts[rule][0] += 1
            case .late: ruleCounts[rule][1] += 1
            case .overdue: ruleCounts[rule][2] += 1
            case .dueSoon, .pending, .notApplicable: break
            }
        }
    }

    /// The day a case counts from: its start of planning; failing that its first milestone other
    /// than the birth (a birth can be years before the agency's involvement); failing that the birth.
    static func start(of journey: Journey) -> CalendarDate? {
        journey.startOfPlanning
            ?? journey.milestones.first { $0.kind != .birth }?.occurredOn
            ?? journey.birth
    }

    private static func earliest(_ a: CalendarDate?, _ b: CalendarDate?) -> CalendarDate? {
        guard let a else { return b }
        guard let b else { return a }
        return min(a, b)
    }
}
