import EPDomain
import Testing

/// The figures for the 31 journeys of `HandWorkedSet`, each worked out by hand from the notes
/// under each journey (never by calling the dashboard code).
@Suite struct HandWorkedFigureTests {
    static let twoRules: Set = ["S2-26-weeks", "S4-formal-match-timely"]

    static func request(suppress: Bool = false, threshold: Int = 5) -> DashboardRequest {
        DashboardRequest(
            from: .day(HandWorkedSet.from), to: .day(HandWorkedSet.to), asOf: .day(HandWorkedSet.asOf),
            suppressSmallNumbers: suppress, threshold: threshold
        )
    }

    static func build(_ cases: [Case] = HandWorkedSet.cases, suppress: Bool = false, threshold: Int = 5) throws -> Dashboard {
        DashboardBuilder.build(cases: cases, policy: try Policies.englandWithOnly(twoRules), request: request(suppress: suppress, threshold: threshold))
    }

    /// Checks a rate figure's numerator, denominator and value (numerator / denominator).
    func expectRate(
        _ dashboard: Dashboard, _ name: String, _ breakdown: String, period: String = "", _ numerator: Int, _ denominator: Int,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let figure = dashboard.figure(name, breakdown, period: period, "rate", sourceLocation: sourceLocation)
        #expect(figure?.numerator == numerator, "\(name) [\(breakdown)] [\(period)] numerator", sourceLocation: sourceLocation)
        #expect(figure?.denominator == denominator, "\(name) [\(breakdown)] [\(period)] denominator", sourceLocation: sourceLocation)
        let expected: Double? = denominator == 0 ? nil : Double(numerator) / Double(denominator)
        #expect(figure?.value == expected, "\(name) [\(breakdown)] [\(period)] value", sourceLocation: sourceLocation)
        #expect(figure?.suppressed == false, sourceLocation: sourceLocation)
    }

    func expectDuration(
        _ dashboard: Dashboard, _ measure: String, median: Int?, p90: Int?, n: Int, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let breakdown = "measure=\(measure)"
        #expect(dashboard.figure("duration_days", breakdown, "median", sourceLocation: sourceLocation)?.value == median.map(Double.init), "\(measure) median", sourceLocation: sourceLocation)
        #expect(dashboard.figure("duration_days", breakdown, "p90", sourceLocation: sourceLocation)?.value == p90.map(Double.init), "\(measure) p90", sourceLocation: sourceLocation)
        #expect(dashboard.count("duration_days", breakdown, "n", sourceLocation: sourceLocation) == n, "\(measure) n", sourceLocation: sourceLocation)
    }

    @Test func casesByState() throws {
        let dashboard = try Self.build()
        // In period: every journey but J09, J23, J28 (planning began in 2024), J30 (nothing by the
        // as-of date) and J31 (nothing recorded): 31 − 5 = 26.
        #expect(dashboard.count("cases_by_state") == 26)
        let expected: [String: Int] = [
            "pre_birth": 1,          // J08
            "pre_proceedings": 2,    // J11, J16
            "in_proceedings": 2,     // J06, J20
            "ep_placed": 4,          // J10, J17, J22 (return home decided, not yet home), J24
            "placement_order": 4,    // J12, J15, J18, J25
            "formally_matched": 5,   // J02 (adoption order after the as-of date), J04, J05, J14, J21
            "adopted": 2,            // J01, J29
            "reunified": 3,          // J03, J19, J27
            "other_permanence": 1,   // J07
            "closed": 2,             // J13, J26
        ]   // 1 + 2 + 2 + 4 + 4 + 5 + 2 + 3 + 1 + 2 = 26
        for state in JourneyState.allCases {
            #expect(dashboard.count("cases_by_state", "state=\(state.rawValue)") == expected[state.rawValue], "\(state)")
        }
    }

    @Test func epPlacementsByQuarterAndOutcomes() throws {
        let dashboard = try Self.build()
        // Q1: J01, J03, J05, J09, J10, J12, J14, J28 = 8. Q2: J02, J15, J27 = 3.
        // Q3: J21, J22, J29 = 3. Q4: J17, J24 = 2. (J18's placement is after the as-of date.)
        #expect(dashboard.count("ep_placements") == 16)
        #expect(dashboard.count("ep_placements", period: "2025-Q1") == 8)
        #expect(dashboard.count("ep_placements", period: "2025-Q2") == 3)
        #expect(dashboard.count("ep_placements", period: "2025-Q3") == 3)
        #expect(dashboard.count("ep_placements", period: "2025-Q4") == 2)

        #expect(dashboard.count("ep_placement_outcomes") == 16)
        // J01, J09, J29 adoption orders; J02, J05, J21 approved matches with the EP carers.
        #expect(dashboard.count("ep_placement_outcomes", "outcome=adopted_by_ep_carers") == 6)
        #expect(dashboard.count("ep_placement_outcomes", "outcome=reunified") == 2)      // J03, J27
        #expect(dashboard.count("ep_placement_outcomes", "outcome=other") == 2)          // J14 other adopters, J28 SGO
        #expect(dashboard.count("ep_placement_outcomes", "outcome=still_open") == 6)     // J10, J12, J15, J17, J22, J24
    }

    @Test func epRateByQuarterAndBreakdowns() throws {
        let d = try Self.build()
        // Denominator: the quarter of the first placement order or recommendation in 2025.
        // Q1: J01, J02, J03, J05, J10, J12, J14, J27 = 8, all placed.
        // Q2: J11, J15, J21 (PO before rec), J25 = 4; placed J15, J21 = 2.
        // Q3: J04 (PO only), J18, J22, J29 = 4; placed J22, J29 = 2.
        // Q4: J08, J17, J24 = 3; placed J17, J24 = 2.
        expectRate(d, "ep_rate", "", 14, 19)   // 8 + 2 + 2 + 2 over 8 + 4 + 4 + 3
        expectRate(d, "ep_rate", "", period: "2025-Q1", 8, 8)
        expectRate(d, "ep_rate", "", period: "2025-Q2", 2, 4)
        expectRate(d, "ep_rate", "", period: "2025-Q3", 2, 4)
        expectRate(d, "ep_rate", "", period: "2025-Q4", 2, 3)
        // Ethnicity: white J01 J15 J17 J21 placed, J25 not → 4/5; mixed J02 J10 J22 J29 placed,
        // J11 J18 not → 4/6; asian J05 J12 J24 → 3/3; black J03 J14 J27 placed, J04 not → 3/4;
        // other none; not known J08 not placed → 0/1. (4+4+3+3 = 14; 5+6+3+4+1 = 19.)
        expectRate(d, "ep_rate", "ethnicity_group=white", 4, 5)
        expectRate(d, "ep_rate", "ethnicity_group=mixed", 4, 6)
        expectRate(d, "ep_rate", "ethnicity_group=asian", 3, 3)
        expectRate(d, "ep_rate", "ethnicity_group=black", 3, 4)
        expectRate(d, "ep_rate", "ethnicity_group=other", 0, 0)
        expectRate(d, "ep_rate", "ethnicity_group=not_known", 0, 1)
        // Age band: unborn J02 J15 J22 placed, J08 not → 3/4; under 1 month J01 J03 J05 J10 J14
        // J24 J29 → 7/7; 1–6 months J12 J17 J21 J27 placed, J11 J25 not → 4/6; 6–12 months J04
        // J18 → 0/2; 1 year and over none. (3+7+4 = 14; 4+7+6+2 = 19.)
        expectRate(d, "ep_rate", "age_band=unborn", 3, 4)
        expectRate(d, "ep_rate", "age_band=under_1_month", 7, 7)
        expectRate(d, "ep_rate", "age_band=1_to_6_months", 4, 6)
        expectRate(d, "ep_rate", "age_band=6_to_12_months", 0, 2)
        expectRate(d, "ep_rate", "age_band=1_to_2_years", 0, 0)
        expectRate(d, "ep_rate", "age_band=2_years_and_over", 0, 0)
        expectRate(d, "ep_rate", "age_band=not_known", 0, 0)
        // Sibling groups of 2+: J03 J14 J22 J24 J29 placed, J18 not → 5/6; single: 14 − 5 over 19 − 6.
        expectRate(d, "ep_rate", "sibling_group=1", 9, 13)
        expectRate(d, "ep_rate", "sibling_group=2_plus", 5, 6)
        // Disability: J14 J24 placed, J04 not → 2/3; no disability 12/16.
        expectRate(d, "ep_rate", "disability=yes", 2, 3)
        expectRate(d, "ep_rate", "disability=no", 12, 16)
    }

    @Test func epConsiderationRateByQuarterAndBreakdowns() throws {
        let d = try Self.build()
        // Denominator: the quarter of the first of proceedings issued, section 19 or PO in 2025.
        // Q1: J01 J03 J04 J05 (s19) J07 J10 J12 J14 J21 J26 considered, J23 not → 10/11.
        // Q2: J02 J13 J15 J25 J27 considered, J06 not → 5/6.
        // Q3: J18 J19 J22 J29 considered, J20 not → 4/5.  Q4: J17 J24 → 2/2.
        expectRate(d, "ep_consideration_rate", "", 21, 24)
        expectRate(d, "ep_consideration_rate", "", period: "2025-Q1", 10, 11)
        expectRate(d, "ep_consideration_rate", "", period: "2025-Q2", 5, 6)
        expectRate(d, "ep_consideration_rate", "", period: "2025-Q3", 4, 5)
        expectRate(d, "ep_consideration_rate", "", period: "2025-Q4", 2, 2)
        // Ethnicity: white J01 J15 J17 J19 J21 J25 J26 yes, J06 no → 7/8; mixed J02 J10 J18 J22
        // J29 → 5/5; asian J05 J12 J13 J24 → 4/4; black J03 J04 J14 J27 yes, J20 no → 4/5;
        // other J07 → 1/1; not known J23 no → 0/1. (7+5+4+4+1 = 21; 8+5+4+5+1+1 = 24.)
        expectRate(d, "ep_consideration_rate", "ethnicity_group=white", 7, 8)
        expectRate(d, "ep_consideration_rate", "ethnicity_group=mixed", 5, 5)
        expectRate(d, "ep_consideration_rate", "ethnicity_group=asian", 4, 4)
        expectRate(d, "ep_consideration_rate", "ethnicity_group=black", 4, 5)
        expectRate(d, "ep_consideration_rate", "ethnicity_group=other", 1, 1)
        expectRate(d, "ep_consideration_rate", "ethnicity_group=not_known", 0, 1)
        // Age band: unborn J02 J15 J22 → 3/3; under 1 month J01 J03 J05 J10 J14 J24 J29 → 7/7;
        // 1–6 months J07 J12 J17 J21 J25 J27 yes, J20 J23 no → 6/8; 6–12 months J04 J18 J26 →
        // 3/3; 1 year and over J13 J19 yes, J06 no → 2/3. (3+7+6+3+2 = 21; 3+7+8+3+3 = 24.)
        expectRate(d, "ep_consideration_rate", "age_band=unborn", 3, 3)
        expectRate(d, "ep_consideration_rate", "age_band=under_1_month", 7, 7)
        expectRate(d, "ep_consideration_rate", "age_band=1_to_6_months", 6, 8)
        expectRate(d, "ep_consideration_rate", "age_band=6_to_12_months", 3, 3)
        // J06 (18 months, not considered) and J13 (12 months to the day, considered); J19 (three).
        expectRate(d, "ep_consideration_rate", "age_band=1_to_2_years", 1, 2)
        expectRate(d, "ep_consideration_rate", "age_band=2_years_and_over", 1, 1)
        // Sibling groups of 2+: J03 J14 J18 J22 J24 J29 yes, J06 J20 no → 6/8; single 15/16.
        expectRate(d, "ep_consideration_rate", "sibling_group=1", 15, 16)
        expectRate(d, "ep_consideration_rate", "sibling_group=2_plus", 6, 8)
        // Disability: J04 J14 J19 J24 → 4/4; no disability 17/20.
        expectRate(d, "ep_consideration_rate", "disability=yes", 4, 4)
        expectRate(d, "ep_consideration_rate", "disability=no", 17, 20)
    }

    @Test func durations() throws {
        let d = try Self.build()
        // Start of planning → EP considered, 22 intervals ending in 2025 (J05 has no start of
        // planning; J09 and J28 ended in 2024): sorted 0 (J27), 2, 2, 4, 7, 7, 7, 14 ×6 (ranks
        // 8–13), 19 (J02), 19 (J11), 25, 42 ×3 (ranks 17–19), 49, 49 (ranks 20–21), 84.
        // Median rank ⌈0.5 × 22⌉ = 11 → 14; p90 rank ⌈0.9 × 22⌉ = ⌈19.8⌉ = 20 → 49.
        expectDuration(d, "start_of_planning_to_ep_considered", median: 14, p90: 49, n: 22)
        // EP recommended (or birth) → EP placement, 16 placements in 2025: sorted 2 (J02), 2
        // (J15), 2 (J22), 5 (J14), 5 (J29), 7 (J03), 7 (J12), 12 (J05), 14 (J17), 14 (J21), 16
        // (J01), 16 (J24), 24 (J10), 42 (J27), 67 (J09), 84 (J28).
        // Median rank 8 → 12; p90 rank ⌈14.4⌉ = 15 → 67.
        expectDuration(d, "ep_recommended_to_ep_placement", median: 12, p90: 67, n: 16)
        // Proceedings issued → court decision, 17 decisions in 2025 (J15's and J22's are in
        // 2026): sorted 70 (J13), 84 (J09), 104 (J29), 119 (J19), 133 (J21), 152 (J14), 154 (J18),
        // 161 (J01), 161 (J27), 165 (J03), 166 (J02), 175 (J04), 175 (J23), 175 (J28), 182
        // (J07), 182 (J25), 205 (J12). Median rank ⌈8.5⌉ = 9 → 161; p90 rank ⌈15.3⌉ = 16 → 182.
        expectDuration(d, "proceedings_issued_to_court_decision", median: 161, p90: 182, n: 17)
        // Placement order → approved match (A2), 7 matches in 2025; J05's consensual adoption has
        // no placement order: sorted 21 (J02), 28 (J01), 28 (J29), 84 (J09), 91 (J21), 98 (J04),
        // 133 (J14). Median rank ⌈3.5⌉ = 4 → 84; p90 rank ⌈6.3⌉ = 7 → 133.
        expectDuration(d, "placement_order_to_formal_match", median: 84, p90: 133, n: 7)
        // Entry to care → moving in with the adopters (A10), 8 matches in 2025: sorted 0 (J01),
        // 0 (J02), 7 (J29), 14 (J05), 39 (J09), 161 (J21), 273 (J04), 284 (J14).
        // Median rank 4 → 14; p90 rank ⌈7.2⌉ = 8 → 284.
        expectDuration(d, "entry_to_care_to_moving_in", median: 14, p90: 284, n: 8)
        // Age at EP placement, 16 placements: sorted 2, 2, 2, 11, 17, 18, 32, 42, 47, 52, 60, 73,
        // 96, 158, 246, 315. Median rank 8 → 42; p90 rank 15 → 246.
        expectDuration(d, "age_at_ep_placement", median: 42, p90: 246, n: 16)
    }

    @Test func ruleCompliance() throws {
        let d = try Self.build()
        // 26 weeks over the 26 cases in period, the last day being issue + 181 days (the 26 weeks
        // *beginning with* the day of issue): met J01 J02 J03 J04 J13 J14 J18 J19 J21 J22 J27 J29
        // = 12; late J07 (issued 02-17, last day 08-17, decided 08-18) and J25 (issued 05-19, last
        // day 11-16, decided 11-17), J12, J15 = 4; overdue J06, J10, J26 = 3; J17 J20 J24 pending
        // and the rest not applicable are not counted. Rate 12 / (12 + 4 + 3) = 12/19.
        #expect(d.count("rule_compliance", "rule=S2-26-weeks", "met") == 12)
        #expect(d.count("rule_compliance", "rule=S2-26-weeks", "late") == 4)
        #expect(d.count("rule_compliance", "rule=S2-26-weeks", "overdue") == 3)
        expectRate(d, "rule_compliance", "rule=S2-26-weeks", 12, 19)
        // Formal match within 4 months of authority to place: met J01 J02 J04 J21 J29, and J05
        // (consent to placement 03-03, due 07-03, matched 06-09) = 6; late J14 = 1; overdue J12 =
        // 1; J15 J18 J25 pending. Rate 6/8.
        #expect(d.count("rule_compliance", "rule=S4-formal-match-timely", "met") == 6)
        #expect(d.count("rule_compliance", "rule=S4-formal-match-timely", "late") == 1)
        #expect(d.count("rule_compliance", "rule=S4-formal-match-timely", "overdue") == 1)
        expectRate(d, "rule_compliance", "rule=S4-formal-match-timely", 6, 8)
        // Rules the policy switched off have no rows.
        #expect(!d.figures.contains { $0.breakdown == "rule=S2-ep-considered-early" })
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
        // cases_by_state 1 + 10; ep_placements 1 + 4 quarters; each rate 1 + 4 quarters +
        // (6 + 7 + 2 + 2) breakdowns = 22; duration_days 6 measures × 3; rule_compliance 2 rules × 4;
        // ep_placement_outcomes 1 + 4; family_time 1 + 4: 11 + 5 + 22 + 22 + 18 + 8 + 5 + 5 = 96.
        #expect(d.figures.count == 96)
        #expect(Set(d.figures.map { [$0.name, $0.breakdown, $0.period, $0.statistic] }).count == 96)
        var names: [String] = []
        for figure in d.figures where names.last != figure.name { names.append(figure.name) }
        #expect(names == [
            "cases_by_state", "ep_placements", "ep_rate", "ep_consideration_rate", "duration_days",
            "rule_compliance", "ep_placement_outcomes", "family_time",
        ])
        #expect(d.figures.allSatisfy { !$0.suppressed })
        for name in names {
            #expect(d.definitions[name]?.isEmpty == false, "definition of \(name)")
        }
        #expect(d.definitions["duration_days"]?.contains("nearest-rank") == true)
        #expect(d.definitions["period"]?.contains("2025-01-01 to 2025-12-31") == true)
        for measure in ["start_of_planning_to_ep_considered", "placement_order_to_formal_match", "entry_to_care_to_moving_in"] {
            #expect(d.definitions["duration_days measure=\(measure)"]?.isEmpty == false, "definition of \(measure)")
        }
    }

    /// J10's EP consideration was recorded as not suitable and corrected to recommended. Before
    /// the correction she is in neither the EP rate nor the recommendation-to-placement interval.
    @Test func correctionChangesTheFigures() throws {
        let corrected = HandWorkedSet.j10.subject
        var uncorrected = corrected
        #expect(uncorrected.records.last?.correction != nil)
        uncorrected.records.removeLast()   // the history as it stood before the correction
        let others = HandWorkedSet.cases.filter { $0.reference != "HW-10" }

        let before = try Self.build(others + [uncorrected])
        let after = try Self.build(others + [corrected])
        // EP rate Q1 without J10: 8 − 1 placed over 8 − 1; with her, 8/8 (and 14/19 overall).
        expectRate(before, "ep_rate", "", period: "2025-Q1", 7, 7)
        expectRate(after, "ep_rate", "", period: "2025-Q1", 8, 8)
        expectRate(before, "ep_rate", "", 13, 18)
        expectRate(after, "ep_rate", "", 14, 19)
        // mixed ethnicity (J10 is white and Black African): 3/5 before, 4/6 after.
        expectRate(before, "ep_rate", "ethnicity_group=mixed", 3, 5)
        // Recommended → placement: without J10's 24 days, 15 values: 2, 2, 2, 5, 5, 7, 7, 12, 14,
        // 14, 16, 16, 42, 67, 84: median rank 8 → 12, p90 rank ⌈13.5⌉ = 14 → 67.
        expectDuration(before, "ep_recommended_to_ep_placement", median: 12, p90: 67, n: 15)
        expectDuration(after, "ep_recommended_to_ep_placement", median: 12, p90: 67, n: 16)
        // Any outcome counts as considered, so the consideration rate does not move.
        expectRate(before, "ep_consideration_rate", "", 21, 24)
        expectRate(after, "ep_consideration_rate", "", 21, 24)
    }

    /// J01 was born before her case opened. Without her birth recorded her age is not known: she
    /// leaves under_1_month for not_known, and is not counted as unborn.
    @Test func aBornChildWithoutARecordedBirthIsOfUnknownAge() throws {
        var j01 = HandWorkedSet.j01.subject
        j01.records.removeAll { $0.kind == .birth }
        let d = try Self.build(HandWorkedSet.cases.filter { $0.reference != "HW-01" } + [j01])
        expectRate(d, "ep_rate", "age_band=not_known", 1, 1)
        expectRate(d, "ep_rate", "age_band=under_1_month", 6, 6)
        expectRate(d, "ep_rate", "age_band=unborn", 3, 4)
    }

    /// The as-of date decides what had happened: on 30 June 2025, J01 was still awaiting the
    /// placement order and J18 had not started.
    @Test func asOfLeavesLaterMilestonesOut() throws {
        let request = DashboardRequest(from: .day("2025-01-01"), to: .day("2025-12-31"), asOf: .day("2025-06-30"), suppressSmallNumbers: false)
        let d = DashboardBuilder.build(cases: [HandWorkedSet.j01.subject, HandWorkedSet.j18.subject], policy: try Policies.englandWithOnly(Self.twoRules), request: request)
        // J01 in period, ep_placed on 30 June (PO 07-14 not yet made); J18 began 06-16 (PLO): in
        // period, pre_proceedings (proceedings 07-14 not yet issued).
        #expect(d.count("cases_by_state") == 2)
        #expect(d.count("cases_by_state", "state=ep_placed") == 1)
        #expect(d.count("cases_by_state", "state=pre_proceedings") == 1)
        #expect(d.count("cases_by_state", "state=adopted") == 0)
        // J01's 26 weeks due 08-04 is not yet due: pending, so not counted at all.
        #expect(d.figure("rule_compliance", "rule=S2-26-weeks", "rate")?.denominator == 0)
        #expect(d.figure("rule_compliance", "rule=S2-26-weeks", "rate")?.value == nil)
        // The PO→match interval (August) has not happened.
        #expect(d.count("duration_days", "measure=placement_order_to_formal_match", "n") == 0)
        #expect(d.figure("duration_days", "measure=placement_order_to_formal_match", "median")?.value == nil)
        #expect(d.count("ep_placement_outcomes", "outcome=still_open") == 1)
    }
}
