import EPDomain
import Testing

extension DisclosureProperties {
    /// Issue 17 items 5, 6 and 8: nothing withheld, and no small number, can be worked out from a
    /// controlled dashboard's JSON-equivalent figures and CSV by subtraction (`DisclosureAttack`).
    @Suite struct DisclosureAttackTests {
        static func describe(_ findings: [(String, Int)]) -> String {
            findings.map { "\($0.0) = \($0.1)" }.joined(separator: "; ")
        }

        /// Item 5: a rate's complement. The hand-worked EP conversion is 15 of 17, so publishing both
        /// would give away that 17 − 15 = 2 children were not placed with EP carers.
        @Test func aRatesComplementIsNeverASmallNumber() throws {
            let d = try HandWorkedFigureTests.build(suppress: true)
            let whole = d.figure("ep_conversion", "", "rate")
            #expect(whole?.denominator == 17 && whole?.numerator == nil, "ep_conversion: 17 − 15 children not placed")
            // Every rate row, as published: its complement is 0 or above the threshold.
            for figure in d.figures where figure.statistic == "rate" {
                guard let numerator = figure.numerator, let denominator = figure.denominator else { continue }
                #expect(!(1...5).contains(denominator - numerator), "\(DisclosureAttack.key(figure)): \(denominator) − \(numerator)")
            }
            let exact = try HandWorkedFigureTests.build(suppress: false)
            let findings = try DisclosureAttack.run(exact: exact, shown: d, threshold: 5)
            #expect(findings.small.filter { $0.0.hasSuffix("#c") }.isEmpty, "\(Self.describe(findings.small))")
        }

        /// Item 6: A2 has 8 intervals in the hand-worked set, so its 90th percentile (rank ⌈7.2⌉ = 8)
        /// is the longest, 133 days: one child's own value. With n below 10 neither it, the median
        /// nor the mean (the scorecard's A2) is published in a controlled view; the single-LA view
        /// still shows them.
        @Test func aPercentileIsNeverOneChildsExtremeValue() throws {
            let d = try HandWorkedFigureTests.build(suppress: true)
            let p90 = d.figure("duration_days", "measure=placement_order_to_formal_match", "p90")
            #expect(p90?.value == nil && p90?.suppressed == true, "A2 p90 \(String(describing: p90?.value)) is the longest of 8")
            #expect(d.figure("duration_days", "measure=placement_order_to_formal_match", "median")?.suppressed == true)
            #expect(d.figure("duration_days", "measure=placement_order_to_formal_match", "mean")?.suppressed == true)
            #expect(d.count("duration_days", "measure=placement_order_to_formal_match", "n") == 8, "n stays shown")
            // n of 18 and 23: rank ⌈16.2⌉ = 17 < 18 and 21 < 23, shown.
            #expect(d.figure("duration_days", "measure=ep_recommended_to_ep_placement", "p90")?.value == 67)
            #expect(d.figure("duration_days", "measure=start_of_planning_to_ep_decided", "p90")?.value == 49)
            let exact = try HandWorkedFigureTests.build(suppress: false)
            #expect(exact.figure("duration_days", "measure=placement_order_to_formal_match", "p90")?.value == 133)
            #expect(exact.figure("duration_days", "measure=placement_order_to_formal_match", "mean")?.value == 69)
            let findings = try DisclosureAttack.run(exact: exact, shown: d, threshold: 5)
            #expect(findings.extremes.isEmpty, "\(findings.extremes)")
        }

        /// Item 8: a breakdown, its total row and the CSV share totals, and what is withheld must hold
        /// across all of them (the pending counts beside the rates among them). Before issue 17 the
        /// hand-worked set gave away, at threshold 5: the EP rate's total row (14 of 19) minus its Q1
        /// row (8 of 8) = 5 children not placed in Q2–Q4, whose rows were withheld; formal-match late
        /// + overdue = 8 − 6 = 2 over two withheld cells, so each was 1; and at threshold 1, the
        /// consideration rate's withheld denominators for `other` and `not_known` as 1 each.
        @Test func secondarySuppressionHoldsAcrossTablesSharingATotal() throws {
            for threshold in [5, 3, 1] {
                let exact = try HandWorkedFigureTests.build(suppress: false, threshold: threshold)
                let shown = try HandWorkedFigureTests.build(suppress: true, threshold: threshold)
                let findings = try DisclosureAttack.run(exact: exact, shown: shown, threshold: threshold)
                #expect(findings.withheld.isEmpty, "threshold \(threshold): \(Self.describe(findings.withheld))")
                #expect(findings.small.isEmpty, "threshold \(threshold): \(Self.describe(findings.small))")
            }
        }

        /// Over random small cohorts and requests: the attack never recovers a withheld count, never
        /// works out a small count, and finds no percentile that is one child's extreme; the same
        /// cohorts in a single-LA view stay exact.
        @Test func noRandomCohortGivesAnythingAway() throws {
            let policy = Policies.england
            var attempted = 0
            var leaks: [String] = []
            for seed in UInt64(1)...100 {
                var rng = SeededGenerator(seed: seed &* 7_919)
                let size = Int.random(in: 1...70, using: &rng)
                let cases = SuppressionPropertyTests.cases(size, using: &rng)
                let (from, to, asOf) = SuppressionPropertyTests.wholeQuarters(first: 0...7, length: 1...6, using: &rng)
                let threshold = [5, 5, 5, 3, 1].randomElement(using: &rng)!
                func request(_ suppress: Bool) -> DashboardRequest {
                    DashboardRequest(from: from, to: to, asOf: asOf, suppressSmallNumbers: suppress, threshold: threshold)
                }
                let exact = DashboardBuilder.build(cases: cases, policy: policy, request: request(false))
                let shown = DashboardBuilder.build(cases: cases, policy: policy, request: request(true))
                #expect(exact.figures.allSatisfy { !$0.suppressed }, "seed \(seed): the single-LA view is exact")
                let findings = try DisclosureAttack.run(exact: exact, shown: shown, threshold: threshold)
                attempted += findings.attempted
                leaks += findings.withheld.map { "seed \(seed) withheld \($0.0) = \($0.1)" }
                leaks += findings.small.map { "seed \(seed) small \($0.0) = \($0.1)" }
                leaks += findings.extremes.map { "seed \(seed) \($0)" }
            }
            #expect(leaks.isEmpty, "\(leaks.count) found: \(leaks.prefix(12).joined(separator: "\n"))")
            #expect(attempted > 5_000, "withheld counts attacked: \(attempted)")
        }
    }
}
