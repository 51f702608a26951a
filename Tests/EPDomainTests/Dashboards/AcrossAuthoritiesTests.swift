@testable import EPDomain
import Testing

extension DisclosureProperties {
    /// An RAA's leader may ask for the sum of its local authorities' figures and for each authority's
    /// own: suppressed one view at a time, the sum minus one authority's view gave the other's
    /// withheld counts (found by an exploratory run against the API). Decided together
    /// (`DashboardBuilder.build(parts:showing:)`), no count withheld in one view can be worked out
    /// from the others.
    @Suite struct AcrossAuthoritiesTests {
        /// Every count a view publishes, named as `DisclosureAttack` names them (a rate's
        /// numerator and denominator as `#n` and `#d`): nil when withheld.
        static func counts(_ dashboard: Dashboard) -> [String: Int?] {
            var counts: [String: Int?] = [:]
            for figure in dashboard.figures where !["median", "p90", "mean"].contains(figure.statistic) {
                let key = DisclosureAttack.key(figure)
                if figure.statistic == "rate" {
                    counts[key + "#n"] = figure.numerator
                    counts[key + "#d"] = figure.denominator
                } else {
                    counts[key] = figure.value.map { Int($0) }
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
                let north = SuppressionPropertyTests.cases(Int.random(in: 20...90, using: &rng), using: &rng)
                let south = SuppressionPropertyTests.cases(Int.random(in: 1...12, using: &rng), using: &rng)
                let request = DashboardRequest(from: .day("2024-01-01"), to: .day("2025-06-30"), asOf: .day("2025-06-30"), suppressSmallNumbers: true)
                func tally(_ cases: [Case]) -> DashboardTally { DashboardTally(cases, policy: policy, request: request) }
                let parts = [tally(north), tally(south)]
                let controlled = ControlledViews(parts: parts)
                let view = { (shown: Int?) in controlled.dashboard(from: request.from, to: request.to, showing: shown) }
                let (whole, northView, southView) = (view(nil), view(0), view(1))
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

        /// An agency working for four LAs: every view of one year (the sum and each LA) attacked
        /// together, with every relation within a view and each count of the sum as the total of
        /// the LAs', solved exactly. Three or more LAs beside their sum can pin a count down that no
        /// one group gives away (a "bridge", `BridgeTests`); the grid solves its equations together
        /// from three on. (Bridges are rare in random cohorts: without that, these seeds find none;
        /// the test guards the whole, `BridgeTests` the case.)
        @Test func noCountComesOutOfFourAuthoritiesViewsTogether() throws {
            let policy = Policies.england
            let request = DashboardRequest(from: .day("2025-01-01"), to: .day("2025-12-31"), asOf: .day("2025-12-31"), suppressSmallNumbers: true)
            var attempted = 0
            var leaks: [String] = []
            for seed in UInt64(1)...6 {
                var rng = SeededGenerator(seed: seed &* 31_337)
                let cohorts = (0..<4).map { _ in SuppressionPropertyTests.cases(Int.random(in: 4...16, using: &rng), using: &rng) }
                let parts = cohorts.map { DashboardTally($0, policy: policy, request: request) }
                let controlled = ControlledViews(parts: parts)
                let views = [nil] + (0..<4).map { Optional($0) }
                var equations: [DisclosureAttack.Equation] = []
                var known: [String: Int] = [:]
                var truth: [String: Int] = [:]
                var exactRequest = request
                exactRequest.suppressSmallNumbers = false
                for (index, shown) in views.enumerated() {
                    let prefix = "v\(index):"
                    let cases = shown.map { cohorts[$0] } ?? cohorts.flatMap { $0 }
                    let exact = DashboardBuilder.build(cases: cases, policy: policy, request: exactRequest)
                    let published = Self.counts(controlled.dashboard(from: request.from, to: request.to, showing: shown))
                    equations += DisclosureAttack.relations(exact, prefix: prefix)
                    for (key, value) in Self.counts(exact) {
                        truth[prefix + key] = value!
                        if let shownValue = published[key] ?? nil { known[prefix + key] = shownValue }
                    }
                }
                // Each count of the sum is the total of the LAs'.
                for key in truth.keys where key.hasPrefix("v0:") {
                    let name = String(key.dropFirst(3))
                    equations.append(DisclosureAttack.Equation(terms: [(key, -1)] + (1...4).map { ("v\($0):\(name)", 1) }))
                }
                let solved = DisclosureAttack.solve(equations, known: known)
                for (variable, value) in truth where known[variable] == nil && value > 0 {
                    attempted += 1
                    if solved[variable] != nil { leaks.append("seed \(seed): \(variable) = \(value)") }
                }
            }
            let found = leaks.count
            #expect(found == 0, "\(leaks.prefix(12).joined(separator: "\n"))")
            #expect(attempted > 200, "withheld counts attacked: \(attempted)")
        }
    }
}
