import EPDomain
import Testing

extension DisclosureProperties {
    /// Over many generated datasets: no withheld count can be recovered from its group's published
    /// total minus the shown parts, no shown count is small, shown figures are exact and zero is
    /// never withheld.
    @Suite struct SuppressionPropertyTests {
        static let pool = RandomJourneys.pool(count: 400, seed: 20_250_101)

        /// One cell of a figure row: a count row's value, or a rate row's numerator or denominator.
        struct Cell {
            let label: String
            let exact: Int
            let shown: Int?
        }

        /// A published total and the cells that add up to it, found from the row labels alone.
        struct Group {
            let label: String
            let total: Cell
            let parts: [Cell]
        }

        /// A controlled view's period: a run of `length` whole quarters starting `first` quarters
        /// after 2024-Q1, counted as of its last day or up to two quarters later.
        static func wholeQuarters(first: ClosedRange<Int>, length: ClosedRange<Int>, using rng: inout SeededGenerator) -> (CalendarDate, CalendarDate, CalendarDate) {
            let start = Int.random(in: first, using: &rng)
            let end = start + Int.random(in: length, using: &rng)
            return (.quarterStart(start), .quarterStart(end).adding(days: -1), .quarterStart(end + Int.random(in: 0...2, using: &rng)).adding(days: -1))
        }

        static func key(_ figure: Figure) -> String { "\(figure.name)|\(figure.breakdown)|\(figure.period)|\(figure.statistic)" }

        /// The groups the published figures form, derived here from what each figure means (not from
        /// the builder's own bookkeeping).
        static func groups(exact: Dashboard, shown: Dashboard) -> [Group] {
            var shownRows: [String: Figure] = [:]
            for figure in shown.figures { shownRows[key(figure)] = figure }
            func count(_ figure: Figure) -> Cell {
                Cell(label: key(figure), exact: Int(figure.value!), shown: shownRows[key(figure)]!.value.map { Int($0) })
            }
            func numerator(_ figure: Figure) -> Cell {
                Cell(label: key(figure) + " numerator", exact: figure.numerator!, shown: shownRows[key(figure)]!.numerator)
            }
            func denominator(_ figure: Figure) -> Cell {
                Cell(label: key(figure) + " denominator", exact: figure.denominator!, shown: shownRows[key(figure)]!.denominator)
            }
            let rows = exact.figures
            var groups: [Group] = []
            for name in ["cases_by_state", "ep_placement_outcomes", "family_time"] {
                let family = rows.filter { $0.name == name }
                let total = family.first { $0.breakdown.isEmpty }!
                groups.append(Group(label: name, total: count(total), parts: family.filter { !$0.breakdown.isEmpty }.map(count)))
            }
            let placements = rows.filter { $0.name == "ep_placements" }
            groups.append(Group(
                label: "ep_placements", total: count(placements.first { $0.period.isEmpty }!),
                parts: placements.filter { !$0.period.isEmpty }.map(count)
            ))
            for name in ["ep_conversion", "ep_share", "ep_considered"] {
                let family = rows.filter { $0.name == name && $0.statistic == "rate" }
                let whole = family.first { $0.breakdown.isEmpty && $0.period.isEmpty }!
                let pending = rows.filter { $0.name == name && $0.statistic == "pending" }
                let wholePending = pending.first { $0.breakdown.isEmpty && $0.period.isEmpty }
                var partitions: [(String, [Figure], [Figure])] = [
                    ("quarters", family.filter { $0.breakdown.isEmpty && !$0.period.isEmpty }, pending.filter { $0.breakdown.isEmpty && !$0.period.isEmpty }),
                ]
                for dimension in ["ethnicity_group", "age_band", "sibling_group", "disability"] {
                    partitions.append((dimension, family.filter { $0.breakdown.hasPrefix(dimension + "=") }, pending.filter { $0.breakdown.hasPrefix(dimension + "=") }))
                }
                for (label, parts, pendingParts) in partitions {
                    groups.append(Group(label: "\(name) \(label) numerators", total: numerator(whole), parts: parts.map(numerator)))
                    groups.append(Group(label: "\(name) \(label) denominators", total: denominator(whole), parts: parts.map(denominator)))
                    if let wholePending {
                        groups.append(Group(label: "\(name) \(label) pending", total: count(wholePending), parts: pendingParts.map(count)))
                    }
                }
            }
            let rules = rows.filter { $0.name == "rule_compliance" }
            for rate in rules where rate.statistic == "rate" {
                let parts = rules.filter { $0.breakdown == rate.breakdown && ["met", "late", "overdue"].contains($0.statistic) }
                groups.append(Group(label: rate.breakdown, total: denominator(rate), parts: parts.map(count)))
            }
            return groups
        }

        struct Tally {
            var datasets = 0
            var primary = 0
            var secondary = 0
            var groupsWithTwoOrMoreHidden = 0
        }

        @Test func noWithheldCountCanBeRecoveredAndNoShownCountIsSmall() throws {
            let policy = Policies.england
            var tally = Tally()
            for seed in UInt64(1)...80 {
                var rng = SeededGenerator(seed: seed)
                let size = Int.random(in: 1...160, using: &rng)
                let cases = Self.cases(size, using: &rng)
                let (from, to, asOf) = Self.wholeQuarters(first: 0...7, length: 1...8, using: &rng)
                let threshold = [5, 5, 5, 3, 1, 10].randomElement(using: &rng)!
                let exact = DashboardBuilder.build(cases: cases, policy: policy, request: DashboardRequest(from: from, to: to, asOf: asOf, suppressSmallNumbers: false, threshold: threshold))
                let shown = DashboardBuilder.build(cases: cases, policy: policy, request: DashboardRequest(from: from, to: to, asOf: asOf, suppressSmallNumbers: true, threshold: threshold))
                check(exact: exact, shown: shown, threshold: threshold, seed: seed, &tally)
            }
            // The datasets exercised what they are meant to (else the checks above prove nothing).
            #expect(tally.datasets == 80)
            #expect(tally.primary > 2_000, "primary suppressions seen: \(tally.primary)")
            #expect(tally.secondary > 200, "secondary suppressions seen: \(tally.secondary)")
            #expect(tally.groupsWithTwoOrMoreHidden > 1_000)
        }

        func check(exact: Dashboard, shown: Dashboard, threshold: Int, seed: UInt64, _ tally: inout Tally) {
            tally.datasets += 1
            let small = 1...max(1, threshold)
            #expect(exact.figures.allSatisfy { !$0.suppressed }, "seed \(seed): an exact view withholds nothing")
            #expect(exact.figures.map(Self.key) == shown.figures.map(Self.key), "seed \(seed): same rows")
            guard exact.figures.count == shown.figures.count else { return }

            for (truth, row) in zip(exact.figures, shown.figures) {
                let label = "seed \(seed) \(Self.key(row))"
                // Whatever is shown is the exact figure; withholding never alters a number.
                if let value = row.value { #expect(value == truth.value, "\(label) value") }
                if let numerator = row.numerator { #expect(numerator == truth.numerator, "\(label) numerator") }
                if let denominator = row.denominator { #expect(denominator == truth.denominator, "\(label) denominator") }
                switch row.statistic {
                case "rate":
                    // Shown parts are never small; zero is never withheld; a rate needs both parts.
                    for (part, exactPart) in [(row.numerator, truth.numerator!), (row.denominator, truth.denominator!)] {
                        if let part { #expect(!small.contains(part), "\(label): shown \(part)") }
                        if exactPart == 0 { #expect(part == 0, "\(label): zero withheld") }
                    }
                    #expect(row.suppressed == (row.numerator == nil || row.denominator == nil), "\(label) flag")
                    if row.suppressed { #expect(row.value == nil, "\(label): a rate over a withheld count") }
                case "median", "p90", "mean":
                    // Withheld with its n; beyond that, `DisclosureAttackTests` checks which are shown.
                    let n = shown.figures.first { $0.name == row.name && $0.breakdown == row.breakdown && $0.statistic == "n" }!
                    if n.suppressed { #expect(row.suppressed, "\(label): follows its n") }
                default:
                    if let value = row.value { #expect(!small.contains(Int(value)), "\(label): shown \(value)") }
                    if truth.value == 0 { #expect(row.value == 0, "\(label): zero withheld") }
                    #expect(row.suppressed == (row.value == nil), "\(label) flag")
                }
            }

            for group in Self.groups(exact: exact, shown: shown) {
                let label = "seed \(seed) \(group.label)"
                #expect(group.parts.map(\.exact).reduce(0, +) == group.total.exact, "\(label): the parts add up to the total")
                let hidden = group.parts.filter { $0.shown == nil }
                if group.total.shown != nil {
                    // total − shown parts = the sum of the hidden ones: one hidden part would be exposed.
                    #expect(hidden.count != 1, "\(label): \(hidden.first?.label ?? "") = total − the rest")
                }
                // Secondary suppression also protects complements and sums across tables (issue 17),
                // so it is not limited to one cell per group; `DisclosureAttackTests` checks that
                // nothing withheld or small can be worked out from what is shown.
                let primary = hidden.filter { small.contains($0.exact) }
                let secondary = hidden.filter { !small.contains($0.exact) }
                tally.primary += primary.count
                tally.secondary += secondary.count
                if hidden.count >= 2 { tally.groupsWithTwoOrMoreHidden += 1 }
            }

            // The same count published twice is withheld in both places or neither.
            #expect(exact.count("ep_placements") == exact.count("ep_placement_outcomes"), "seed \(seed)")
            #expect(shown.figure("ep_placements", "", "count")?.suppressed == shown.figure("ep_placement_outcomes", "", "count")?.suppressed, "seed \(seed)")
            for met in shown.figures where met.name == "rule_compliance" && met.statistic == "met" {
                let rate = shown.figure("rule_compliance", met.breakdown, "rate")
                #expect(rate?.numerator.map(Double.init) == met.value, "seed \(seed) \(met.breakdown): met and the rate's numerator agree")
            }
        }
    }
}
