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
            ? "Because this view spans more than one agency, every count from 1 to \(request.threshold) is withheld (shown empty and marked suppressed), and so are further counts wherever subtraction across the published figures (a total minus its other parts, a denominator minus its numerator, a breakdown against its total row) would otherwise give away a withheld count or a count from 1 to \(request.threshold); a rate is withheld when a count it is made from is; a median, 90th percentile or mean is withheld unless its n is shown and is at least \(2 * max(1, request.threshold)), and a percentile also when it is the shortest or the longest length; zero is always shown."
            : "This view covers one agency, so every figure is exact and nothing is withheld."
        return definitions
    }

    static let figures: [String: String] = [
        "cases_by_state":
            "Children whose start of planning (the earliest of PLO pre-proceedings, the pre-birth conference, proceedings issued and an adoption request; failing those, their first recorded milestone other than the birth) falls in the period, by their journey state as of the as-of date; the row without a breakdown is all of them.",
        "ep_placements":
            "Children placed with EP carers (moving in with them as foster carers, FfA or concurrent planning) for the first time in the period, in total and by the calendar quarter of that placement; what became of each placement is in ep_placement_outcomes.",
        "ep_conversion":
            "Of the children first recommended for EP in the period (by the quarter of that first recommendation) whose recommendation still stands on the as-of date, the share placed with EP carers since it was made (the numerator over the denominator, from 0 to 1). A recommendation withdrawn (EP judged not suitable after it, for instance when a family member was assessed positively) leaves the figure. A child not yet placed whose placement is not due yet (rule S4-placement-after-recommendation: before the birth, before the child is looked after, or within the policy's time from the latest of the recommendation, the birth and entry to care) is counted as pending, in neither numerator nor denominator; one not placed by then, or whose journey ended first, is in the denominator only.",
        "ep_share":
            "Of the children whose authority to place first came in the period (a placement order, or consent to placement given; by the quarter of that day), the share living with EP carers on that day (the numerator over the denominator, from 0 to 1): comparable with national EP placement shares, which range from about 3% to 35% across England. Nothing is pending: the outcome is known on the day.",
        "ep_considered":
            "Of the children with an adoption plan first in view in the period (the earliest of proceedings issued, an adoption request and authority to place; by the quarter of that day), the share with EP decided, recommended or judged not suitable, by the as-of date (Quality Mark descriptor 1.3; the numerator over the denominator, from 0 to 1); a deferral decides nothing and does not count. A child not yet decided whose decision is not due yet (rule S2-ep-considered-early: within the policy's time from the start of planning) is counted as pending, in neither numerator nor denominator.",
        "duration_days":
            "For each measure, the median and 90th percentile in calendar days (nearest-rank: the value at rank ⌈p × n / 100⌉ of the sorted lengths, so always a real case's value and, for an even n, the lower middle one), for the two adoption scorecard measures the mean (the DfE's A2 and A10 averages, rounded to whole days), and n, the number of intervals counted; an interval is counted in the period its measure says, and an end recorded before its start counts as 0 days.",
        "rule_compliance":
            "For each rule of the policy in force, every child's result on the as-of date counted in the period its due date falls in (an order or pattern result without one, in the period its clock started; a result with neither yet, in none), whenever the child's planning started: met, late (done after the deadline, or in the wrong order), overdue (still missing after the deadline) and pending (due soon, not yet due, or waiting on something not yet known: an EP placement whose carers are not yet matched as adopters is never counted as met); and the compliance rate, met as a share of met + late + overdue. Not-applicable results are left out.",
        "ep_placement_outcomes":
            "The children counted in ep_placements, by what became of the EP placement on the as-of date: adopted_by_ep_carers (an adoption order, the child living with the EP carers), matched_with_ep_carers (an approved formal match with the EP carers the child lives with, no adoption order yet), reunified (the child lives at home), ended_early (the EP placement ended with a move to another placement, and the child does not live with EP carers now), other (living with the EP carers but matched with other adopters, special guardianship, another family order or a care order, or the case closed) or still_open.",
        "family_time":
            "Family time sessions dated in the period, all recorded sessions (no breakdown) and by status: attended, cancelled by the family, cancelled by the agency, not attended.",
    ]

    static func durationMeasure(_ measure: DurationMeasure) -> String {
        switch measure {
        case .startOfPlanningToEPDecided:
            "Days from the start of planning to the first EP decision (recommended or not suitable; a deferral is not one), counted in the period of the decision (0 when EP was decided before planning started)."
        case .epRecommendedToEPPlacement:
            "Days from the first EP recommendation (or from birth, when EP was recommended before the child was born) to the first EP placement, counted in the period of the placement."
        case .proceedingsIssuedToCourtDecision:
            "Days from care proceedings being issued to the court's first final decision, whatever its outcome, counted in the period of the decision."
        case .placementOrderToFormalMatch:
            "Days from the placement order (the court's authority to place) to the agency decision maker's approved formal match, for children matched in the period (consensual adoptions without a placement order are not included); its mean is the adoption scorecard's A2."
        case .entryToCareToMovingIn:
            "Days from entering care to moving in with the adoptive family, for children placed for adoption in the period: the day of placed_for_adoption, or, for a child matched with (or, with no match recorded, adopted by) the EP carers they still live with, the day of that EP placement (the child did not move again; counted on the day placed_for_adoption is recorded, else the day of the match, else the day of the adoption order); its mean is the adoption scorecard's A10."
        case .ageAtEPPlacement:
            "The child's age in days on the day of their first EP placement (from the recorded birth), counted in the period of the placement."
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
