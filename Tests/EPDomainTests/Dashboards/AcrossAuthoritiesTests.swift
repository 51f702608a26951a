import EPDomain
import Testing

/// An RAA's leader may ask for the sum of its local authorities' figures and for each authority's
/// own: suppressed one view at a time, the sum minus one authority's view gave the other's
/// withheld counts (found by an exploratory run against the API). Decided together
/// (`DashboardBuilder.build(parts:showing:)`), no count withheld in one view can be worked out
/// from the others.
@Suite struct AcrossAuthoritiesTests {
    /// Every count a view publishes, by figure (a rate's numerator and denominator apart): nil
    /// when withheld.
    static func counts(_ dashboard: Dashboard) -> [String: Int?] {
        var counts: [String: Int?] = [:]
        for figure in dashboard.figures {
            let key = "\(figure.name)|\(figure.breakdown)|\(figure.period)|\(figure.statistic)"
            switch figure.statistic {
            case "rate":
                counts[key + "#numerator"] = figure.numerator
                counts[key + "#denominator"] = figure.denominator
            case "count", "pending", "n", "met", "late", "overdue":
                counts[key] = figure.value.map { Int($0) }
            default:
                continue
            }
        }
        return counts
    }

    /// The counts of `whole` minus `one` that give away a count `other` withholds.
    static func leaks(whole: Dashboard, one: Dashboard, other: Dashboard) -> [String] {
        let (sum, known, hidden) = (counts(whole), counts(one), counts(other))
        return sum.keys.sorted().filter { key in
            guard let total = sum[key] ?? nil, let part = known[key] ?? nil else { return false }
            return hidden[key] ?? nil == nil && total - part > 0
        }
    }

    @Test func noAuthoritysWithheldCountComesOutOfTheSumMinusAnother() {
        let policy = Policies.england
        var naiveLeaks = 0
        for seed in UInt64(1)...20 {
            var rng = SeededGenerator(seed: seed)
            let north = (0..<Int.random(in: 20...90, using: &rng)).map { _ in SuppressionPropertyTests.pool.randomElement(using: &rng)! }
            let south = (0..<Int.random(in: 1...12, using: &rng)).map { _ in SuppressionPropertyTests.pool.randomElement(using: &rng)! }
            let request = DashboardRequest(from: .day("2024-01-01"), to: .day("2025-06-30"), asOf: .day("2025-06-30"), suppressSmallNumbers: true)
            func tally(_ cases: [Case]) -> DashboardTally {
                var tally = DashboardTally(policy: policy, request: request)
                for subject in cases { tally.add(subject.journey) }
                return tally
            }
            let parts = [tally(north), tally(south)]
            let whole = DashboardBuilder.build(parts: parts, showing: nil)
            let (northView, southView) = (DashboardBuilder.build(parts: parts, showing: 0), DashboardBuilder.build(parts: parts, showing: 1))
            #expect(Self.leaks(whole: whole, one: northView, other: southView).isEmpty, "seed \(seed): south from the sum minus north")
            #expect(Self.leaks(whole: whole, one: southView, other: northView).isEmpty, "seed \(seed): north from the sum minus south")
            // The same three views suppressed one at a time, as before: the attack the test is for.
            var sum = parts[0]
            sum.merge(parts[1])
            naiveLeaks += Self.leaks(whole: DashboardBuilder.build(sum), one: DashboardBuilder.build(parts[0]), other: DashboardBuilder.build(parts[1])).count
            // A view of one authority alone is still that authority's figures.
            let exactNorth = Self.counts(DashboardBuilder.build(cases: north, policy: policy, request: DashboardRequest(
                from: request.from, to: request.to, asOf: request.asOf, suppressSmallNumbers: false
            )))
            for (key, value) in Self.counts(northView) {
                if let value { #expect(exactNorth[key] ?? nil == value, "seed \(seed): \(key)") }
            }
        }
        #expect(naiveLeaks > 0, "the data gives the one-view-at-a-time suppression something to leak")
    }
}
