/// Everything the figures are made from, gathered in one pass over the journeys, quarter by
/// quarter. Tallies of separate sets of journeys merge, so a large view can be counted in parts
/// on several cores; the quarters' counts merge too, so one tally gives the figures of any run
/// of its quarters.
public struct DashboardTally: Sendable {
    let request: DashboardRequest
    /// The quarters counted, in order: those of the request's period, or, in a controlled view,
    /// those of the whole calendar years around it (the grid its suppression is decided over,
    /// `ReportingGrid`).
    let quarters: [Quarter]
    /// The rules the policy has in force, in policy order.
    let ruleIDs: [String]
    /// By index in `quarters`.
    private(set) var byQuarter: [QuarterTally]

    /// The days counted: the request's period, or the whole quarters of `quarters`.
    private let counted: ClosedRange<CalendarDate>
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
        if request.suppressSmallNumbers {
            precondition(request.from <= request.to, "a controlled view of a period")
            quarters = ReportingGrid.quarters(around: Quarter.covering(from: request.from, to: request.to))
            counted = quarters.first!.firstDay...quarters.last!.lastDay
        } else {
            quarters = Quarter.covering(from: request.from, to: request.to)
            counted = request.from...max(request.from, request.to)
        }
        ruleIDs = policy.rules.filter(\.enabled).map(\.rule.id)
        byQuarter = Array(repeating: QuarterTally(rules: ruleIDs.count), count: quarters.count)
    }

    /// The index in `quarters` of a day counted, nil for any other day.
    private func quarter(of day: CalendarDate?) -> Int? {
        guard let day, counted.contains(day), let first = quarters.first else { return nil }
        return Quarter(containing: day).index - first.index
    }

    public mutating func add(_ journey: Journey) {
        let journey = journey.asOf(request.asOf)
        guard let start = Self.start(of: journey) else { return }
        let groups = ChildGroups(profile: journey.profile, birth: journey.birth, start: start)

        if let quarter = quarter(of: start) {
            byQuarter[quarter].countCase(in: Self.states.firstIndex(of: journey.state)!)
        }
        // Every journey: a result counts in the quarter its due day falls in, whenever the child started.
        checks.forEachOutcome(journey) { rule, outcome in
            if let quarter = quarter(of: outcome.countedOn) { byQuarter[quarter].countResult(of: rule, outcome.status) }
        }

        // Each rate in the quarter its children enter it; the outcome (a rule's clock, for two of
        // them) is worked out only for the children counted.
        if let quarter = quarter(of: conversion.day(journey)) {
            byQuarter[quarter].countEPConversion(groups, conversion.outcome(journey))
        }
        if let day = EPShare.day(journey), let quarter = quarter(of: day) {
            byQuarter[quarter].countEPShare(groups, EPShare.outcome(journey, on: day))
        }
        if let quarter = quarter(of: considered.day(journey)) {
            byQuarter[quarter].countEPConsidered(groups, considered.outcome(journey))
        }

        for (index, measure) in Self.measures.enumerated() {
            if let interval = measure.interval(in: journey), let quarter = quarter(of: interval.countedOn) {
                byQuarter[quarter].countDuration(index, days: interval.days)
            }
        }

        if let quarter = quarter(of: journey.firstOn(.epPlacement)) {
            byQuarter[quarter].countEPPlacement(outcome: Self.outcomeKinds.firstIndex(of: EPPlacementOutcome(journey))!)
        }

        for session in journey.all(.familyTime) {
            if let quarter = quarter(of: session.occurredOn), case .familyTime(let status, _) = session.details {
                byQuarter[quarter].countSession(Self.sessionStatuses.firstIndex(of: status)!)
            }
        }
    }

    /// Adds another tally's counts, made with the same policy and request.
    public mutating func merge(_ other: DashboardTally) {
        precondition(other.request == request && other.ruleIDs == ruleIDs, "tallies of different dashboards")
        for index in byQuarter.indices { byQuarter[index].merge(other.byQuarter[index]) }
    }

    /// The day a case counts from: its start of planning; failing that its first milestone other
    /// than the birth (a birth can be years before the agency's involvement); failing that the birth.
    static func start(of journey: Journey) -> CalendarDate? {
        journey.startOfPlanning
            ?? journey.milestones.first { $0.kind != .birth }?.occurredOn
            ?? journey.birth
    }
}
