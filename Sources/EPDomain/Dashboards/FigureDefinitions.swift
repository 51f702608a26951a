/// What each figure counts, in one plain-English sentence, so a leader can check it.
enum FigureDefinitions {
    /// Keys: each figure name; `duration_days measure=<measure>` for each duration measure; each
    /// breakdown key; `period`; and `small_numbers`.
    static func all(request: DashboardRequest) -> [String: String] {
        var definitions = figures
        for measure in DurationMeasure.allCases {
            definitions["duration_days measure=\(measure.rawValue)"] = durationMeasure(measure)
        }
        for dimension in Dimension.allCases {
            definitions[dimension.key] = breakdown(dimension)
        }
        definitions["period"] =
            "A figure with no period covers the whole requested range (\(request.from) to \(request.to), both included); one with a period such as 2025-Q1 covers that calendar quarter, and a quarter only partly inside the range counts only its days inside it. Everything is as recorded by \(request.asOf): milestones dated later are left out."
        definitions["small_numbers"] = request.suppressSmallNumbers
            ? "Because this view spans more than one agency, every count from 1 to \(request.threshold) is withheld (shown empty and marked suppressed), and so are further counts wherever subtraction across the published figures (a total minus its other parts, a denominator minus its numerator, a breakdown against its total row) would otherwise give away a withheld count or a count from 1 to \(request.threshold); a rate is withheld when a count it is made from is; a median or 90th percentile is withheld unless its n is shown, is at least \(2 * max(1, request.threshold)), and the percentile is neither the shortest nor the longest length; zero is always shown."
            : "This view covers one agency, so every figure is exact and nothing is withheld."
        return definitions
    }

    static let figures: [String: String] = [
        "cases_by_state":
            "Children whose start of planning (the earliest of PLO pre-proceedings, the pre-birth conference and proceedings issued; failing those, their first recorded milestone other than the birth) falls in the period, by their journey state as of the as-of date; the row without a breakdown is all of them.",
        "ep_placements":
            "EP placements (a child moving in with EP carers as foster carers, FfA or concurrent planning) made in the period, in total and by the calendar quarter of the placement date.",
        "ep_rate":
            "Of the children whose first placement order or EP recommendation (whichever came first) falls in the period (the denominator, by the quarter of that date), the share placed with EP carers by the as-of date (the numerator), as a fraction from 0 to 1.",
        "ep_consideration_rate":
            "Of the children whose plan could first lead to adoption in the period (the earliest of proceedings issued, a section 19 application or a placement order; the denominator, by the quarter of that date), the share with any EP consideration recorded by the as-of date, whatever its outcome (the numerator; Quality Mark descriptor 1.3), as a fraction from 0 to 1.",
        "duration_days":
            "For each measure, the median and 90th percentile in calendar days (nearest-rank: the value at rank ⌈p × n / 100⌉ of the sorted lengths, so always a real case's value and, for an even n, the lower middle one) and n, the number of intervals counted; an interval is counted in the period it ends in, and an end recorded before its start counts as 0 days.",
        "rule_compliance":
            "For each rule of the policy in force, the children counted in cases_by_state whose result on the as-of date is met, late (done after the deadline, or in the wrong order) or overdue (still missing after the deadline), and the compliance rate: met as a share of met + late + overdue (due-soon, pending and not-applicable results are left out).",
        "ep_placement_outcomes":
            "The children counted in ep_placements, by where they stand on the as-of date: adopted_by_ep_carers (an adoption order, or an approved formal match with the EP carers as adopters), reunified (returned home), other (matched with other adopters, special guardianship or another family order, or the case closed) or still_open.",
        "family_time":
            "Family time sessions dated in the period, all recorded sessions (no breakdown) and by status: attended, cancelled by the family, cancelled by the agency, not attended.",
    ]

    static func durationMeasure(_ measure: DurationMeasure) -> String {
        switch measure {
        case .startOfPlanningToEPConsidered:
            "Days from the start of planning to the first EP consideration of any outcome, counted in the period of the consideration (0 when EP was considered before planning started)."
        case .epRecommendedToEPPlacement:
            "Days from the first EP recommendation (or from birth, when EP was recommended before the child was born) to the EP placement, counted in the period of the placement."
        case .proceedingsIssuedToCourtDecision:
            "Days from care proceedings being issued to the court's first final decision, whatever its outcome, counted in the period of the decision."
        case .placementOrderToFormalMatch:
            "Adoption scorecard A2: days from the placement order to the agency decision maker's approved formal match, counted in the period of the match (consensual adoptions without a placement order are not included)."
        case .entryToCareToMovingIn:
            "Adoption scorecard A10: days from entering care to moving in with the eventual adopters (the EP placement when the approved match is with the EP carers, otherwise the match date, the nearest date recorded), for children with an approved formal match, counted in the period of the match."
        case .ageAtEPPlacement:
            "The child's age in days on the day of the EP placement (from the recorded birth), counted in the period of the placement."
        }
    }

    static func breakdown(_ dimension: Dimension) -> String {
        switch dimension {
        case .ethnicityGroup:
            "The child's SSDA903 ethnicity code grouped as white, mixed, asian, black, other (CHNE, OOTH) and not_known (REFU, NOBT)."
        case .ageBand:
            "The child's age at the start of planning (or, failing that, at their first recorded milestone other than the birth) in calendar months from the recorded birth: unborn (born after that date, or unborn at referral and no birth recorded yet), under_1_month, 1_to_6_months, 6_to_12_months, 1_to_2_years, 2_years_and_over, or not_known (born before referral but the birth is not recorded)."
        case .siblingGroup:
            "The sibling group size recorded in the child's profile: 1 (a single child) or 2_plus."
        case .disability:
            "Whether the child's profile records a disability or developmental need: yes or no."
        }
    }
}
