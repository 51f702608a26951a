import EPDomain
import Testing

/// The figures for the 35 journeys of `HandWorkedSet`, each worked out by hand from the notes
/// under each journey (never by calling the dashboard code).
@Suite struct HandWorkedFigureTests {
    static let rules: Set = ["S2-26-weeks", "S4-formal-match-timely", "S4-entry-to-family"]

    static func request(suppress: Bool = false, threshold: Int = 5) -> DashboardRequest {
        DashboardRequest(
            from: .day(HandWorkedSet.from), to: .day(HandWorkedSet.to), asOf: .day(HandWorkedSet.asOf),
            suppressSmallNumbers: suppress, threshold: threshold
        )
    }

    static func build(_ cases: [Case] = HandWorkedSet.cases, suppress: Bool = false, threshold: Int = 5) throws -> Dashboard {
        DashboardBuilder.build(cases: cases, policy: try Policies.englandWithOnly(rules), request: request(suppress: suppress, threshold: threshold))
    }

    /// The same journeys with another period or as-of date (nothing suppressed).
    static func build(_ cases: [Case], from: String, to: String, asOf: String, rules: Set<String> = rules) throws -> Dashboard {
        let request = DashboardRequest(from: .day(from), to: .day(to), asOf: .day(asOf), suppressSmallNumbers: false)
        return DashboardBuilder.build(cases: cases, policy: try Policies.englandWithOnly(rules), request: request)
    }

    /// Checks a rate figure's numerator, denominator and value (numerator / denominator) and,
    /// when given, the pending count published beside it.
    func expectRate(
        _ dashboard: Dashboard, _ name: String, _ breakdown: String, period: String = "", _ numerator: Int, _ denominator: Int,
        pending: Int? = nil, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let figure = dashboard.figure(name, breakdown, period: period, "rate", sourceLocation: sourceLocation)
        #expect(figure?.numerator == numerator, "\(name) [\(breakdown)] [\(period)] numerator", sourceLocation: sourceLocation)
        #expect(figure?.denominator == denominator, "\(name) [\(breakdown)] [\(period)] denominator", sourceLocation: sourceLocation)
        let expected: Double? = denominator == 0 ? nil : Double(numerator) / Double(denominator)
        #expect(figure?.value == expected, "\(name) [\(breakdown)] [\(period)] value", sourceLocation: sourceLocation)
        #expect(figure?.suppressed == false, sourceLocation: sourceLocation)
        if let pending {
            #expect(dashboard.count(name, breakdown, period: period, "pending", sourceLocation: sourceLocation) == pending,
                    "\(name) [\(breakdown)] [\(period)] pending", sourceLocation: sourceLocation)
        }
    }

    func expectDuration(
        _ dashboard: Dashboard, _ measure: String, median: Int?, p90: Int?, mean: Int? = nil, n: Int, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let breakdown = "measure=\(measure)"
        if let mean {
            #expect(dashboard.figure("duration_days", breakdown, "mean", sourceLocation: sourceLocation)?.value == Double(mean), "\(measure) mean", sourceLocation: sourceLocation)
        }
        #expect(dashboard.figure("duration_days", breakdown, "median", sourceLocation: sourceLocation)?.value == median.map(Double.init), "\(measure) median", sourceLocation: sourceLocation)
        #expect(dashboard.figure("duration_days", breakdown, "p90", sourceLocation: sourceLocation)?.value == p90.map(Double.init), "\(measure) p90", sourceLocation: sourceLocation)
        #expect(dashboard.count("duration_days", breakdown, "n", sourceLocation: sourceLocation) == n, "\(measure) n", sourceLocation: sourceLocation)
    }

    @Test func casesByState() throws {
        let dashboard = try Self.build()
        // In period: every journey but J09, J23, J28, J33, J35 (planning began in 2024), J30
        // (nothing by the as-of date) and J31 (nothing recorded): 35 − 7 = 28.
        #expect(dashboard.count("cases_by_state") == 28)
        let expected: [String: Int] = [
            "pre_birth": 1,          // J08
            "pre_proceedings": 2,    // J11, J16
            "in_proceedings": 2,     // J06, J20
            "ep_placed": 4,          // J10, J17, J22 (return home decided, not yet home), J24
            "placement_order": 4,    // J12, J15, J18, J25
            "formally_matched": 5,   // J02 (adoption order after the as-of date), J04, J05, J14, J21
            "adopted": 3,            // J01, J29, J34
            "reunified": 3,          // J03, J19, J27
            "other_permanence": 2,   // J07, J32
            "closed": 2,             // J13, J26
        ]   // 1 + 2 + 2 + 4 + 4 + 5 + 3 + 3 + 2 + 2 = 28
        for state in JourneyState.allCases {
            #expect(dashboard.count("cases_by_state", "state=\(state.rawValue)") == expected[state.rawValue], "\(state)")
        }
    }

    @Test func epPlacementsByQuarterAndOutcomes() throws {
        let dashboard = try Self.build()
        // First EP placements. Q1: J01, J03, J05, J09, J10, J12, J14, J28, J33 = 9. Q2: J02, J15,
        // J27, J34 = 4. Q3: J21, J22, J29 = 3. Q4: J17, J24 = 2. (J18's placement is after the
        // as-of date; J35's was in 2024.)
        #expect(dashboard.count("ep_placements") == 18)
        #expect(dashboard.count("ep_placements", period: "2025-Q1") == 9)
        #expect(dashboard.count("ep_placements", period: "2025-Q2") == 4)
        #expect(dashboard.count("ep_placements", period: "2025-Q3") == 3)
        #expect(dashboard.count("ep_placements", period: "2025-Q4") == 2)

        #expect(dashboard.count("ep_placement_outcomes") == 18)
        // Adoption orders while with the EP carers: J01, J09, J29 (2026-01-12), J34. J02's order
        // is after the as-of date: with J05 and J21, matched with the EP carers, no order yet.
        #expect(dashboard.count("ep_placement_outcomes", "outcome=adopted_by_ep_carers") == 4)
        #expect(dashboard.count("ep_placement_outcomes", "outcome=matched_with_ep_carers") == 3)
        #expect(dashboard.count("ep_placement_outcomes", "outcome=reunified") == 2)      // J03, J27
        #expect(dashboard.count("ep_placement_outcomes", "outcome=ended_early") == 1)    // J33 (the carers withdrew)
        #expect(dashboard.count("ep_placement_outcomes", "outcome=other") == 2)          // J14 other adopters, J28 SGO
        #expect(dashboard.count("ep_placement_outcomes", "outcome=still_open") == 6)     // J10, J12, J15, J17, J22, J24
        // 4 + 3 + 2 + 1 + 2 + 6 = 18.
    }

    @Test func epConversionByQuarterAndBreakdowns() throws {
        let d = try Self.build()
        // Children first recommended in 2025 whose recommendation stands (J32's was withdrawn;
        // J09, J28, J33, J35 were recommended in 2024), by the quarter of the recommendation.
        // Q1: J01, J02, J03, J05, J10, J12, J14, J27 placed → 8/8.
        // Q2: J15, J34 placed, J25 not (due 06-02); J11 pending (not looked after) → 2/3, 1 pending.
        // Q3: J21, J22, J29 placed, J18 not (due 08-18) → 3/4.
        // Q4: J17, J24 placed; J08 pending (unborn) → 2/2, 1 pending.
        expectRate(d, "ep_conversion", "", 15, 17, pending: 2)   // 8 + 2 + 3 + 2 over 8 + 3 + 4 + 2
        expectRate(d, "ep_conversion", "", period: "2025-Q1", 8, 8, pending: 0)
        expectRate(d, "ep_conversion", "", period: "2025-Q2", 2, 3, pending: 1)
        expectRate(d, "ep_conversion", "", period: "2025-Q3", 3, 4, pending: 0)
        expectRate(d, "ep_conversion", "", period: "2025-Q4", 2, 2, pending: 1)
        // Ethnicity: white J01 J15 J17 J21 placed, J25 not → 4/5; mixed J02 J10 J22 J29 placed,
        // J18 not, J11 pending → 4/5 + 1; asian J05 J12 J24 → 3/3; black J03 J14 J27 → 3/3; other
        // J34 → 1/1; not known J08 pending → 0/0 + 1. (4+4+3+3+1 = 15; 5+5+3+3+1 = 17; 1+1 = 2.)
        expectRate(d, "ep_conversion", "ethnicity_group=white", 4, 5, pending: 0)
        expectRate(d, "ep_conversion", "ethnicity_group=mixed", 4, 5, pending: 1)
        expectRate(d, "ep_conversion", "ethnicity_group=asian", 3, 3, pending: 0)
        expectRate(d, "ep_conversion", "ethnicity_group=black", 3, 3, pending: 0)
        expectRate(d, "ep_conversion", "ethnicity_group=other", 1, 1, pending: 0)
        expectRate(d, "ep_conversion", "ethnicity_group=not_known", 0, 0, pending: 1)
        // Age band: unborn J02 J15 J22 placed, J08 pending → 3/3 + 1; under 1 month J01 J03 J05
        // J10 J14 J24 J29 J34 → 8/8; 1–6 months J12 J17 J21 J27 placed, J25 not, J11 pending →
        // 4/5 + 1; 6–12 months J18 not → 0/1. (3+8+4 = 15; 3+8+5+1 = 17.)
        expectRate(d, "ep_conversion", "age_band=unborn", 3, 3, pending: 1)
        expectRate(d, "ep_conversion", "age_band=under_1_month", 8, 8, pending: 0)
        expectRate(d, "ep_conversion", "age_band=1_to_6_months", 4, 5, pending: 1)
        expectRate(d, "ep_conversion", "age_band=6_to_12_months", 0, 1, pending: 0)
        expectRate(d, "ep_conversion", "age_band=1_to_2_years", 0, 0, pending: 0)
        expectRate(d, "ep_conversion", "age_band=2_years_and_over", 0, 0, pending: 0)
        expectRate(d, "ep_conversion", "age_band=not_known", 0, 0, pending: 0)
        // Sibling groups of 2+: J03 J14 J22 J24 J29 placed, J18 not → 5/6; single 10/11, J08 and
        // J11 pending.
        expectRate(d, "ep_conversion", "sibling_group=1", 10, 11, pending: 2)
        expectRate(d, "ep_conversion", "sibling_group=2_plus", 5, 6, pending: 0)
        // Disability: J14 J24 → 2/2; no disability 13/15, 2 pending.
        expectRate(d, "ep_conversion", "disability=yes", 2, 2, pending: 0)
        expectRate(d, "ep_conversion", "disability=no", 13, 15, pending: 2)
    }

    @Test func epShareByQuarterAndBreakdowns() throws {
        let d = try Self.build()
        // Children whose authority to place first came in 2025, and whether they lived with EP
        // carers that day. Q1: J09 (PO 02-24) yes; J05 (consent 03-03, a week before her EP
        // placement) no → 1/2. Q2: J34 (consent 06-30) yes; J21 (PO 06-23, placed with EP carers
        // only after) and J33 (PO 06-16, EP placement ended in March) no → 1/3. Q3: J01, J02, J12,
        // J14 yes; J04 no → 4/5. Q4: J29 yes; J18, J25 no → 1/3. (J15's order is in 2026; J35's
        // in 2024.) Nothing is pending.
        expectRate(d, "ep_share", "", 7, 13)
        expectRate(d, "ep_share", "", period: "2025-Q1", 1, 2)
        expectRate(d, "ep_share", "", period: "2025-Q2", 1, 3)
        expectRate(d, "ep_share", "", period: "2025-Q3", 4, 5)
        expectRate(d, "ep_share", "", period: "2025-Q4", 1, 3)
        #expect(!d.figures.contains { $0.name == "ep_share" && $0.statistic == "pending" })
        // Ethnicity: white J01 J09 yes, J21 J25 no → 2/4; mixed J02 J29 yes, J18 no → 2/3; asian
        // J12 yes, J05 J33 no → 1/3; black J14 yes, J04 no → 1/2; other J34 → 1/1. (7; 13.)
        expectRate(d, "ep_share", "ethnicity_group=white", 2, 4)
        expectRate(d, "ep_share", "ethnicity_group=mixed", 2, 3)
        expectRate(d, "ep_share", "ethnicity_group=asian", 1, 3)
        expectRate(d, "ep_share", "ethnicity_group=black", 1, 2)
        expectRate(d, "ep_share", "ethnicity_group=other", 1, 1)
        expectRate(d, "ep_share", "ethnicity_group=not_known", 0, 0)
        // Age band: unborn J02 → 1/1; under 1 month J01 J14 J29 J34 yes, J05 J33 no → 4/6; 1–6
        // months J09 J12 yes, J21 J25 no → 2/4; 6–12 months J04 J18 no → 0/2. (1+4+2 = 7; 13.)
        expectRate(d, "ep_share", "age_band=unborn", 1, 1)
        expectRate(d, "ep_share", "age_band=under_1_month", 4, 6)
        expectRate(d, "ep_share", "age_band=1_to_6_months", 2, 4)
        expectRate(d, "ep_share", "age_band=6_to_12_months", 0, 2)
        expectRate(d, "ep_share", "age_band=1_to_2_years", 0, 0)
        // Sibling groups of 2+: J14 J29 yes, J18 no → 2/3; single 5/10.
        expectRate(d, "ep_share", "sibling_group=1", 5, 10)
        expectRate(d, "ep_share", "sibling_group=2_plus", 2, 3)
        // Disability: J14 yes, J04 no → 1/2; no disability 6/11.
        expectRate(d, "ep_share", "disability=yes", 1, 2)
        expectRate(d, "ep_share", "disability=no", 6, 11)
    }

    @Test func epConsideredByQuarterAndBreakdowns() throws {
        let d = try Self.build()
        // Children whose adoption plan came into view in 2025 (the first of proceedings issued, an
        // adoption request and authority to place), and whether EP was decided by the as-of date.
        // Q1: J01 J03 J04 J05 (consent) J10 J12 J14 J21 J26 J33 decided; J07 (deferred only) and
        // J23 not → 10/12. Q2: J02 J13 J15 J25 J27 J32 J34 (adoption request) decided, J06 not →
        // 7/8. Q3: J18 J19 J22 J29 decided, J20 not → 4/5. Q4: J17 J24 → 2/2. Every decision not
        // made was due long before the as-of date: nothing pending.
        expectRate(d, "ep_considered", "", 23, 27, pending: 0)
        expectRate(d, "ep_considered", "", period: "2025-Q1", 10, 12, pending: 0)
        expectRate(d, "ep_considered", "", period: "2025-Q2", 7, 8, pending: 0)
        expectRate(d, "ep_considered", "", period: "2025-Q3", 4, 5, pending: 0)
        expectRate(d, "ep_considered", "", period: "2025-Q4", 2, 2, pending: 0)
        // Ethnicity: white J01 J15 J17 J19 J21 J25 J26 J32 yes, J06 no → 8/9; mixed J02 J10 J18
        // J22 J29 → 5/5; asian J05 J12 J13 J24 J33 → 5/5; black J03 J04 J14 J27 yes, J20 no →
        // 4/5; other J34 yes, J07 no → 1/2; not known J23 no → 0/1. (8+5+5+4+1 = 23; 27.)
        expectRate(d, "ep_considered", "ethnicity_group=white", 8, 9)
        expectRate(d, "ep_considered", "ethnicity_group=mixed", 5, 5)
        expectRate(d, "ep_considered", "ethnicity_group=asian", 5, 5)
        expectRate(d, "ep_considered", "ethnicity_group=black", 4, 5)
        expectRate(d, "ep_considered", "ethnicity_group=other", 1, 2)
        expectRate(d, "ep_considered", "ethnicity_group=not_known", 0, 1)
        // Age band: unborn J02 J15 J22 → 3/3; under 1 month J01 J03 J05 J10 J14 J24 J29 J32 J33
        // J34 → 10/10; 1–6 months J12 J17 J21 J25 J27 yes, J07 J20 J23 no → 5/8; 6–12 months J04
        // J18 J26 → 3/3; 1–2 years J13 yes (12 months to the day), J06 no → 1/2; 2 years and
        // over J19 → 1/1. (3+10+5+3+1+1 = 23; 3+10+8+3+2+1 = 27.)
        expectRate(d, "ep_considered", "age_band=unborn", 3, 3)
        expectRate(d, "ep_considered", "age_band=under_1_month", 10, 10)
        expectRate(d, "ep_considered", "age_band=1_to_6_months", 5, 8)
        expectRate(d, "ep_considered", "age_band=6_to_12_months", 3, 3)
        expectRate(d, "ep_considered", "age_band=1_to_2_years", 1, 2)
        expectRate(d, "ep_considered", "age_band=2_years_and_over", 1, 1)
        // Sibling groups of 2+: J03 J14 J18 J22 J24 J29 yes, J06 J20 no → 6/8; single 17/19.
        expectRate(d, "ep_considered", "sibling_group=1", 17, 19)
        expectRate(d, "ep_considered", "sibling_group=2_plus", 6, 8)
        // Disability: J04 J14 J19 J24 → 4/4; no disability 19/23.
        expectRate(d, "ep_considered", "disability=yes", 4, 4)
        expectRate(d, "ep_considered", "disability=no", 19, 23)
    }

    @Test func durations() throws {
        let d = try Self.build()
        // Start of planning → EP decided, 23 decisions in 2025 (J05 has no start of planning; J07
        // only deferred; J09, J28, J33 decided in 2024): sorted 0 (J27), 2 (J14), 2 (J29), 2
        // (J34), 4 (J03), 7 ×3 (J12, J17, J24; ranks 6–8), 14 ×7 (J01, J10, J15, J22, J25, J26,
        // J32; ranks 9–15), 19, 19 (J02, J11), 25 (J08), 42, 42 (J13, J19; ranks 19–20), 49 (J18),
        // 84 (J04), 175 (J21: the deferral decided nothing).
        // Median rank ⌈0.5 × 23⌉ = 12 → 14; p90 rank ⌈20.7⌉ = 21 → 49.
        expectDuration(d, "start_of_planning_to_ep_decided", median: 14, p90: 49, n: 23)
        // EP recommended (or birth) → EP placement, 18 placements in 2025: sorted 2 (J02), 2
        // (J15), 2 (J22), 3 (J34), 5 (J14), 5 (J29), 7 (J03), 7 (J12), 12 (J05), 14 (J17), 14
        // (J21), 16 (J01), 16 (J24), 24 (J10), 37 (J33), 42 (J27), 67 (J09), 84 (J28).
        // Median rank 9 → 12; p90 rank ⌈16.2⌉ = 17 → 67.
        expectDuration(d, "ep_recommended_to_ep_placement", median: 12, p90: 67, n: 18)
        // Proceedings issued → court decision, 19 decisions in 2025 (J15's and J22's are in
        // 2026): sorted 70 (J13), 84 (J09), 104 (J29), 119 (J19), 133 (J21), 152 (J14), 154 (J18),
        // 154 (J33), 161 (J01), 161 (J27), 165 (J03), 166 (J02), 168 (J32), 175 (J04), 175 (J23),
        // 175 (J28), 182 (J07), 182 (J25), 205 (J12). Median rank ⌈9.5⌉ = 10 → 161; p90 rank
        // ⌈17.1⌉ = 18 → 182.
        expectDuration(d, "proceedings_issued_to_court_decision", median: 161, p90: 182, n: 19)
        // Placement order → approved match, for the 8 children matched in 2025 (J05's and J34's
        // consensual adoptions have no placement order): sorted 21 (J02), 28 (J01), 28 (J29), 70
        // (J33), 84 (J09), 91 (J21), 98 (J04), 133 (J14). Median rank 4 → 70; p90 rank ⌈7.2⌉ = 8
        // → 133. A2, the mean: 21 + 28 + 28 + 70 + 84 + 91 + 98 + 133 = 553; 553 / 8 = 69.1 → 69.
        expectDuration(d, "placement_order_to_formal_match", median: 70, p90: 133, mean: 69, n: 8)
        // Entry to care → moving in with the adoptive family, for the 8 children placed for
        // adoption in 2025: with the EP carers J01 0, J02 0, J34 0, J29 7, J05 14, J09 39, J21
        // 161 (each moved in at the EP placement); with other adopters J33 238 (placed for
        // adoption 09-08). J04 and J14 are matched with other adopters but not placed with them:
        // not counted. Median rank 4 → 7; p90 rank 8 → 238. A10, the mean: 0 + 0 + 0 + 7 + 14 +
        // 39 + 161 + 238 = 459; 459 / 8 = 57.4 → 57.
        expectDuration(d, "entry_to_care_to_moving_in", median: 7, p90: 238, mean: 57, n: 8)
        // Age at the first EP placement, 18 placements: sorted 2, 2, 2, 7 (J34), 11, 17, 18, 32,
        // 42, 47, 52, 58 (J33), 60, 73, 96, 158, 246, 315. Median rank 9 → 42; p90 rank 17 → 246.
        expectDuration(d, "age_at_ep_placement", median: 42, p90: 246, n: 18)
        // Only the two scorecard measures have a mean.
        #expect(d.figures.filter { $0.statistic == "mean" }.map(\.breakdown) == [
            "measure=placement_order_to_formal_match", "measure=entry_to_care_to_moving_in",
        ])
    }

    @Test func ruleComplianceCountsEachResultInThePeriodItIsDue() throws {
        let d = try Self.build()
        // 26 weeks, every result due in 2025 (the last day being issue + 181 days), whenever the
        // child's planning started: met J01 J02 J03 J04 J09 (due 06-01) J13 J14 J21 J23 (07-06)
        // J27 J28 (04-06) J29 J32 J33 = 14; late J07 (last day 08-17, decided 08-18), J12, J15
        // (12-29 with the extension), J25 (last day 11-16, decided 11-17) = 4; overdue J06, J10,
        // J26 = 3; pending none (every result due in 2025 is due by the as-of date). J18, J19 and
        // J22 are met but due in 2026; J17, J20, J24 due in 2026 too. Rate 14 / (14 + 4 + 3).
        #expect(d.count("rule_compliance", "rule=S2-26-weeks", "met") == 14)
        #expect(d.count("rule_compliance", "rule=S2-26-weeks", "late") == 4)
        #expect(d.count("rule_compliance", "rule=S2-26-weeks", "overdue") == 3)
        #expect(d.count("rule_compliance", "rule=S2-26-weeks", "pending") == 0)
        expectRate(d, "rule_compliance", "rule=S2-26-weeks", 14, 21)
        // Formal match within 4 months of authority to place, due in 2025: met J01 (due 11-14),
        // J05 (consent 03-03, due 07-03), J09 (06-24), J21 (10-23), J33 (10-16), J34 (consent
        // 06-30, due 10-30) = 6; late J14 = 1; overdue J12 (due 12-01) = 1. J02 and J04 (matched
        // in time) and J29 are due in 2026, and J15, J18, J25 too; J35's fell due in 2024.
        #expect(d.count("rule_compliance", "rule=S4-formal-match-timely", "met") == 6)
        #expect(d.count("rule_compliance", "rule=S4-formal-match-timely", "late") == 1)
        #expect(d.count("rule_compliance", "rule=S4-formal-match-timely", "overdue") == 1)
        #expect(d.count("rule_compliance", "rule=S4-formal-match-timely", "pending") == 0)
        expectRate(d, "rule_compliance", "rule=S4-formal-match-timely", 6, 8)
        // Entry to family within 14 months of entering care: due in 2025 only for J28 (not
        // applicable: special guardianship) and J35 (due 2025-06-15): with the EP carers since
        // 2024, not yet matched with them, so provisional: pending, not met. Rate 0 of 0.
        #expect(d.count("rule_compliance", "rule=S4-entry-to-family", "met") == 0)
        #expect(d.count("rule_compliance", "rule=S4-entry-to-family", "pending") == 1)
        expectRate(d, "rule_compliance", "rule=S4-entry-to-family", 0, 0)
        // Rules the policy switched off have no rows.
        #expect(!d.figures.contains { $0.breakdown == "rule=S2-ep-considered-early" })
    }

    /// Issue 17 item 2: grouped by their children's start of planning, results flattered a
    /// recent cohort (its quick successes are known before its failures are due). Counted in the
    /// period they are due, the results due in 2025-Q3 are the same as of 30 September and as
    /// of 31 January; as of 30 June, before they fell due, they are pending, not left out.
    @Test func resultsDueInAQuarterDoNotChangeOnceItHasEnded() throws {
        // 26 weeks due from 07-01 to 09-30 (issued 2025-01-01 to 04-02): J01 (last day 08-03,
        // decided 07-14), J03 (07-16; 06-30), J04 (09-07; 09-01), J14 (08-05; 07-07), J21 (08-10;
        // 06-23), J23 (07-06; 06-30), J33 (07-13; 06-16) met; J07 (08-17; 08-18) and J12 (07-08;
        // 08-01) late; J10 (08-31) and J26 (07-20; closed 09-01) without a decision: overdue.
        let rule: Set = ["S2-26-weeks"]
        for asOf in ["2025-09-30", "2026-01-31"] {
            let d = try Self.build(HandWorkedSet.cases, from: "2025-07-01", to: "2025-09-30", asOf: asOf, rules: rule)
            #expect(d.count("rule_compliance", "rule=S2-26-weeks", "met") == 7, "as of \(asOf)")
            #expect(d.count("rule_compliance", "rule=S2-26-weeks", "late") == 2, "as of \(asOf)")
            #expect(d.count("rule_compliance", "rule=S2-26-weeks", "overdue") == 2, "as of \(asOf)")
            #expect(d.count("rule_compliance", "rule=S2-26-weeks", "pending") == 0, "as of \(asOf)")
            expectRate(d, "rule_compliance", "rule=S2-26-weeks", 7, 11)
        }
        // As of 30 June: J03, J21, J23, J33 were decided in time; the other seven were due soon or
        // not yet due (J12's last day 07-08 and J26's 07-20 inside the 4-week warning): pending.
        let june = try Self.build(HandWorkedSet.cases, from: "2025-07-01", to: "2025-09-30", asOf: "2025-06-30", rules: rule)
        #expect(june.count("rule_compliance", "rule=S2-26-weeks", "met") == 4)
        #expect(june.count("rule_compliance", "rule=S2-26-weeks", "pending") == 7)
        expectRate(june, "rule_compliance", "rule=S2-26-weeks", 4, 4)
    }

    /// A10 met by an EP placement counts as met only once the EP carers are matched as the
    /// adopters: until then the result is pending (provisional), even past its due date.
    @Test func aProvisionalEntryToFamilyIsPendingUntilTheMatch() throws {
        let rule: Set = ["S4-entry-to-family"]
        // J35: due 2025-06-15, with the EP carers since 2024-04-17, no match: pending.
        let waiting = try Self.build([HandWorkedSet.j35.subject], from: "2025-01-01", to: "2025-12-31", asOf: "2026-01-31", rules: rule)
        #expect(waiting.count("rule_compliance", "rule=S4-entry-to-family", "pending") == 1)
        #expect(waiting.count("rule_compliance", "rule=S4-entry-to-family", "met") == 0)
        // Matched with the EP carers on 2025-07-14: he moved in with his adopters on 2024-04-17,
        // before the due date: met, still counted in 2025, the period of the due date.
        var matched = HandWorkedSet.j35
        matched.record(.adoptionPanel, "2025-07-07", .panelRecommended)
        matched.record(.admMatchDecision, "2025-07-14", .matchedWithEPCarers)
        let confirmed = try Self.build([matched.subject], from: "2025-01-01", to: "2025-12-31", asOf: "2026-01-31", rules: rule)
        #expect(confirmed.count("rule_compliance", "rule=S4-entry-to-family", "met") == 1)
        #expect(confirmed.count("rule_compliance", "rule=S4-entry-to-family", "pending") == 0)
    }

    /// A10 for a child adopted by the EP carers with no match on record counts as the rule does
    /// (moved in at the EP placement), in the period of the adoption order.
    @Test func entryToCareToMovingInCountsAnAdoptionByTheEPCarersWithoutARecordedMatch() throws {
        // J35: in care 2024-04-15, with the EP carers since 2024-04-17, placement order
        // 2024-08-26; adopted by them on 2025-03-10 with no ADM match recorded: 2 days, counted
        // in 2025 (the adoption order), not in 2024.
        var adopted = HandWorkedSet.j35
        adopted.record(.adoptionOrder, "2025-03-10")
        let in2025 = try Self.build([adopted.subject], from: "2025-01-01", to: "2025-12-31", asOf: "2026-01-31")
        expectDuration(in2025, "entry_to_care_to_moving_in", median: 2, p90: 2, mean: 2, n: 1)
        let in2024 = try Self.build([adopted.subject], from: "2024-01-01", to: "2024-12-31", asOf: "2026-01-31")
        expectDuration(in2024, "entry_to_care_to_moving_in", median: nil, p90: nil, n: 0)
        // Still living with them, not adopted and not matched: not (yet) moved in with adopters.
        let waiting = try Self.build([HandWorkedSet.j35.subject], from: "2025-01-01", to: "2025-12-31", asOf: "2026-01-31")
        expectDuration(waiting, "entry_to_care_to_moving_in", median: nil, p90: nil, n: 0)
    }

    /// EP conversion: a recommendation whose placement is not due yet is pending, not a
    /// failure; one withdrawn leaves the figure.
    @Test func epConversionWaitsForThePlacementToFallDue() throws {
        // J25: recommended 04-28, looked after 05-19, so the placement is due 06-02. As of 05-25:
        // pending; as of 2026-01-31, never placed: in the denominator only.
        let may = try Self.build([HandWorkedSet.j25.subject], from: "2025-04-01", to: "2025-06-30", asOf: "2025-05-25")
        expectRate(may, "ep_conversion", "", 0, 0, pending: 1)
        let later = try Self.build([HandWorkedSet.j25.subject], from: "2025-04-01", to: "2025-06-30", asOf: "2026-01-31")
        expectRate(later, "ep_conversion", "", 0, 1, pending: 0)
        // J24: recommended 10-27, looked after 11-10, due 11-24. As of 11-11 pending; placed 11-12.
        let november = try Self.build([HandWorkedSet.j24.subject], from: "2025-10-01", to: "2025-12-31", asOf: "2025-11-11")
        expectRate(november, "ep_conversion", "", 0, 0, pending: 1)
        let placed = try Self.build([HandWorkedSet.j24.subject], from: "2025-10-01", to: "2025-12-31", asOf: "2025-12-31")
        expectRate(placed, "ep_conversion", "", 1, 1, pending: 0)
        // J32: recommended 03-31, looked after 04-14, due 04-28. As of 04-30 not placed; on 05-19
        // EP was judged not suitable (his grandmother was assessed positively): the withdrawn
        // recommendation leaves the figure rather than counting as a failure.
        let april = try Self.build([HandWorkedSet.j32.subject], from: "2025-01-01", to: "2025-03-31", asOf: "2025-04-30")
        expectRate(april, "ep_conversion", "", 0, 1, pending: 0)
        let withdrawn = try Self.build([HandWorkedSet.j32.subject], from: "2025-01-01", to: "2025-03-31", asOf: "2025-06-30")
        expectRate(withdrawn, "ep_conversion", "", 0, 0, pending: 0)
    }

    /// EP considered: a child not yet decided whose decision is not due yet is pending.
    @Test func epConsideredWaitsForTheDecisionToFallDue() throws {
        // J20: proceedings issued 09-01 (his start of planning), no decision; it is due 20 working
        // days later, 09-29. As of 09-15 pending; as of 2026-01-31 not decided.
        let september = try Self.build([HandWorkedSet.j20.subject], from: "2025-07-01", to: "2025-09-30", asOf: "2025-09-15")
        expectRate(september, "ep_considered", "", 0, 0, pending: 1)
        let later = try Self.build([HandWorkedSet.j20.subject], from: "2025-07-01", to: "2025-09-30", asOf: "2026-01-31")
        expectRate(later, "ep_considered", "", 0, 1, pending: 0)
    }

    @Test func familyTime() throws {
        let d = try Self.build()
        // Attended: J01 2, J02 2, J03 2, J06 1, J09 1 (its 2024 session is outside), J10 1, J12 1,
        // J15 1, J17 3, J22 2, J24 1, J27 2, J29 1 = 20. Cancelled by the family: J02, J15, J24 = 3.
        // Cancelled by the agency: J06, J15 = 2. Not attended: J03, J17 = 2. All: 27.
        #expect(d.count("family_time") == 27)
        #expect(d.count("family_time", "status=attended") == 20)
        #expect(d.count("family_time", "status=cancelled_by_family") == 3)
        #expect(d.count("family_time", "status=cancelled_by_agency") == 2)
        #expect(d.count("family_time", "status=not_attended") == 2)
    }

    /// Every row is listed once, in report order; with nothing suppressed nothing says so.
    @Test func layout() throws {
        let d = try Self.build()
        // cases_by_state 1 + 10; ep_placements 1 + 4 quarters; each rate 1 + 4 quarters + (6 + 7
        // + 2 + 2) breakdowns = 22 rows, and ep_conversion and ep_considered a pending row beside
        // each: 44, 22, 44; duration_days 6 measures × 3 + 2 means = 20; rule_compliance 3 rules ×
        // 5 = 15; ep_placement_outcomes 1 + 6; family_time 1 + 4:
        // 11 + 5 + 44 + 22 + 44 + 20 + 15 + 7 + 5 = 173.
        #expect(d.figures.count == 173)
        #expect(Set(d.figures.map { [$0.name, $0.breakdown, $0.period, $0.statistic] }).count == 173)
        var names: [String] = []
        for figure in d.figures where names.last != figure.name { names.append(figure.name) }
        #expect(names == [
            "cases_by_state", "ep_placements", "ep_conversion", "ep_share", "ep_considered", "duration_days",
            "rule_compliance", "ep_placement_outcomes", "family_time",
        ])
        #expect(d.figures.allSatisfy { !$0.suppressed })
        for name in names {
            #expect(d.definitions[name]?.isEmpty == false, "definition of \(name)")
        }
        #expect(d.definitions["duration_days"]?.contains("nearest-rank") == true)
        #expect(d.definitions["period"]?.contains("2025-01-01 to 2025-12-31") == true)
        for measure in ["start_of_planning_to_ep_decided", "placement_order_to_formal_match", "entry_to_care_to_moving_in"] {
            #expect(d.definitions["duration_days measure=\(measure)"]?.isEmpty == false, "definition of \(measure)")
        }
        #expect(d.definitions["duration_days measure=placement_order_to_formal_match"]?.contains("A2") == true)
        #expect(d.definitions["duration_days measure=entry_to_care_to_moving_in"]?.contains("A10") == true)
        // The contract allows 1,000 characters a definition; none speaks of section 19 as a plan.
        for definitions in [d.definitions, try Self.build(suppress: true).definitions] {
            for (key, text) in definitions {
                #expect(text.count <= 1_000, "\(key): \(text.count) characters")
                #expect(!text.lowercased().contains("section 19"), "\(key)")
            }
        }
    }

    /// J10's EP consideration was recorded as not suitable and corrected to recommended. Before
    /// the correction she is in neither EP conversion nor the recommendation-to-placement interval.
    @Test func correctionChangesTheFigures() throws {
        let corrected = HandWorkedSet.j10.subject
        var uncorrected = corrected
        #expect(uncorrected.records.last?.correction != nil)
        uncorrected.records.removeLast()   // the history as it stood before the correction
        let others = HandWorkedSet.cases.filter { $0.reference != "HW-10" }

        let before = try Self.build(others + [uncorrected])
        let after = try Self.build(others + [corrected])
        // EP conversion Q1 without J10: 8 − 1 placed over 8 − 1; with her, 8/8 (and 15/17 overall).
        expectRate(before, "ep_conversion", "", period: "2025-Q1", 7, 7)
        expectRate(after, "ep_conversion", "", period: "2025-Q1", 8, 8)
        expectRate(before, "ep_conversion", "", 14, 16, pending: 2)
        expectRate(after, "ep_conversion", "", 15, 17, pending: 2)
        // mixed ethnicity (J10 is white and Black African): 3/4 before, 4/5 after; J11 pending.
        expectRate(before, "ep_conversion", "ethnicity_group=mixed", 3, 4, pending: 1)
        // Recommended → placement: without J10's 24 days, 17 values: 2, 2, 2, 3, 5, 5, 7, 7, 12,
        // 14, 14, 16, 16, 37, 42, 67, 84: median rank ⌈8.5⌉ = 9 → 12, p90 rank ⌈15.3⌉ = 16 → 67.
        expectDuration(before, "ep_recommended_to_ep_placement", median: 12, p90: 67, n: 17)
        expectDuration(after, "ep_recommended_to_ep_placement", median: 12, p90: 67, n: 18)
        // Not suitable is a decision too, so EP considered does not move.
        expectRate(before, "ep_considered", "", 23, 27)
        expectRate(after, "ep_considered", "", 23, 27)
    }

    /// J01 was born before her case opened. Without her birth recorded her age is not known: she
    /// leaves under_1_month for not_known, and is not counted as unborn.
    @Test func aBornChildWithoutARecordedBirthIsOfUnknownAge() throws {
        var j01 = HandWorkedSet.j01.subject
        j01.records.removeAll { $0.kind == .birth }
        let d = try Self.build(HandWorkedSet.cases.filter { $0.reference != "HW-01" } + [j01])
        expectRate(d, "ep_conversion", "age_band=not_known", 1, 1)
        expectRate(d, "ep_conversion", "age_band=under_1_month", 7, 7)
        expectRate(d, "ep_conversion", "age_band=unborn", 3, 3, pending: 1)
    }

    /// The as-of date decides what had happened: on 30 June 2025, J01 was still awaiting the
    /// placement order and J18 had not started.
    @Test func asOfLeavesLaterMilestonesOut() throws {
        let d = try Self.build([HandWorkedSet.j01.subject, HandWorkedSet.j18.subject], from: "2025-01-01", to: "2025-12-31", asOf: "2025-06-30")
        // J01 in period, ep_placed on 30 June (PO 07-14 not yet made); J18 began 06-16 (PLO): in
        // period, pre_proceedings (proceedings 07-14 not yet issued).
        #expect(d.count("cases_by_state") == 2)
        #expect(d.count("cases_by_state", "state=ep_placed") == 1)
        #expect(d.count("cases_by_state", "state=pre_proceedings") == 1)
        #expect(d.count("cases_by_state", "state=adopted") == 0)
        // J01's 26 weeks, last day 08-03, is not yet due (and outside the 4-week warning): pending,
        // so counted beside the rate but not in it.
        #expect(d.count("rule_compliance", "rule=S2-26-weeks", "pending") == 1)
        #expect(d.figure("rule_compliance", "rule=S2-26-weeks", "rate")?.denominator == 0)
        #expect(d.figure("rule_compliance", "rule=S2-26-weeks", "rate")?.value == nil)
        // The PO→match interval (August) has not happened.
        #expect(d.count("duration_days", "measure=placement_order_to_formal_match", "n") == 0)
        #expect(d.figure("duration_days", "measure=placement_order_to_formal_match", "median")?.value == nil)
        #expect(d.figure("duration_days", "measure=placement_order_to_formal_match", "mean")?.value == nil)
        #expect(d.count("ep_placement_outcomes", "outcome=still_open") == 1)
        // J18's recommendation (08-04) is after the as-of date: only J01 in EP conversion.
        expectRate(d, "ep_conversion", "", 1, 1, pending: 0)
    }
}
