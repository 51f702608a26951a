@testable import EPDomain
import Testing

extension DisclosureProperties {
    /// The strongest attack the tests make: every view an RAA's leader can ask of one year (the
    /// ten runs of quarters, for the sum and each of two LAs: thirty dashboards), with every
    /// relation at once: within each view (what the figures mean, `DisclosureAttack.relations`),
    /// between the LAs and their sum, and between runs (a run is its first quarter and the rest;
    /// a quarter's row in any run is that quarter's count). The equations are solved exactly
    /// (`DeterminedUnknowns`, itself checked against dense elimination), so any withheld count
    /// or small complement that any chain of additions and subtractions across all thirty gives
    /// away is found.
    @Suite struct AcrossEverythingTests {
        static let quarterDays = [("01-01", "03-31"), ("04-01", "06-30"), ("07-01", "09-30"), ("10-01", "12-31")]

        /// What the attack pins down among the views: `controlled(run, view)` gives the view
        /// published, `exact(run, view)` the truth (view 0 the sum, then each LA).
        static func attack(
            authorities: Int, controlled: ((Int, Int), Int?) -> Dashboard, exact: ((Int, Int), Int?) -> Dashboard
        ) -> (given: [String], attempted: Int) {
            let runs = (0..<4).flatMap { first in (first..<4).map { (first, $0) } }
            let views = [nil] + (0..<authorities).map { Optional($0) }
            func prefix(_ run: (Int, Int), _ view: Int) -> String { "r\(run.0)\(run.1)v\(view):" }
            var equations: [DisclosureAttack.Equation] = []
            var known: [String: Int] = [:]
            var truth: [String: Int] = [:]
            for run in runs {
                for (index, shown) in views.enumerated() {
                    let name = prefix(run, index)
                    let truthful = exact(run, shown)
                    equations += DisclosureAttack.relations(truthful, prefix: name)
                    let published = AcrossAuthoritiesTests.counts(controlled(run, shown))
                    for (key, value) in AcrossAuthoritiesTests.counts(truthful) {
                        truth[name + key] = value!
                        if let shownValue = published[key] ?? nil { known[name + key] = shownValue }
                    }
                    for figure in truthful.figures where figure.statistic == "rate" {
                        truth[name + DisclosureAttack.key(figure) + "#c"] = figure.denominator! - figure.numerator!
                    }
                }
            }
            let variables = Set(truth.keys)
            for run in runs {
                for key in variables where key.hasPrefix(prefix(run, 0)) {
                    let rest = String(key.dropFirst(prefix(run, 0).count))
                    // Each count of the sum is the total of the LAs'.
                    equations.append(DisclosureAttack.Equation(terms: [(key, -1)] + (1...authorities).map { (prefix(run, $0) + rest, 1) }))
                }
                for view in views.indices {
                    for key in variables where key.hasPrefix(prefix(run, view)) {
                        let rest = String(key.dropFirst(prefix(run, view).count))
                        if let quarter = (0..<4).first(where: { rest.contains("|2025-Q\($0 + 1)|") }) {
                            // A quarter's row is that quarter's count.
                            let whole = rest.replacingOccurrences(of: "|2025-Q\(quarter + 1)|", with: "||")
                            equations.append(DisclosureAttack.Equation(terms: [(key, -1), (prefix((quarter, quarter), view) + whole, 1)]))
                        } else if run.0 < run.1 {
                            // A run is its first quarter and the rest.
                            equations.append(DisclosureAttack.Equation(terms: [
                                (key, -1), (prefix((run.0, run.0), view) + rest, 1), (prefix((run.0 + 1, run.1), view) + rest, 1),
                            ]))
                        }
                    }
                }
            }
            // Solved exactly over the unknowns (the shown counts are constants).
            var index: [String: Int] = [:]
            for name in variables.union(equations.flatMap { $0.terms.map(\.0) }).sorted() where known[name] == nil { index[name] = index.count }
            let system = equations.map { equation in
                equation.terms.compactMap { name, coefficient in index[name].map { ($0, PrimeField.residue(coefficient)) } }
            }.filter { !$0.isEmpty }
            let pinned = DeterminedUnknowns.pinnedDown(by: system, count: index.count)
            var given: [String] = []
            var attempted = 0
            for (name, column) in index.sorted(by: { $0.key < $1.key }) {
                guard let value = truth[name], value > 0 else { continue }
                let complement = name.hasSuffix("#c")
                guard !complement || value <= 5 else { continue }
                attempted += 1
                if pinned[column] { given.append("\(name) = \(value)") }
            }
            return (given, attempted)
        }

        @Test func nothingComesOutOfEveryViewOfAYearTogether() {
            let policy = Policies.england
            let request = DashboardRequest(from: .day("2025-01-01"), to: .day("2025-12-31"), asOf: .day("2025-12-31"), suppressSmallNumbers: true)
            var attempted = 0
            var given: [String] = []
            var naive = 0
            for seed in UInt64(1)...3 {
                var rng = SeededGenerator(seed: seed &* 7_919)
                let cohorts = (0..<2).map { _ in
                    (0..<Int.random(in: 10...40, using: &rng)).map { _ in SuppressionPropertyTests.pool.randomElement(using: &rng)! }
                }
                let parts = cohorts.map { cases in
                    var tally = DashboardTally(policy: policy, request: request)
                    for subject in cases { tally.add(subject.journey) }
                    return tally
                }
                func days(_ run: (Int, Int)) -> (CalendarDate, CalendarDate) {
                    (.day("2025-" + Self.quarterDays[run.0].0), .day("2025-" + Self.quarterDays[run.1].1))
                }
                func exact(_ run: (Int, Int), _ shown: Int?) -> Dashboard {
                    let (from, to) = days(run)
                    let cases = shown.map { cohorts[$0] } ?? cohorts.flatMap { $0 }
                    return DashboardBuilder.build(cases: cases, policy: policy, request: DashboardRequest(from: from, to: to, asOf: request.asOf, suppressSmallNumbers: false))
                }
                let together = ControlledViews(parts: parts)
                let found = Self.attack(authorities: 2, controlled: { run, shown in
                    let (from, to) = days(run)
                    return together.dashboard(from: from, to: to, showing: shown)
                }, exact: exact)
                attempted += found.attempted
                given += found.given.map { "seed \(seed): \($0)" }
                // The attack has teeth: each view decided on its own (the sum and each LA apart)
                // gives counts away.
                var sum = parts[0]
                sum.merge(parts[1])
                let apart = [ControlledViews(parts: [sum])] + parts.map { ControlledViews(parts: [$0]) }
                naive += Self.attack(authorities: 2, controlled: { run, shown in
                    let (from, to) = days(run)
                    return apart[shown.map { $0 + 1 } ?? 0].dashboard(from: from, to: to, showing: nil)
                }, exact: exact).given.count
            }
            let leaks = given.count
            #expect(leaks == 0, "\(given.prefix(12).joined(separator: "\n"))")
            #expect(attempted > 300, "withheld counts and small complements attacked: \(attempted)")
            #expect(naive > 0, "views decided apart give counts away to the same attack")
        }
    }
}
