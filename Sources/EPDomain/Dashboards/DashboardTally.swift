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
    private(set) var epConversion: RateTally
    private(set) var epShare: RateTally
    private(set) var epConsidered: RateTally
    /// By `DurationMeasure.allCases` index: the lengths in days, unsorted.
    private(set) var durations = Array(repeating: [Int](), count: DurationMeasure.allCases.count)
    /// By rule, in `ruleIDs` order.
    private(set) var ruleCounts: [RuleCounts]
    /// By `EPPlacementOutcome.allCases` index.
    private(set) var outcomes = Array(repeating: 0, count: EPPlacementOutcome.allCases.count)
    /// By `FamilyTimeStatus.allCases` index.
    private(set) var familyTime = Array(repeating: 0, count: FamilyTimeStatus.allCases.count)

    private let checks: DayChecks
    private let conversion: EPConversion
    private let considered: EPConsidered

    // The case lists the tally indexes by, kept rather than rebuilt for every child.
    private static let states = JourneyState.allCases
    private static let measures = DurationMeasure.allCases
    private static let outcomeKinds = EPPlacementOutcome.allCases
    private static let sessionStatuses = FamilyTimeStatus.allCases

    public init(policy: Policy, request: DashboardRequest) {
        self.request = request
        checks = DayChecks(policy, asOf: request.asOf)
        conversion = EPConversion(policy: policy, asOf: request.asOf)
        considered = EPConsidered(policy: policy, asOf: request.asOf)
        quarters = Quarter.covering(from: request.from, to: request.to)
        ruleIDs = policy.rules.filter(\.enabled).map(\.rule.id)
        epPlacementsByQuarter = Array(repeating: 0, count: quarters.count)
        epConversion = RateTally(quarters: quarters.count)
        epShare = epConversion
        epConsidered = epConversion
        ruleCounts = Array(repeating: RuleCounts(), count: ruleIDs.count)
    }

    /// The index in `quarters` of a day inside the period, nil outside it.
    private func quarter(of day: CalendarDate?) -> Int? {
        guard let day, request.contains(day), let first = quarters.first else { return nil }
        return Quarter(containing: day).index - first.index
    }

    public mutating func add(_ journey: Journey) {
        let journey = journey.asOf(request.asOf)
        guard let start = Self.start(of: journey) else { return }
        let groups = ChildGroups(profile: journey.profile, birth: journey.birth, start: start)

        if request.contains(start) {
            casesByState[Self.states.firstIndex(of: journey.state)!] += 1
        }
        // Every journey: a result counts in the period its due day falls in, whenever the child started.
        checks.forEachOutcome(journey) { rule, outcome in
            if let day = outcome.countedOn, request.contains(day) { ruleCounts[rule].count(outcome.status) }
        }

        // Each rate in the quarter its children enter it; the outcome (a rule's clock, for two of
        // them) is worked out only for the children in the period.
        if let quarter = quarter(of: conversion.day(journey)) {
            epConversion.add(quarter: quarter, groups: groups, conversion.outcome(journey))
        }
        if let day = EPShare.day(journey), let quarter = quarter(of: day) {
            epShare.add(quarter: quarter, groups: groups, EPShare.outcome(journey, on: day))
        }
        if let quarter = quarter(of: considered.day(journey)) {
            epConsidered.add(quarter: quarter, groups: groups, considered.outcome(journey))
        }

        for (index, measure) in Self.measures.enumerated() {
            if let interval = measure.interval(in: journey), request.contains(interval.countedOn) {
                durations[index].append(interval.days)
            }
        }

        if let quarter = quarter(of: journey.firstOn(.epPlacement)) {
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
        epConversion.merge(other.epConversion)
        epShare.merge(other.epShare)
        epConsidered.merge(other.epConsidered)
        for index in durations.indices { durations[index] += other.durations[index] }
        for index in ruleCounts.indices { ruleCounts[index].merge(other.ruleCounts[index]) }
        Self.add(other.outcomes, to: &outcomes)
        Self.add(other.familyTime, to: &familyTime)
    }

    static func add(_ counts: [Int], to total: inout [Int]) {
        for index in total.indices { total[index] += counts[index] }
    }

    /// The day a case counts from: its start of planning; failing that its first milestone other
    /// than the birth (a birth can be years before the agency's involvement); failing that the birth.
    static func start(of journey: Journey) -> CalendarDate? {
        journey.startOfPlanning
            ?? journey.milestones.first { $0.kind != .birth }?.occurredOn
            ?? journey.birth
    }
}
