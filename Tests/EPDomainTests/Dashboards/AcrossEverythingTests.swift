@testable import EPDomain
import Foundation
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
        /// The as-of days compared: 2025's end, and half a year on.
        static let asOfs: [CalendarDate] = [.day("2025-12-31"), .day("2026-06-30")]

        /// The first and last days of a run of 2025's quarters.
        static func days(_ run: (Int, Int)) -> (CalendarDate, CalendarDate) {
            (.day("2025-" + quarterDays[run.0].0), .day("2025-" + quarterDays[run.1].1))
        }

        /// Two LAs' journeys, 10 to 40 each.
        static func cohorts(_ rng: inout SeededGenerator) -> [[Case]] {
            (0..<2).map { _ in SuppressionPropertyTests.cases(Int.random(in: 10...40, using: &rng), using: &rng) }
        }

        /// The LAs' tallies of 2025 as of `asOf`, for its controlled views.
        static func tallies(_ cohorts: [[Case]], asOf: CalendarDate) -> [DashboardTally] {
            let request = DashboardRequest(from: .day("2025-01-01"), to: .day("2025-12-31"), asOf: asOf, suppressSmallNumbers: true)
            return cohorts.map { DashboardTally($0, policy: Policies.england, request: request) }
        }

        /// The exact figures of a run, for the LAs' sum (nil) or one LA, as of `asOf`.
        static func exact(_ cohorts: [[Case]], _ run: (Int, Int), _ shown: Int?, asOf: CalendarDate) -> Dashboard {
            let (from, to) = days(run)
            let cases = shown.map { cohorts[$0] } ?? cohorts.flatMap { $0 }
            return DashboardBuilder.build(cases: cases, policy: Policies.england, request: DashboardRequest(from: from, to: to, asOf: asOf, suppressSmallNumbers: false))
        }

        /// What the attack pins down among the views: `controlled(day, run, view)` gives the view
        /// published as of the `day`th of `days` as-of days, `exact(day, run, view)` the truth
        /// (view 0 the sum, then each LA). Counts of the figures `unchanging` are the same on
        /// every as-of day (the attacker knows it from their definitions).
        static func attack(
            days: Int = 1, authorities: Int, unchanging: [String] = [], alsoStable: (String) -> Bool = { _ in false },
            controlled: (Int, (Int, Int), Int?) -> Dashboard, exact: (Int, (Int, Int), Int?) -> Dashboard
        ) -> (given: [String], attempted: Int) {
            let runs = (0..<4).flatMap { first in (first..<4).map { (first, $0) } }
            let views = [nil] + (0..<authorities).map { Optional($0) }
            var equations: [DisclosureAttack.Equation] = []
            var known: [String: Int] = [:]
            var truth: [String: Int] = [:]
            for day in 0..<days {
                func prefix(_ run: (Int, Int), _ view: Int) -> String { "d\(day)r\(run.0)\(run.1)v\(view):" }
                for run in runs {
                    for (index, shown) in views.enumerated() {
                        let name = prefix(run, index)
                        let truthful = exact(day, run, shown)
                        equations += DisclosureAttack.relations(truthful, prefix: name)
                        let published = AcrossAuthoritiesTests.counts(controlled(day, run, shown))
                        for (key, value) in AcrossAuthoritiesTests.counts(truthful) {
                            truth[name + key] = value!
                            if let shownValue = published[key] ?? nil { known[name + key] = shownValue }
                        }
                        for figure in truthful.figures where figure.statistic == "rate" {
                            truth[name + DisclosureAttack.key(figure) + "#c"] = figure.denominator! - figure.numerator!
                        }
                    }
                }
                equations += relationsOfOneDay(prefix: prefix, runs: runs, views: views.count, variables: Set(truth.keys))
            }
            // The unchanging figures' counts are the same variable on every day; so are those the
            // attacker assumes stable, where the assumption holds.
            for key in truth.keys where key.hasPrefix("d0") {
                let unchanged = unchanging.contains { key.contains(":\($0)|") }
                for day in 1..<max(days, 1) {
                    let other = "d\(day)" + key.dropFirst(2)
                    if unchanged {
                        #expect(truth[other] == truth[key], "\(key) is the same on every as-of day")
                    } else if !(alsoStable(key) && truth[other] == truth[key]) {
                        continue
                    }
                    equations.append(DisclosureAttack.Equation(terms: [(key, 1), (other, -1)]))
                }
            }
            return solved(equations, known: known, truth: truth)
        }

        /// Between the LAs and their sum, and between runs, on one as-of day.
        static func relationsOfOneDay(
            prefix: ((Int, Int), Int) -> String, runs: [(Int, Int)], views: Int, variables: Set<String>
        ) -> [DisclosureAttack.Equation] {
            var equations: [DisclosureAttack.Equation] = []
            let authorities = views - 1
            // Each variable's name after its view's prefix (which ends at the name's first colon),
            // by prefix: looked up, not searched for, in every run and view.
            var rests: [Substring: [String]] = [:]
            for key in variables {
                guard let colon = key.firstIndex(of: ":") else { continue }
                rests[key[...colon], default: []].append(String(key[key.index(after: colon)...]))
            }
            for run in runs {
                for rest in rests[Substring(prefix(run, 0))] ?? [] {
                    let key = prefix(run, 0) + rest
                    // Each count of the sum is the total of the LAs'.
                    equations.append(DisclosureAttack.Equation(terms: [(key, -1)] + (1...authorities).map { (prefix(run, $0) + rest, 1) }))
                }
                for view in 0..<views {
                    for rest in rests[Substring(prefix(run, view))] ?? [] {
                        let key = prefix(run, view) + rest
                        // The name's fields: figure, breakdown, period, statistic.
                        var fields = rest.split(separator: "|", omittingEmptySubsequences: false)
                        if fields[2].hasPrefix("2025-Q"), let number = Int(fields[2].dropFirst(6)) {
                            // A quarter's row is that quarter's count.
                            fields[2] = ""
                            let whole = fields.joined(separator: "|")
                            equations.append(DisclosureAttack.Equation(terms: [(key, -1), (prefix((number - 1, number - 1), view) + whole, 1)]))
                        } else if run.0 < run.1 {
                            // A run is its first quarter and the rest.
                            equations.append(DisclosureAttack.Equation(terms: [
                                (key, -1), (prefix((run.0, run.0), view) + rest, 1), (prefix((run.0 + 1, run.1), view) + rest, 1),
                            ]))
                        }
                    }
                }
            }
            return equations
        }

        /// Solved exactly over the unknowns (the shown counts are constants): the withheld counts
        /// and small complements pinned down, and how many were tried.
        static func solved(_ equations: [DisclosureAttack.Equation], known: [String: Int], truth: [String: Int]) -> (given: [String], attempted: Int) {
            let variables = Set(truth.keys)
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
            let asOf = Self.asOfs[0]
            var attempted = 0
            var given: [String] = []
            var naive = 0
            for seed in UInt64(1)...3 {
                var rng = SeededGenerator(seed: seed &* 7_919)
                let cohorts = Self.cohorts(&rng)
                let parts = Self.tallies(cohorts, asOf: asOf)
                let exact = { (_: Int, run: (Int, Int), shown: Int?) in Self.exact(cohorts, run, shown, asOf: asOf) }
                let together = ControlledViews(parts: parts)
                let found = Self.attack(authorities: 2, controlled: { _, run, shown in
                    let (from, to) = Self.days(run)
                    return together.dashboard(from: from, to: to, showing: shown)
                }, exact: exact)
                attempted += found.attempted
                given += found.given.map { "seed \(seed): \($0)" }
                // The attack has teeth: each view decided on its own (the sum and each LA apart)
                // gives counts away.
                var sum = parts[0]
                sum.merge(parts[1])
                let apart = [ControlledViews(parts: [sum])] + parts.map { ControlledViews(parts: [$0]) }
                naive += Self.attack(authorities: 2, controlled: { _, run, shown in
                    let (from, to) = Self.days(run)
                    return apart[shown.map { $0 + 1 } ?? 0].dashboard(from: from, to: to, showing: nil)
                }, exact: exact).given.count
            }
            let leaks = given.count
            #expect(leaks == 0, "\(given.prefix(12).joined(separator: "\n"))")
            #expect(attempted > 300, "withheld counts and small complements attacked: \(attempted)")
            #expect(naive > 0, "views decided apart give counts away to the same attack")
        }

        /// A service's journeys (the demo's, 200 for each of two LAs with different EP practice),
        /// all thirty views of a year as of its third quarter's end, the default on a day in its
        /// fourth: an exploratory run found a rule's late and overdue together, both withheld in
        /// the third quarter, worked out as 5 from the year's rate, the first half's counts and
        /// the fourth quarter's zeros (2 counts came out here before the rule rates' complements
        /// were cells of the grid). Random cohorts of tens of children seldom have counts large
        /// enough to be shown beside such a withheld pair.
        @Test func aServiceShapedYearGivesNothingAway() {
            var generator = SyntheticJourneys(seed: 1)
            let cohorts = [SyntheticJourneys.Practice.established, .developing].enumerated().map { authority, practice in
                (0..<200).map { number in
                    let (profile, inputs) = generator.next(startingBefore: .day("2025-11-28"), practice: practice)
                    let records = inputs.map {
                        Milestone(id: UUID(), kind: $0.kind, occurredOn: $0.occurredOn, details: $0.details, recordedAt: Date(timeIntervalSince1970: 1_764_000_000), recordedBy: "sw")
                    }
                    return Case(id: UUID(), reference: "DEMO-\(authority)-\(number)", localAuthority: "la-\(authority)", profile: profile, records: records, createdAt: Date(timeIntervalSince1970: 1_764_000_000))
                }
            }
            let asOf = CalendarDate.day("2025-09-30")
            let together = ControlledViews(parts: Self.tallies(cohorts, asOf: asOf))
            let found = Self.attack(authorities: 2, controlled: { _, run, shown in
                let (from, to) = Self.days(run)
                return together.dashboard(from: from, to: to, showing: shown)
            }, exact: { _, run, shown in Self.exact(cohorts, run, shown, asOf: asOf) })
            let leaks = found.given.count
            #expect(leaks == 0, "\(found.given.prefix(12).joined(separator: "\n"))")
            #expect(found.attempted > 3_000, "withheld counts and small complements attacked: \(found.attempted)")
        }

        /// Two as-of days (the year's end and half a year on) of one year's thirty views, attacked
        /// together: some counts of a past year stay the same (its first EP placements, its family
        /// time sessions), while others move (pending, state, outcomes), and each day's grid is
        /// decided on its own. `alsoStable` names further counts the attacker assumes unchanged;
        /// they are tied where the assumption holds.
        static func attackAcrossAsOfDays(alsoStable: @escaping (String) -> Bool = { _ in false }) -> (given: [String], attempted: Int) {
            var attempted = 0
            var given: [String] = []
            for seed in UInt64(1)...4 {
                var rng = SeededGenerator(seed: seed &* 104_729)
                let cohorts = cohorts(&rng)
                let together = asOfs.map { ControlledViews(parts: tallies(cohorts, asOf: $0)) }
                let found = attack(days: 2, authorities: 2, unchanging: ["ep_placements", "family_time"], alsoStable: alsoStable, controlled: { day, run, shown in
                    let (from, to) = days(run)
                    return together[day].dashboard(from: from, to: to, showing: shown)
                }, exact: { day, run, shown in exact(cohorts, run, shown, asOf: asOfs[day]) })
                attempted += found.attempted
                given += found.given.map { "seed \(seed): \($0)" }
            }
            return (given, attempted)
        }

        /// Tying what the figures' definitions fix across the days recovers nothing (evidence,
        /// not proof).
        @Test func nothingComesOutOfTwoAsOfDaysTogether() {
            let (given, attempted) = Self.attackAcrossAsOfDays()
            let leaks = given.count
            #expect(leaks == 0, "\(given.prefix(12).joined(separator: "\n"))")
            #expect(attempted > 1_000, "withheld counts and small complements attacked: \(attempted)")
        }

        /// The open gap (design §4.4): an attacker who assumes a past period's met rule results
        /// stay met recovers counts (5 over these seeds; 17 before a past year's stable counts
        /// were decided first), because each as-of day is still decided on its own. When the
        /// decision holds across as-of days this passes, and the known issue must go.
        @Test func metResultsAssumedStableAcrossAsOfDaysGiveNothingAway() {
            withKnownIssue("each as-of day's grid is decided on its own: design §4.4") {
                let (given, _) = Self.attackAcrossAsOfDays { $0.hasSuffix("|met") }
                let leaks = given.count
                #expect(leaks == 0, "\(given.prefix(12).joined(separator: "\n"))")
            }
        }

        /// A past year's counts that no later as-of day changes (first EP placements, family time)
        /// or that rarely do (met results, where they did not) are withheld alike on every as-of
        /// day: decided first, among themselves.
        @Test func aPastYearsUnchangingCountsAreWithheldAlikeOnEveryAsOfDay() {
            var compared = 0
            var differing: [String] = []
            for seed in UInt64(1)...4 {
                var rng = SeededGenerator(seed: seed &* 104_729)
                let cohorts = Self.cohorts(&rng)
                let views = Self.asOfs.map { ControlledViews(parts: Self.tallies(cohorts, asOf: $0)) }
                for first in 0..<4 {
                    for last in first..<4 {
                        for shown in [nil, 0, 1] {
                            let (from, to) = Self.days((first, last))
                            let (early, late) = (views[0].dashboard(from: from, to: to, showing: shown), views[1].dashboard(from: from, to: to, showing: shown))
                            let truth = Self.asOfs.map { Self.exact(cohorts, (first, last), shown, asOf: $0) }
                            func same(_ figure: Figure, in dashboard: Dashboard) -> Figure? {
                                dashboard.figures.first { $0.name == figure.name && $0.breakdown == figure.breakdown && $0.period == figure.period && $0.statistic == figure.statistic }
                            }
                            let stable = early.figures.filter { figure in
                                ["ep_placements", "family_time"].contains(figure.name)
                                    || (figure.statistic == "met" && same(figure, in: truth[0])?.value == same(figure, in: truth[1])?.value)
                            }
                            for figure in stable {
                                let other = same(figure, in: late)
                                compared += 1
                                if other?.suppressed != figure.suppressed || other?.value != figure.value {
                                    differing.append("seed \(seed) Q\(first + 1)-Q\(last + 1) \(shown.map(String.init) ?? "sum"): \(DisclosureAttack.key(figure))")
                                }
                            }
                        }
                    }
                }
            }
            let found = differing.count
            #expect(found == 0, "\(differing.prefix(12).joined(separator: "\n"))")
            #expect(compared > 500, "counts compared: \(compared)")
        }
    }
}
