import EPDomain
import Testing

/// Small-number suppression on the hand-worked set, as a view spanning several agencies would
/// show it. The exact counts are those of `HandWorkedFigureTests`.
@Suite struct HandWorkedSuppressionTests {
    func expectHidden(_ figure: Figure?, _ label: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(figure?.suppressed == true, "\(label) should be suppressed", sourceLocation: sourceLocation)
        #expect(figure?.value == nil, "\(label) value", sourceLocation: sourceLocation)
    }

    func expectShown(_ figure: Figure?, _ value: Double?, _ label: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(figure?.suppressed == false, "\(label) should be shown", sourceLocation: sourceLocation)
        #expect(figure?.value == value, "\(label) value", sourceLocation: sourceLocation)
    }

    /// A rate row: which of numerator and denominator are shown (nil = withheld).
    func expectRateParts(
        _ figure: Figure?, numerator: Int?, denominator: Int?, _ label: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(figure?.numerator == numerator, "\(label) numerator", sourceLocation: sourceLocation)
        #expect(figure?.denominator == denominator, "\(label) denominator", sourceLocation: sourceLocation)
        let whole = numerator != nil && denominator != nil
        #expect(figure?.suppressed == !whole, "\(label) suppressed", sourceLocation: sourceLocation)
        if !whole { #expect(figure?.value == nil, "\(label) value", sourceLocation: sourceLocation) }
    }

    @Test func primarySuppressionAtTheDefaultThreshold() throws {
        let d = try HandWorkedFigureTests.build(suppress: true)
        // Totals above 5 stay: 26 cases, 16 placements, 27 sessions.
        expectShown(d.figure("cases_by_state", "", "count"), 26, "cases total")
        // Every state count is between 1 and 5 (1, 2, 2, 4, 4, 5, 2, 3, 1, 2): all withheld,
        // so no single one can be recovered from the total.
        for state in JourneyState.allCases {
            expectHidden(d.figure("cases_by_state", "state=\(state.rawValue)", "count"), state.rawValue)
        }
        // Placements 8, 3, 3, 2 by quarter: Q1 shown, the rest withheld.
        expectShown(d.figure("ep_placements", "", "count"), 16, "placements")
        expectShown(d.figure("ep_placements", "", period: "2025-Q1", "count"), 8, "Q1 placements")
        for quarter in ["2025-Q2", "2025-Q3", "2025-Q4"] {
            expectHidden(d.figure("ep_placements", "", period: quarter, "count"), quarter)
        }
        // Outcomes 6, 2, 2, 6: withholding only the twos would publish 16 − 6 − 6 = 4 children
        // reunified or other, a small number, so one 6 is withheld too; family time 20, 3, 2, 2
        // (the three withheld add up to 7).
        expectHidden(d.figure("ep_placement_outcomes", "outcome=adopted_by_ep_carers", "count"), "adopted")
        expectShown(d.figure("ep_placement_outcomes", "", "count"), 16, "outcomes total")
        expectHidden(d.figure("ep_placement_outcomes", "outcome=reunified", "count"), "reunified")
        expectHidden(d.figure("ep_placement_outcomes", "outcome=other", "count"), "other")
        expectShown(d.figure("ep_placement_outcomes", "outcome=still_open", "count"), 6, "still open")
        expectShown(d.figure("family_time", "status=attended", "count"), 20, "attended")
        expectHidden(d.figure("family_time", "status=cancelled_by_family", "count"), "cancelled by family")
        // Durations: every n is above 5, so shown; A2 has n = 7, below twice the threshold, and
        // its p90 (rank 7 of 7) would be the longest: its median and p90 are withheld.
        expectHidden(d.figure("duration_days", "measure=placement_order_to_formal_match", "median"), "A2 median")
        expectHidden(d.figure("duration_days", "measure=placement_order_to_formal_match", "p90"), "A2 p90")
        expectShown(d.figure("duration_days", "measure=placement_order_to_formal_match", "n"), 7, "A2 n")
        expectShown(d.figure("duration_days", "measure=ep_recommended_to_ep_placement", "p90"), 67, "n = 16, rank 15")
    }

    @Test func ratesShowWhatIsSafeAndWithholdTheRest() throws {
        let d = try HandWorkedFigureTests.build(suppress: true)
        // 14 of 19 would publish the 5 children not placed: the numerator is withheld, and with it
        // in every breakdown of the numerator the cells that would add back up to 14.
        expectRateParts(d.figure("ep_rate", "", "rate"), numerator: nil, denominator: 19, "ep_rate")
        expectRateParts(d.figure("ep_rate", "", period: "2025-Q1", "rate"), numerator: 8, denominator: 8, "Q1")
        // Ethnicity numerators 4, 4, 3, 3, 0, 0 and denominators 5, 6, 3, 4, 0, 1: 5 is withheld,
        // 6 shown (the threshold is inclusive), zeros shown.
        expectRateParts(d.figure("ep_rate", "ethnicity_group=white", "rate"), numerator: nil, denominator: nil, "white")
        expectRateParts(d.figure("ep_rate", "ethnicity_group=mixed", "rate"), numerator: nil, denominator: 6, "mixed")
        expectRateParts(d.figure("ep_rate", "ethnicity_group=other", "rate"), numerator: 0, denominator: 0, "other")
        expectRateParts(d.figure("ep_rate", "ethnicity_group=not_known", "rate"), numerator: 0, denominator: nil, "not known")
        // Age band under 1 month 7/7 shown; 6–12 months 0 over a withheld 2.
        expectRateParts(d.figure("ep_rate", "age_band=under_1_month", "rate"), numerator: 7, denominator: 7, "under 1 month")
        #expect(d.figure("ep_rate", "age_band=under_1_month", "rate")?.value == 1)
        expectRateParts(d.figure("ep_rate", "age_band=6_to_12_months", "rate"), numerator: 0, denominator: nil, "6-12 months")
        // Rule compliance: 26 weeks 12 met, 4 late, 3 overdue (7 not met); formal match 6, 1, 1 of
        // 8: showing 6 of 8 would publish 2 not met, and two withheld cells adding up to 2 are each
        // 1, so met is withheld too.
        expectShown(d.figure("rule_compliance", "rule=S2-26-weeks", "met"), 12, "26 weeks met")
        expectHidden(d.figure("rule_compliance", "rule=S2-26-weeks", "late"), "26 weeks late")
        expectHidden(d.figure("rule_compliance", "rule=S2-26-weeks", "overdue"), "26 weeks overdue")
        expectRateParts(d.figure("rule_compliance", "rule=S2-26-weeks", "rate"), numerator: 12, denominator: 19, "26 weeks rate")
        expectRateParts(d.figure("rule_compliance", "rule=S4-formal-match-timely", "rate"), numerator: nil, denominator: 8, "formal match rate")
        expectHidden(d.figure("rule_compliance", "rule=S4-formal-match-timely", "met"), "formal match met")
        expectHidden(d.figure("rule_compliance", "rule=S4-formal-match-timely", "late"), "formal match late")
    }

    @Test func secondarySuppressionProtectsTheOneSmallCell() throws {
        let d = try HandWorkedFigureTests.build(suppress: true)
        // EP rate numerators by sibling group: 9 and 5 of 14. Withholding only the 5 would leave
        // 14 − 9 = 5, so the 9 is withheld too; the denominators 13 and 6 are safe.
        expectRateParts(d.figure("ep_rate", "sibling_group=1", "rate"), numerator: nil, denominator: 13, "single")
        expectRateParts(d.figure("ep_rate", "sibling_group=2_plus", "rate"), numerator: nil, denominator: 6, "siblings")
        // By disability: numerators 2 and 12, denominators 3 and 16. The 3 and with it the 16 are
        // withheld; 12 stays shown, the whole numerator 14 being withheld (its complement 5).
        expectRateParts(d.figure("ep_rate", "disability=yes", "rate"), numerator: nil, denominator: nil, "disabled")
        expectRateParts(d.figure("ep_rate", "disability=no", "rate"), numerator: 12, denominator: nil, "not disabled")
        // Consideration: 21 of 24 would publish 3 not considered, so 21 is withheld; by
        // disability 4 and 17 of 21, 4 and 20 of 24.
        expectRateParts(d.figure("ep_consideration_rate", "", "rate"), numerator: nil, denominator: 24, "consideration")
        expectRateParts(d.figure("ep_consideration_rate", "disability=no", "rate"), numerator: 17, denominator: nil, "not disabled")
        // Consideration by sibling group: 15/16 and 6/8 would publish 1 and 2 not considered.
        expectRateParts(d.figure("ep_consideration_rate", "sibling_group=2_plus", "rate"), numerator: nil, denominator: 8, "siblings")
        // Consideration by quarter: 10 of 11 (1 not considered) is withheld as well as the small cells.
        expectRateParts(d.figure("ep_consideration_rate", "", period: "2025-Q2", "rate"), numerator: nil, denominator: 6, "Q2")
        expectRateParts(d.figure("ep_consideration_rate", "", period: "2025-Q1", "rate"), numerator: nil, denominator: 11, "Q1")
    }

    /// With threshold 1 only ones are withheld, and whatever would give one away.
    @Test func thresholdIsTheRequestsOwn() throws {
        let d = try HandWorkedFigureTests.build(suppress: true, threshold: 1)
        // States: pre_birth 1 and other_permanence 1 withheld; alone they would add up to 2, so
        // each would be 1 (a withheld count is never 0): a 2 is withheld with them.
        expectHidden(d.figure("cases_by_state", "state=pre_birth", "count"), "pre_birth")
        expectHidden(d.figure("cases_by_state", "state=other_permanence", "count"), "other_permanence")
        expectHidden(d.figure("cases_by_state", "state=pre_proceedings", "count"), "pre_proceedings")
        expectShown(d.figure("cases_by_state", "state=in_proceedings", "count"), 2, "in_proceedings")
        // EP rate by ethnicity, numerators 4, 4, 3, 3, 0, 0 of 5, 6, 3, 4, 0, 1: white's 4 of 5
        // and black's 3 of 4 would each publish 1 not placed, so their numerators are withheld;
        // the lone 1 (not known) pulls in asian's 3, and asian's numerator goes with the numerators
        // withheld around it.
        expectRateParts(d.figure("ep_rate", "ethnicity_group=not_known", "rate"), numerator: 0, denominator: nil, "not known")
        expectRateParts(d.figure("ep_rate", "ethnicity_group=asian", "rate"), numerator: nil, denominator: nil, "asian")
        expectRateParts(d.figure("ep_rate", "ethnicity_group=white", "rate"), numerator: nil, denominator: 5, "white")
        expectRateParts(d.figure("ep_rate", "ethnicity_group=black", "rate"), numerator: nil, denominator: 4, "black")
        expectRateParts(d.figure("ep_rate", "ethnicity_group=mixed", "rate"), numerator: 4, denominator: 6, "mixed")
        // Formal match: met 6, late 1, overdue 1: the two ones would add up to 2, so met is withheld.
        expectRateParts(d.figure("rule_compliance", "rule=S4-formal-match-timely", "rate"), numerator: nil, denominator: 8, "formal match")
    }

    /// A single-agency view shows every figure exactly.
    @Test func singleAgencyViewsAreExact() throws {
        let exact = try HandWorkedFigureTests.build(suppress: false)
        #expect(exact.figures.allSatisfy { !$0.suppressed })
        #expect(exact.count("cases_by_state", "state=pre_birth") == 1)
        #expect(exact.definitions["small_numbers"]?.contains("exact") == true)
        let suppressed = try HandWorkedFigureTests.build(suppress: true)
        #expect(suppressed.definitions["small_numbers"]?.contains("from 1 to 5") == true)
    }
}
