/// A count of children, in all and by each equality breakdown: one column of a rate, in one
/// quarter or (merged) over several.
struct BrokenDownCount: Sendable {
    private(set) var total = 0
    /// By dimension (`Dimension.rawValue`), then by value index.
    private(set) var byGroup: [[Int]] = Dimension.allCases.map { Array(repeating: 0, count: $0.values.count) }

    mutating func add(groups: ChildGroups) {
        total += 1
        for dimension in Dimension.all {
            byGroup[dimension.rawValue][groups[dimension]] += 1
        }
    }

    mutating func merge(_ other: BrokenDownCount) {
        total += other.total
        for dimension in byGroup.indices {
            byGroup[dimension].add(other.byGroup[dimension])
        }
    }
}

/// One rate's children: its numerator and denominator, and those whose outcome is not known
/// yet, by each equality breakdown (one quarter's, or several merged). A child still pending is in neither the
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

    private(set) var numerator = BrokenDownCount()
    private(set) var denominator = BrokenDownCount()
    private(set) var pending = BrokenDownCount()

    mutating func add(groups: ChildGroups, _ outcome: Outcome) {
        switch outcome {
        case .counted:
            numerator.add(groups: groups)
            denominator.add(groups: groups)
        case .notCounted:
            denominator.add(groups: groups)
        case .pending:
            pending.add(groups: groups)
        }
    }

    mutating func merge(_ other: RateTally) {
        numerator.merge(other.numerator)
        denominator.merge(other.denominator)
        pending.merge(other.pending)
    }
}
