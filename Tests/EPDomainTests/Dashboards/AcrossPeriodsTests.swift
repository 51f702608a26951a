@testable import EPDomain
import Testing

extension DisclosureProperties {
    /// A leader may ask for any run of whole quarters: suppressed one request at a time, two
    /// overlapping runs (2023-Q1…2025-Q2 and 2024-Q4…2025-Q2) gave the quarters between them, which
    /// their own view withheld (found by an exploratory run against the API). Decided over the
    /// reporting grid (`ReportingGrid`), nothing any set of views withholds follows from what they
    /// show.
    @Suite struct AcrossPeriodsTests {
        /// Every whole-quarter run from 2024-Q1 to 2025-Q4, as (first, last) quarter offsets.
        static let runs = (0..<8).flatMap { first in (first..<8).map { (first, $0) } }


        /// The attacker, one count at a time: the count of each (authority, quarter) is an unknown; a
        /// view of a run shows the sum of its quarters' (the sum view: of every authority's). A
        /// withheld count follows from the shown ones exactly when its row is a combination of
        /// theirs (elimination in `PrimeField`, exact for these small systems).
        struct Attacker {
            let authorities: Int
            /// The rows learned, reduced: each with a leading 1 in its own column.
            private var basis: [(column: Int, row: [Int])] = []

            init(authorities: Int) { self.authorities = authorities }

            /// The row of view `view` (0 the sum, then each authority) over quarters `first...last`.
            func row(view: Int, first: Int, last: Int) -> [Int] {
                var row = Array(repeating: 0, count: authorities * 8)
                for authority in 0..<authorities where view == 0 || view == authority + 1 {
                    for quarter in first...last { row[authority * 8 + quarter] = 1 }
                }
                return row
            }

            /// What is left of `row` once the rows learned are taken out of it.
            private func reduced(_ row: [Int]) -> [Int] {
                var row = row.map(PrimeField.residue)
                for (column, basisRow) in basis where row[column] != 0 {
                    let factor = row[column]
                    for c in row.indices { row[c] = PrimeField.residue(row[c] - factor * basisRow[c]) }
                }
                return row
            }

            mutating func learn(_ row: [Int]) {
                var row = reduced(row)
                guard let column = row.firstIndex(where: { $0 != 0 }) else { return }
                let inverse = PrimeField.inverse(row[column])
                row = row.map { $0 * inverse % PrimeField.prime }
                // Keep the basis reduced: take the new row out of the others.
                basis = basis.map { entry in
                    guard entry.row[column] != 0 else { return entry }
                    let factor = entry.row[column]
                    return (entry.column, entry.row.indices.map { PrimeField.residue(entry.row[$0] - factor * row[$0]) })
                }
                basis.append((column, row))
            }

            /// Whether `row` is a combination of the rows learned.
            func determines(_ row: [Int]) -> Bool { reduced(row).allSatisfy { $0 == 0 } }
        }

        /// The attacker finds what it should: the quarter between two shown runs.
        @Test func theAttackerSubtractsOverlappingRuns() {
            var attacker = Attacker(authorities: 1)
            attacker.learn(attacker.row(view: 0, first: 0, last: 3))
            attacker.learn(attacker.row(view: 0, first: 1, last: 3))
            #expect(attacker.determines(attacker.row(view: 0, first: 0, last: 0)))
            #expect(!attacker.determines(attacker.row(view: 0, first: 1, last: 1)))
        }

        /// Over random cohorts of two authorities, every run of 2024 and 2025, for the sum and each
        /// authority: no count any view withholds follows from the counts the views show.
        @Test func noRunsWithheldCountComesOutOfOtherRuns() {
            let policy = Policies.england
            let asOf = CalendarDate.day("2025-12-31")
            var attempted = 0
            var leaks: [String] = []
            for seed in UInt64(1)...12 {
                var rng = SeededGenerator(seed: seed &* 104_729)
                let cohorts = [Int.random(in: 20...70, using: &rng), Int.random(in: 1...15, using: &rng)].map { size in
                    SuppressionPropertyTests.cases(size, using: &rng)
                }
                let request = DashboardRequest(from: .day("2024-01-01"), to: .day("2025-12-31"), asOf: asOf, suppressSmallNumbers: true)
                let parts = cohorts.map { DashboardTally($0, policy: policy, request: request) }
                let controlled = ControlledViews(parts: parts)
                // Every count of every view, by what it counts: the view, the run, the value (nil when
                // withheld; a withheld count is never 0).
                var counts: [String: [(view: Int, first: Int, last: Int, shown: Int?)]] = [:]
                for view in 0...2 {
                    for (first, last) in Self.runs {
                        let from = CalendarDate.quarterStart(first), to = CalendarDate.quarterStart(last + 1).adding(days: -1)
                        let shown = controlled.dashboard(from: from, to: to, showing: view == 0 ? nil : view - 1)
                        for (key, value) in AcrossAuthoritiesTests.counts(shown) {
                            // A quarter's row is that quarter's count of the figure.
                            let parts = key.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
                            guard !parts[2].isEmpty else {
                                counts[key, default: []].append((view, first, last, value))
                                continue
                            }
                            let offset = (Int(parts[2].prefix(4))! - 2024) * 4 + Int(parts[2].suffix(1))! - 1
                            counts["\(parts[0])|\(parts[1])||\(parts[3])", default: []].append((view, offset, offset, value))
                        }
                    }
                }
                for (key, cells) in counts {
                    var attacker = Attacker(authorities: 2)
                    for cell in cells where cell.shown != nil { attacker.learn(attacker.row(view: cell.view, first: cell.first, last: cell.last)) }
                    for cell in cells where cell.shown == nil {
                        attempted += 1
                        if attacker.determines(attacker.row(view: cell.view, first: cell.first, last: cell.last)) {
                            leaks.append("seed \(seed): \(key) view \(cell.view) quarters \(cell.first)…\(cell.last)")
                        }
                    }
                }
            }
            let found = leaks.count
            #expect(found == 0, "\(leaks.prefix(12).joined(separator: "\n"))")
            #expect(attempted > 5_000, "withheld counts attacked: \(attempted)")
        }

        /// A run across a year's end works its averages and percentiles out from its own lengths,
        /// which no grid cell holds: subtracting two nested runs' averages would estimate the
        /// average of the few children between them. They are shown only where each part's n is
        /// shown and at least twice the threshold (or 0).
        @Test func aRunAcrossAYearsEndShowsAveragesOnlyWhereEveryPartWould() {
            let policy = Policies.england
            var shownAcross = 0
            for seed in UInt64(1)...6 {
                var rng = SeededGenerator(seed: seed &* 7_877)
                let cases = SuppressionPropertyTests.cases(Int.random(in: 20...90, using: &rng), using: &rng)
                let request = DashboardRequest(from: .day("2024-01-01"), to: .day("2025-12-31"), asOf: .day("2025-12-31"), suppressSmallNumbers: true)
                let controlled = ControlledViews(parts: [DashboardTally(cases, policy: policy, request: request)])
                func view(_ first: Int, _ last: Int) -> Dashboard {
                    controlled.dashboard(from: CalendarDate.quarterStart(first), to: CalendarDate.quarterStart(last + 1).adding(days: -1), showing: nil)
                }
                for (first, last) in Self.runs where first < 4 && last >= 4 {
                    let parts = [view(first, 3), view(4, last)]
                    for figure in view(first, last).figures where ["median", "p90", "mean"].contains(figure.statistic) && !figure.suppressed {
                        shownAcross += 1
                        for part in parts {
                            let n = part.figures.first { $0.name == figure.name && $0.breakdown == figure.breakdown && $0.statistic == "n" }
                            let fine = n?.value == 0 || (n?.suppressed == false && (n?.value ?? 0) >= 10)
                            #expect(fine, "seed \(seed) \(first)…\(last) \(figure.breakdown) \(figure.statistic): a part's n \(String(describing: n?.value))")
                        }
                    }
                }
            }
            #expect(shownAcross > 20, "averages and percentiles shown across a year's end: \(shownAcross)")
        }
    }
}
