/// The counts of one quarter of a dashboard's period (or, merged, of several quarters): what
/// happened in it, each child or result counted in the quarter of the day it counts on. Every
/// count adds up across quarters, so the figures of any run of quarters are the merge of theirs.
struct QuarterTally: Sendable {
    /// By `JourneyState.allCases` index: the children whose planning started in the quarter.
    private(set) var casesByState = Array(repeating: 0, count: JourneyState.allCases.count)
    private(set) var epConversion = RateTally()
    private(set) var epShare = RateTally()
    private(set) var epConsidered = RateTally()
    /// By `DurationMeasure.allCases` index: the lengths in days, unsorted.
    private(set) var durations = Array(repeating: [Int](), count: DurationMeasure.allCases.count)
    /// By rule, in the tally's `ruleIDs` order.
    private(set) var ruleCounts: [RuleCounts]
    /// By `EPPlacementOutcome.allCases` index, for the EP placements made in the quarter.
    private(set) var outcomes = Array(repeating: 0, count: EPPlacementOutcome.allCases.count)
    /// The EP placements made in the quarter: each has one outcome.
    var epPlacements: Int { outcomes.reduce(0, +) }
    /// By `FamilyTimeStatus.allCases` index.
    private(set) var familyTime = Array(repeating: 0, count: FamilyTimeStatus.allCases.count)

    init(rules: Int) {
        ruleCounts = Array(repeating: RuleCounts(), count: rules)
    }

    mutating func countCase(in state: Int) { casesByState[state] += 1 }
    mutating func countResult(of rule: Int, _ status: RuleStatus) { ruleCounts[rule].count(status) }
    mutating func countEPConversion(_ groups: ChildGroups, _ outcome: RateTally.Outcome) { epConversion.add(groups: groups, outcome) }
    mutating func countEPShare(_ groups: ChildGroups, _ outcome: RateTally.Outcome) { epShare.add(groups: groups, outcome) }
    mutating func countEPConsidered(_ groups: ChildGroups, _ outcome: RateTally.Outcome) { epConsidered.add(groups: groups, outcome) }
    mutating func countDuration(_ measure: Int, days: Int) { durations[measure].append(days) }
    mutating func countEPPlacement(outcome: Int) { outcomes[outcome] += 1 }
    mutating func countSession(_ status: Int) { familyTime[status] += 1 }

    /// Whether nothing at all was counted (every figure of it is 0).
    var isEmpty: Bool {
        casesByState.allSatisfy { $0 == 0 } && epPlacements == 0
            && [epConversion, epShare, epConsidered].allSatisfy { $0.denominator.total == 0 && $0.pending.total == 0 }
            && durations.allSatisfy(\.isEmpty)
            && ruleCounts.allSatisfy { $0.met + $0.late + $0.overdue + $0.pending == 0 }
            && familyTime.allSatisfy { $0 == 0 }
    }

    /// Adds another quarter's counts (or another set of journeys' counts of the same quarter).
    mutating func merge(_ other: QuarterTally) {
        casesByState.add(other.casesByState)
        epConversion.merge(other.epConversion)
        epShare.merge(other.epShare)
        epConsidered.merge(other.epConsidered)
        for index in durations.indices { durations[index] += other.durations[index] }
        for index in ruleCounts.indices { ruleCounts[index].merge(other.ruleCounts[index]) }
        outcomes.add(other.outcomes)
        familyTime.add(other.familyTime)
    }
}

extension [Int] {
    /// Adds `other`'s counts, one by one, to these (of the same length).
    mutating func add(_ other: [Int]) {
        for index in indices { self[index] += other[index] }
    }
}
