/// Numerators and denominators of one rate, by quarter and by each equality breakdown.
struct RateTally: Sendable {
    private(set) var numeratorByQuarter: [Int]
    private(set) var denominatorByQuarter: [Int]
    /// By dimension (`Dimension.rawValue`), then by value index.
    private(set) var numeratorByGroup: [[Int]]
    private(set) var denominatorByGroup: [[Int]]

    init(quarters: Int) {
        numeratorByQuarter = Array(repeating: 0, count: quarters)
        denominatorByQuarter = numeratorByQuarter
        numeratorByGroup = Dimension.allCases.map { Array(repeating: 0, count: $0.values.count) }
        denominatorByGroup = numeratorByGroup
    }

    /// Counts one child in the denominator, and in the numerator when `counted`.
    mutating func add(quarter: Int, groups: ChildGroups, counted: Bool) {
        denominatorByQuarter[quarter] += 1
        if counted { numeratorByQuarter[quarter] += 1 }
        for dimension in Dimension.all {
            denominatorByGroup[dimension.rawValue][groups[dimension]] += 1
            if counted { numeratorByGroup[dimension.rawValue][groups[dimension]] += 1 }
        }
    }

    mutating func merge(_ other: RateTally) {
        DashboardTally.add(other.numeratorByQuarter, to: &numeratorByQuarter)
        DashboardTally.add(other.denominatorByQuarter, to: &denominatorByQuarter)
        for dimension in numeratorByGroup.indices {
            DashboardTally.add(other.numeratorByGroup[dimension], to: &numeratorByGroup[dimension])
            DashboardTally.add(other.denominatorByGroup[dimension], to: &denominatorByGroup[dimension])
        }
    }
}
