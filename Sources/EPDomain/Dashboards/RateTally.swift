/// A count of children by quarter and by each equality breakdown: one column of a rate.
struct BrokenDownCount: Sendable {
    private(set) var byQuarter: [Int]
    /// By dimension (`Dimension.rawValue`), then by value index.
    private(set) var byGroup: [[Int]]

    init(quarters: Int) {
        byQuarter = Array(repeating: 0, count: quarters)
        byGroup = Dimension.allCases.map { Array(repeating: 0, count: $0.values.count) }
    }

    var total: Int { byQuarter.reduce(0, +) }

    mutating func add(quarter: Int, groups: ChildGroups) {
        byQuarter[quarter] += 1
        for dimension in Dimension.all {
            byGroup[dimension.rawValue][groups[dimension]] += 1
        }
    }

    mutating func merge(_ other: BrokenDownCount) {
        DashboardTally.add(other.byQuarter, to: &byQuarter)
        for dimension in byGroup.indices {
            DashboardTally.add(other.byGroup[dimension], to: &byGroup[dimension])
        }
    }
}

/// One rate's children: its numerator and denominator, and those whose outcome is not known
/// yet, by quarter and by each equality breakdown. A child still pending is in neither the
/// numerator nor the denominator, so a recent cohort is not counted as failing for outcomes
/// that have yet to happen.
struct RateTally: Sendable {
    /// Where one child stands.
    enum Outcome: Sendable {
        /// In the numerator (and so the denominator).
        case counted
        /// In the denominator only.
        case notCounted
        /// Not known yet: in neither.
        case pending
    }

    private(set) var numerator: BrokenDownCount
    private(set) var denominator: BrokenDownCount
    private(set) var pending: BrokenDownCount

    init(quarters: Int) {
        numerator = BrokenDownCount(quarters: quarters)
        denominator = numerator
        pending = numerator
    }

    mutating func add(quarter: Int, groups: ChildGroups, _ outcome: Outcome) {
        switch outcome {
        case .counted:
            numerator.add(quarter: quarter, groups: groups)
            denominator.add(quarter: quarter, groups: groups)
        case .notCounted:
            denominator.add(quarter: quarter, groups: groups)
        case .pending:
            pending.add(quarter: quarter, groups: groups)
        }
    }

    mutating func merge(_ other: RateTally) {
        numerator.merge(other.numerator)
        denominator.merge(other.denominator)
        pending.merge(other.pending)
    }
}
