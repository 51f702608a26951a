import EPDomain
import Testing

/// Thirty-five anonymised journeys for the hand-worked dashboard tests, told as chronologies.
/// Every one is recorded through the product's own validation (JourneyBuilder).
///
/// The dashboard asked of them covers 2025 (1 January to 31 December), as of 31 January 2026,
/// with three rules in force: S2-26-weeks, S4-formal-match-timely and S4-entry-to-family. Under
/// each journey: what it contributes, worked out by hand. Abbreviations: SoP = start of
/// planning; rec = first EP recommendation; PO = placement order; EC = entered care; PI =
/// proceedings issued; decided = the first EP decision (recommended or not suitable).
/// conversion = `ep_conversion` (the quarter of the first recommendation, if it still stands;
/// placed, not placed, or pending while the placement is not due: 14 days from the latest of the
/// recommendation, the birth and entry to care); share = `ep_share` (the quarter of the first
/// authority to place, and whether the child lived with EP carers that day); considered =
/// `ep_considered` (the quarter of the adoption plan in view: the first of PI, an adoption request
/// and authority to place). A2 is counted in the period of the match, A10 in the period the child
/// was placed for adoption. A rule result is counted in the period of its due date; every child
/// who entered care in 2025 has an entry-to-family due date in 2026, outside the period.
/// Day counts are calendar days ("Feb 3 → Jul 14" = 25 left in Feb + 31 + 30 + 31 + 30 + 14).
/// For 26 weeks, "due" is the last day of the 26 weeks beginning with the day of issue: issue +
/// 181 days.
enum HandWorkedSet {
    static let from = "2025-01-01", to = "2025-12-31", asOf = "2026-01-31"

    static var cases: [Case] {
        [j01, j02, j03, j04, j05, j06, j07, j08, j09, j10, j11, j12, j13, j14, j15, j16, j17, j18,
         j19, j20, j21, j22, j23, j24, j25, j26, j27, j28, j29, j30, j31, j32, j33, j34, j35].map(\.subject)
    }

    /// J01 — white British girl; FfA with dual-approved carers, adopted by them.
    /// In period (SoP = PLO 2025-01-06), state adopted. Age band: born 2024-12-20, +1 month =
    /// 2025-01-20 > SoP → under_1_month. conversion: rec 01-20 → Q1, placed 02-05. share: PO 07-14 →
    /// Q3, with the EP carers that day. considered: PI 02-03 → Q1, decided (rec 01-20).
    /// SoP→decided 01-06→01-20 = 14; rec→placement 01-20→02-05 = 11 + 5 = 16; PI→decision
    /// 02-03→07-14 = 25+31+30+31+30+14 = 161; A2 PO→match 07-14→08-11 = 17 + 11 = 28; A10 EC 02-05 →
    /// the EP placement 02-05 = 0 (matched with the EP carers she lives with: placed for adoption at
    /// the match, 08-11); age at placement 2024-12-20→2025-02-05 = 11 + 31 + 5 = 47. EP placement Q1,
    /// outcome adopted_by_ep_carers. 26 weeks: last day 02-03 + 181 = 08-03, decided 07-14: met.
    /// Formal match: due 07-14 + 4 months = 11-14, matched 08-11: met. Family time: 2 attended.
    static var j01: JourneyBuilder {
        var b = JourneyBuilder(reference: "HW-01", profile: .child(.female, .WBRI))
        b.record(.birth, "2024-12-20")
        b.record(.ploPreProceedings, "2025-01-06")
        b.record(.epConsideration, "2025-01-20", .recommended)
        b.record(.epCarersLinked, "2025-01-27", .dualApproval)
        b.record(.proceedingsIssued, "2025-02-03")
        b.record(.enteredCare, "2025-02-05")
        b.record(.epPlacement, "2025-02-05", .ffa(from: .birthFamily))
        b.record(.familyTime, "2025-02-12", .attended)
        b.record(.familyTime, "2025-02-19", .attended)
        b.record(.courtDecision, "2025-07-14", .placementOrder)
        b.record(.adoptionPanel, "2025-08-04", .panelRecommended)
        b.record(.admMatchDecision, "2025-08-11", .matchedWithEPCarers)
        b.record(.adoptionOrder, "2025-12-15")
        return b
    }

    /// J02 — mixed-heritage baby, referred unborn; FfA from hospital; the adoption order comes
    /// after the as-of date, so it is left out.
    /// In period (SoP = pre-birth conference 2025-01-15), state formally_matched (as of 2026-01-31).
    /// Age band unborn (born 04-08, after SoP). conversion: rec 02-03 → Q1, placed 04-10. share: PO
    /// 09-22 → Q3, with the EP carers. considered: PI 04-09 → Q2, decided. SoP→decided 01-15→02-03
    /// = 16 + 3 = 19; rec→placement counts from birth (rec before birth) 04-08→04-10 = 2;
    /// PI→decision 04-09→09-22 = 21+31+30+31+31+22 = 166; A2 09-22→10-13 = 8 + 13 = 21; A10 EC
    /// 04-10 → placement 04-10 = 0 (placed at the match 10-13); age at placement 2. EP placement Q2,
    /// outcome matched_with_ep_carers (no adoption order by the as-of date). 26 weeks: due 10-07,
    /// decided 09-22: met. Formal match: due 2026-01-22, outside 2025. Family time: 2 attended, 1
    /// cancelled by family.
    static var j02: JourneyBuilder {
        var b = JourneyBuilder(reference: "HW-02", profile: .unborn(.MWBC, expected: "2025-04"))
        b.record(.preBirthConference, "2025-01-15", .preBirthConference(gestationWeeks: 26))
        b.record(.ploPreProceedings, "2025-01-20")
        b.record(.epConsideration, "2025-02-03", .recommended)
        b.record(.epCarersLinked, "2025-02-10", .dualApproval)
        b.record(.birth, "2025-04-08")
        b.record(.proceedingsIssued, "2025-04-09")
        b.record(.enteredCare, "2025-04-10")
        b.record(.epPlacement, "2025-04-10", .ffa(from: .hospital))
        b.record(.familyTime, "2025-04-16", .attended)
        b.record(.familyTime, "2025-04-23", .session(.cancelledByFamily))
        b.record(.familyTime, "2025-04-30", .attended)
        b.record(.courtDecision, "2025-09-22", .placementOrder)
        b.record(.adoptionPanel, "2025-10-06", .panelRecommended)
        b.record(.admMatchDecision, "2025-10-13", .matchedWithEPCarers)
        b.record(.adoptionOrder, "2026-03-02")
        return b
    }

    /// J03 — Black Caribbean-African boy with an older sibling; concurrency, then home to mum.
    /// In period (SoP = PI 2025-01-16), state reunified. Age band: born 01-10 → under_1_month.
    /// conversion: rec 01-20 → Q1, placed. No authority to place. considered: PI 01-16 → Q1,
    /// decided. SoP→decided 01-16→01-20 = 4; rec→placement 01-20→01-27 = 7; PI→decision (return
    /// home) 01-16→06-30 = 15+28+31+30+31+30 = 165; age at placement 01-10→01-27 = 17. EP placement
    /// Q1, outcome reunified (he lives at home). 26 weeks: due 07-16, decided 06-30: met. Family
    /// time: 2 attended, 1 not attended.
    static var j03: JourneyBuilder {
        var b = JourneyBuilder(reference: "HW-03", profile: .child(.male, .BAFR, siblings: 2))
        b.record(.birth, "2025-01-10")
        b.record(.proceedingsIssued, "2025-01-16")
        b.record(.enteredCare, "2025-01-16")
        b.record(.interimPlacement, "2025-01-16", .fosterCare)
        b.record(.epConsideration, "2025-01-20", .recommended)
        b.record(.epCarersLinked, "2025-01-22", .dualApproval)
        b.record(.epPlacement, "2025-01-27", .concurrency(from: .interimCare))
        b.record(.familyTime, "2025-02-03", .attended)
        b.record(.familyTime, "2025-02-10", .attended)
        b.record(.familyTime, "2025-02-17", .session(.notAttended))
        b.record(.courtDecision, "2025-06-30", .returnHome)
        b.record(.reunificationPlan, "2025-07-01")
        b.record(.reunification, "2025-07-14")
        b.record(.caseClosed, "2025-10-13", .closed("child home under a supervision order"))
        return b
    }

    /// J04 — Black Caribbean girl with a disability, 8 months old; sequential planning, EP judged
    /// not suitable, matched with other adopters.
    /// In period (SoP = PLO 02-10), state formally_matched. Age band: born 2024-06-15, +6 months
    /// 12-15 ≤ SoP < +12 months 2025-06-15 → 6_to_12_months. Never recommended: not in conversion.
    /// share: PO 09-01 → Q3, in interim care: not with EP carers. considered: PI 03-10 → Q1, decided
    /// (not_suitable 05-05). SoP→decided 02-10→05-05 = 18+31+30+5 = 84; PI→decision 03-10→09-01 =
    /// 21+30+31+30+31+31+1 = 175; A2 09-01→12-08 = 29+31+30+8 = 98; no A10 (matched with other
    /// adopters, not yet placed with them). 26 weeks: due 09-07, decided 09-01: met. Formal match:
    /// due 2026-01-01, outside 2025.
    static var j04: JourneyBuilder {
        var b = JourneyBuilder(reference: "HW-04", profile: .child(.female, .BCRB, disability: true))
        b.record(.birth, "2024-06-15")
        b.record(.ploPreProceedings, "2025-02-10")
        b.record(.viabilityAssessment, "2025-02-17", .viabilityStarted("VA-1", .maternalFamily))
        b.record(.proceedingsIssued, "2025-03-10")
        b.record(.enteredCare, "2025-03-10")
        b.record(.interimPlacement, "2025-03-10", .fosterCare)
        b.record(.viabilityAssessment, "2025-04-21", .viabilityCompleted("VA-1", .maternalFamily, .negative))
        b.record(.epConsideration, "2025-05-05", .considered(.notSuitable))
        b.record(.courtDecision, "2025-09-01", .placementOrder)
        b.record(.adoptionPanel, "2025-12-01", .panelRecommended)
        b.record(.admMatchDecision, "2025-12-08", .matchedWithOtherAdopters)
        return b
    }

    /// J05 — Pakistani boy relinquished at birth: a consensual adoption, with a section 19
    /// application and mother's consent to placement (the authority to place), no PLO, no
    /// proceedings and no placement order (so no A2 interval).
    /// No start of planning: in period by its first milestone other than the birth (EC 02-24);
    /// state formally_matched. Age band: born 02-20, reference day 02-24 → under_1_month.
    /// conversion: rec 02-26 → Q1, placed 03-10. share: consent 03-03 → Q1, still in interim care
    /// that day (the EP placement is on 03-10): not with EP carers. considered: authority to place
    /// 03-03 (a section 19 application is not a plan) → Q1, decided. No SoP→decided interval.
    /// rec→placement 02-26→03-10 = 2 + 10 = 12; A10 EC 02-24 → placement 03-10 = 4 + 10 = 14
    /// (placed at the match 06-09); age at placement 02-20→03-10 = 8 + 10 = 18. EP placement Q1,
    /// outcome matched_with_ep_carers. 26 weeks not applicable; formal match: authority to place
    /// from the consent 03-03, due 07-03, matched 06-09: met.
    static var j05: JourneyBuilder {
        var b = JourneyBuilder(reference: "HW-05", profile: .child(.male, .APKN))
        b.record(.birth, "2025-02-20")
        b.record(.enteredCare, "2025-02-24")
        b.record(.interimPlacement, "2025-02-24", .fosterCare)
        b.record(.epConsideration, "2025-02-26", .recommended)
        b.record(.section19Application, "2025-03-03")
        b.record(.placementConsent, "2025-03-03", .placementConsent(outcome: .given))
        b.record(.epCarersLinked, "2025-03-05", .dualApproval)
        b.record(.epPlacement, "2025-03-10", .ffa(from: .interimCare))
        b.record(.adoptionPanel, "2025-06-02", .panelRecommended)
        b.record(.admMatchDecision, "2025-06-09", .matchedWithEPCarers)
        return b
    }

    /// J06 — white Irish girl, 18 months, with a sibling; in proceedings, EP never considered.
    /// In period (SoP = PLO 03-03), state in_proceedings. Age band 1_to_2_years (born 2023-09-01).
    /// considered: PI 05-05 → Q2, not decided (the decision was due 20 working days after 03-03,
    /// long before the as-of date: not pending). 26 weeks: due 11-02, no decision by 2026-01-31:
    /// overdue. Family time: 1 attended, 1 cancelled by the agency.
    static var j06: JourneyBuilder {
        var b = JourneyBuilder(reference: "HW-06", profile: .child(.female, .WIRI, siblings: 2))
        b.record(.birth, "2023-09-01")
        b.record(.ploPreProceedings, "2025-03-03")
        b.record(.proceedingsIssued, "2025-05-05")
        b.record(.enteredCare, "2025-05-05")
        b.record(.interimPlacement, "2025-05-05", .fosterCare)
        b.record(.familyTime, "2025-05-12", .attended)
        b.record(.familyTime, "2025-05-19", .session(.cancelledByAgency))
        return b
    }

    /// J07 — boy of another ethnic group; EP deferred, paternal family positive, special guardianship.
    /// In period (SoP = PLO 01-13), state other_permanence. Age band: born 2024-11-01, +1 month
    /// 12-01 ≤ SoP < +6 months 2025-05-01 → 1_to_6_months. considered: PI 02-17 → Q1, not decided:
    /// a deferral decides nothing (and the decision was due long before the as-of date). No
    /// SoP→decided interval. PI→decision 02-17→08-18 = 11+31+30+31+30+31+18 = 182. 26 weeks: last
    /// day 02-17 + 181 = 08-17, decided 08-18: late.
    static var j07: JourneyBuilder {
        var b = JourneyBuilder(reference: "HW-07", profile: .child(.male, .OOTH))
        b.record(.birth, "2024-11-01")
        b.record(.ploPreProceedings, "2025-01-13")
        b.record(.proceedingsIssued, "2025-02-17")
        b.record(.enteredCare, "2025-02-17")
        b.record(.viabilityAssessment, "2025-02-20", .viabilityStarted("VA-1", .paternalFamily))
        b.record(.epConsideration, "2025-02-24", .considered(.deferred))
        b.record(.viabilityAssessment, "2025-04-01", .viabilityCompleted("VA-1", .paternalFamily, .positive))
        b.record(.courtDecision, "2025-08-18", .court(.specialGuardianship))
        return b
    }

    /// J08 — unborn baby, ethnicity not known; pre-birth planning under way at the as-of date.
    /// In period (SoP = pre-birth conference 11-20; the assessment on 10-30 is not a start of
    /// planning), state pre_birth. conversion: rec 12-15 → Q4, not placed, and unborn: the placement
    /// is not due yet, so pending; age band unborn, ethnicity not_known. SoP→decided 11-20→12-15 =
    /// 10 + 15 = 25. No adoption plan in view. Rules not applicable.
    static var j08: JourneyBuilder {
        var b = JourneyBuilder(reference: "HW-08", profile: .unborn(.NOBT, expected: "2026-02"))
        b.record(.preBirthAssessmentStarted, "2025-10-30")
        b.record(.preBirthConference, "2025-11-20", .preBirthConference(gestationWeeks: 28))
        b.record(.epConsideration, "2025-12-15", .recommended)
        return b
    }

    /// J09 — white British boy whose planning started in 2024: not in period, in neither
    /// conversion (rec 2024-11-04) nor considered (PI 2024-12-02), but its 2025 events count, the
    /// rule results due in 2025 among them.
    /// Age band at SoP 2024-10-07: born 2024-08-05 → 1_to_6_months. share: PO 02-24 → Q1, with the
    /// EP carers since 01-10. rec→placement 2024-11-04→2025-01-10 = 26+31+10 = 67; PI→decision
    /// 2024-12-02→2025-02-24 = 29+31+24 = 84; A2 02-24→05-19 = 4+31+30+19 = 84; A10 EC 2024-12-02 →
    /// placement 2025-01-10 = 29 + 10 = 39 (placed at the match 05-19); age at placement
    /// 2024-08-05→2025-01-10 = 26+30+31+30+31+10 = 158. EP placement Q1 (01-10), outcome
    /// adopted_by_ep_carers (adoption order). 26 weeks: last day 2024-12-02 + 181 = 2025-06-01,
    /// decided 02-24: met. Formal match: due 06-24, matched 05-19: met. Entry to family: due
    /// 2026-02-02, outside 2025. Family time: 1 attended in 2025 (the 2024 session is outside the
    /// period).
    static var j09: JourneyBuilder {
        var b = JourneyBuilder(reference: "HW-09", profile: .child(.male, .WBRI))
        b.record(.birth, "2024-08-05")
        b.record(.ploPreProceedings, "2024-10-07")
        b.record(.epConsideration, "2024-11-04", .recommended)
        b.record(.proceedingsIssued, "2024-12-02")
        b.record(.enteredCare, "2024-12-02")
        b.record(.interimPlacement, "2024-12-02", .fosterCare)
        b.record(.epCarersLinked, "2024-12-16", .dualApproval)
        b.record(.familyTime, "2024-12-20", .attended)
        b.record(.epPlacement, "2025-01-10", .ffa(from: .interimCare))
        b.record(.familyTime, "2025-01-20", .attended)
        b.record(.courtDecision, "2025-02-24", .placementOrder)
        b.record(.adoptionPanel, "2025-05-12", .panelRecommended)
        b.record(.admMatchDecision, "2025-05-19", .matchedWithEPCarers)
        b.record(.adoptionOrder, "2025-11-03")
        return b
    }

    /// J10 — white and Black African girl; the EP consideration was first recorded as
    /// `not_suitable` and later corrected to `recommended` (the panel minutes said so). The
    /// correction brings her into EP conversion and the recommendation-to-placement interval.
    /// In period (SoP = PLO 01-27), state ep_placed. Age band: born 01-05, +1 month 02-05 > SoP →
    /// under_1_month. conversion: rec 02-10 → Q1, placed 03-06. No authority to place. considered:
    /// PI 03-03 → Q1, decided (either way). SoP→decided 01-27→02-10 = 4 + 10 = 14; rec→placement
    /// 02-10→03-06 = 18 + 6 = 24; age at placement 01-05→03-06 = 26 + 28 + 6 = 60. EP placement Q1,
    /// outcome still_open. 26 weeks: due 08-31, no decision by 2026-01-31: overdue. Family time: 1
    /// attended.
    static var j10: JourneyBuilder {
        var b = JourneyBuilder(reference: "HW-10", profile: .child(.female, .MWBA))
        b.record(.birth, "2025-01-05")
        b.record(.ploPreProceedings, "2025-01-27")
        let consideration = b.record(.epConsideration, "2025-02-10", .considered(.notSuitable))
        b.record(.proceedingsIssued, "2025-03-03")
        b.record(.enteredCare, "2025-03-03")
        b.record(.epCarersLinked, "2025-03-04", .reg25aRoute)
        b.record(.reg25aDecision, "2025-03-05", .reg25aApproved)
        b.record(.epPlacement, "2025-03-06", .ffa(from: .birthFamily))
        b.record(.familyTime, "2025-03-13", .attended)
        b.correct(consideration, to: .epConsideration, "2025-02-10", .recommended,
                  reason: "outcome recorded in error; the panel minutes say recommended", asOf: "2025-06-02")
        return b
    }

    /// J11 — white and Asian boy; PLO and an EP recommendation, no proceedings yet.
    /// In period (SoP = PLO 06-01), state pre_proceedings. Age band: born 05-01, +1 month = 06-01
    /// = SoP → 1_to_6_months (exactly one month old: the band's lower edge). conversion: rec 06-20 →
    /// Q2, not placed, and not looked after: the placement is not due yet, so pending. No adoption
    /// plan in view. SoP→decided 06-01→06-20 = 19.
    static var j11: JourneyBuilder {
        var b = JourneyBuilder(reference: "HW-11", profile: .child(.male, .MWAS))
        b.record(.birth, "2025-05-01")
        b.record(.ploPreProceedings, "2025-06-01")
        b.record(.epConsideration, "2025-06-20", .recommended)
        b.record(.parentsInformedOfEP, "2025-06-25")
        return b
    }

    /// J12 — Indian girl; concurrency, placement order, no formal match by the as-of date.
    /// In period (SoP = PI 01-08), state placement_order. Age band: born 2024-12-01, +1 month
    /// 2025-01-01 ≤ SoP → 1_to_6_months. conversion: rec 01-15 → Q1, placed 01-22. share: PO 08-01
    /// → Q3, with the EP carers. considered: PI 01-08 → Q1, decided. SoP→decided 7; rec→placement
    /// 01-15→01-22 = 7; PI→decision 01-08→08-01 = 23+28+31+30+31+30+31+1 = 205; age at placement
    /// 2024-12-01→2025-01-22 = 30 + 22 = 52. EP placement Q1, outcome still_open. 26 weeks: due
    /// 07-08, decided 08-01: late. Formal match: due 08-01 + 4 months = 12-01, none by 2026-01-31:
    /// overdue. Family time: 1 attended.
    static var j12: JourneyBuilder {
        var b = JourneyBuilder(reference: "HW-12", profile: .child(.female, .AIND))
        b.record(.birth, "2024-12-01")
        b.record(.proceedingsIssued, "2025-01-08")
        b.record(.enteredCare, "2025-01-08")
        b.record(.epConsideration, "2025-01-15", .recommended)
        b.record(.epCarersLinked, "2025-01-20", .dualApproval)
        b.record(.epPlacement, "2025-01-22", .concurrency(from: .birthFamily))
        b.record(.familyTime, "2025-01-29", .attended)
        b.record(.courtDecision, "2025-08-01", .placementOrder)
        return b
    }

    /// J13 — Bangladeshi boy, a year old to the day; proceedings withdrawn and the case closed.
    /// In period (SoP = PLO 04-07), state closed. Age band: born 2024-04-07, +12 months = SoP →
    /// 1_to_2_years (the band's lower edge). considered: PI 05-12 → Q2, decided (not_suitable).
    /// SoP→decided 04-07→05-19 = 23 + 19 = 42; PI→decision 05-12→07-21 = 19 + 30 + 21 = 70. 26
    /// weeks: due 11-09, decided 07-21: met.
    static var j13: JourneyBuilder {
        var b = JourneyBuilder(reference: "HW-13", profile: .child(.male, .ABAN))
        b.record(.birth, "2024-04-07")
        b.record(.ploPreProceedings, "2025-04-07")
        b.record(.proceedingsIssued, "2025-05-12")
        b.record(.epConsideration, "2025-05-19", .considered(.notSuitable))
        b.record(.courtDecision, "2025-07-21", .court(.withdrawn))
        b.record(.caseClosed, "2025-08-01", .closed("proceedings withdrawn"))
        return b
    }

    /// J14 — Black girl of another background, with a sibling and a disability; FfA, but matched
    /// with other adopters.
    /// In period (SoP = PI 02-05), state formally_matched. Age band: born 02-01 → under_1_month.
    /// conversion: rec 02-07 → Q1, placed. share: PO 07-07 → Q3, with the EP carers. considered: PI
    /// 02-05 → Q1, decided. SoP→decided 2; rec→placement 02-07→02-12 = 5; PI→decision 02-05→07-07 =
    /// 23+31+30+31+30+7 = 152; A2 07-07→11-17 = 24+31+30+31+17 = 133; no A10 (matched with other
    /// adopters, not yet placed with them); age at placement 11. EP placement Q1, outcome other
    /// (matched with other adopters). 26 weeks: due 08-05, decided 07-07: met. Formal match: due
    /// 11-07, matched 11-17: late.
    static var j14: JourneyBuilder {
        var b = JourneyBuilder(reference: "HW-14", profile: .child(.female, .BOTH, siblings: 2, disability: true))
        b.record(.birth, "2025-02-01")
        b.record(.proceedingsIssued, "2025-02-05")
        b.record(.enteredCare, "2025-02-06")
        b.record(.epConsideration, "2025-02-07", .recommended)
        b.record(.epCarersLinked, "2025-02-10", .dualApproval)
        b.record(.epPlacement, "2025-02-12", .ffa(from: .hospital))
        b.record(.courtDecision, "2025-07-07", .placementOrder)
        b.record(.adoptionPanel, "2025-10-20", .panelRecommended)
        b.record(.admMatchDecision, "2025-11-17", .matchedWithOtherAdopters)
        return b
    }

    /// J15 — white British baby referred unborn; FfA from hospital; a 4-week extension, and the
    /// placement order still late.
    /// In period (SoP = pre-birth conference 03-24), state placement_order. Age band unborn.
    /// conversion: rec 04-07 → Q2, placed. share: the PO (2026-01-26) is after the period.
    /// considered: PI 06-03 → Q2, decided. SoP→decided 03-24→04-07 = 14; rec→placement from birth
    /// 06-02→06-04 = 2; age 2. The decision (2026-01-26) is outside the period: no PI→decision
    /// interval. EP placement Q2, outcome still_open. 26 weeks: last day 06-03 + 181 = 12-01, + 4
    /// weeks = 12-29; decided 2026-01-26: late. Formal match: due 2026-05-26. Family time: 1
    /// attended, 1 cancelled by the agency, 1 cancelled by the family.
    static var j15: JourneyBuilder {
        var b = JourneyBuilder(reference: "HW-15", profile: .unborn(.WBRI, expected: "2025-06"))
        b.record(.preBirthConference, "2025-03-24", .preBirthConference(gestationWeeks: 30))
        b.record(.epConsideration, "2025-04-07", .recommended)
        b.record(.epCarersLinked, "2025-04-14", .dualApproval)
        b.record(.birth, "2025-06-02")
        b.record(.proceedingsIssued, "2025-06-03")
        b.record(.enteredCare, "2025-06-04")
        b.record(.epPlacement, "2025-06-04", .ffa(from: .hospital))
        b.record(.familyTime, "2025-06-11", .attended)
        b.record(.familyTime, "2025-06-18", .session(.cancelledByAgency))
        b.record(.familyTime, "2025-06-25", .session(.cancelledByFamily))
        b.record(.timetableExtension, "2025-11-10", .timetable(weeks: 4))
        b.record(.courtDecision, "2026-01-26", .placementOrder)
        return b
    }

    /// J16 — Chinese boy aged two; only a family group conference so far.
    /// No start of planning: in period by its first milestone other than the birth (FGC 09-15),
    /// state pre_proceedings. In no rate; no intervals; rules not applicable.
    static var j16: JourneyBuilder {
        var b = JourneyBuilder(reference: "HW-16", profile: .child(.male, .CHNE))
        b.record(.birth, "2023-05-05")
        b.record(.familyGroupConference, "2025-09-15")
        return b
    }

    /// J17 — Roma girl; proceedings late in the year, Reg 25A carers.
    /// In period (SoP = PI 11-03), state ep_placed. Age band: born 08-20, +1 month 09-20 ≤ SoP <
    /// +6 months → 1_to_6_months. conversion: rec 11-10 → Q4, placed 11-24. considered: PI 11-03 →
    /// Q4, decided. SoP→decided 7; rec→placement 11-10→11-24 = 14; age 08-20→11-24 = 11 + 30 + 31
    /// + 24 = 96. EP placement Q4, outcome still_open. 26 weeks due 2026-05-03. Family time: 3
    /// attended, 1 not attended.
    static var j17: JourneyBuilder {
        var b = JourneyBuilder(reference: "HW-17", profile: .child(.female, .WROM))
        b.record(.birth, "2025-08-20")
        b.record(.proceedingsIssued, "2025-11-03")
        b.record(.enteredCare, "2025-11-03")
        b.record(.interimPlacement, "2025-11-03", .fosterCare)
        b.record(.epConsideration, "2025-11-10", .recommended)
        b.record(.epCarersLinked, "2025-11-17", .reg25aRoute)
        b.record(.reg25aDecision, "2025-11-19", .reg25aApproved)
        b.record(.epPlacement, "2025-11-24", .ffa(from: .interimCare))
        b.record(.familyTime, "2025-12-01", .attended)
        b.record(.familyTime, "2025-12-08", .attended)
        b.record(.familyTime, "2025-12-15", .attended)
        b.record(.familyTime, "2025-12-22", .session(.notAttended))
        return b
    }

    /// J18 — mixed-heritage boy in a group of three siblings; placed with EP carers only after
    /// the as-of date.
    /// In period (SoP = PLO 06-16), state placement_order. Age band: born 2024-10-01, +6 months
    /// 2025-04-01 ≤ SoP < +12 months 2025-10-01 → 6_to_12_months. conversion: rec 08-04 → Q3; looked
    /// after since 07-14, so the placement was due 08-04 + 14 days = 08-18: not placed by the as-of
    /// date, so not placed (not pending). share: PO 12-15 → Q4, in interim care. considered: PI
    /// 07-14 → Q3, decided. SoP→decided 06-16→08-04 = 14 + 31 + 4 = 49; PI→decision 07-14→12-15 =
    /// 17+31+30+31+30+15 = 154. 26 weeks: due 2026-01-11 (decided 12-15: met, counted in 2026).
    /// Formal match due 2026-04-15.
    static var j18: JourneyBuilder {
        var b = JourneyBuilder(reference: "HW-18", profile: .child(.male, .MOTH, siblings: 3))
        b.record(.birth, "2024-10-01")
        b.record(.ploPreProceedings, "2025-06-16")
        b.record(.proceedingsIssued, "2025-07-14")
        b.record(.enteredCare, "2025-07-14")
        b.record(.interimPlacement, "2025-07-14", .fosterCare)
        b.record(.epConsideration, "2025-08-04", .recommended)
        b.record(.courtDecision, "2025-12-15", .placementOrder)
        b.record(.epCarersLinked, "2026-01-12", .dualApproval)
        b.record(.epPlacement, "2026-02-10", .ffa(from: .interimCare))
        return b
    }

    /// J19 — white girl of another background, aged three, with a disability; EP not suitable;
    /// home to her family.
    /// In period (SoP = PLO 07-07), state reunified. Age band 2_years_and_over. considered: PI 08-11
    /// → Q3, decided. SoP→decided 07-07→08-18 = 24 + 18 = 42; PI→decision 08-11→12-08 = 20 + 30 +
    /// 31 + 30 + 8 = 119. 26 weeks: due 2026-02-08 (met, counted in 2026).
    static var j19: JourneyBuilder {
        var b = JourneyBuilder(reference: "HW-19", profile: .child(.female, .WOTH, disability: true))
        b.record(.birth, "2022-04-04")
        b.record(.ploPreProceedings, "2025-07-07")
        b.record(.proceedingsIssued, "2025-08-11")
        b.record(.enteredCare, "2025-08-11")
        b.record(.interimPlacement, "2025-08-11", .fosterCare)
        b.record(.epConsideration, "2025-08-18", .considered(.notSuitable))
        b.record(.courtDecision, "2025-12-08", .returnHome)
        b.record(.reunification, "2025-12-22")
        return b
    }

    /// J20 — Black African boy with a sibling; in proceedings, EP not considered.
    /// In period (SoP = PI 09-01), state in_proceedings. Age band: born 03-15, +6 months 09-15 >
    /// SoP → 1_to_6_months. considered: PI 09-01 → Q3, not decided; the decision was due 20
    /// working days after 09-01 (09-29): not pending by the as-of date. 26 weeks due 2026-03-01.
    static var j20: JourneyBuilder {
        var b = JourneyBuilder(reference: "HW-20", profile: .child(.male, .BAFR, siblings: 2))
        b.record(.birth, "2025-03-15")
        b.record(.proceedingsIssued, "2025-09-01")
        b.record(.enteredCare, "2025-09-01")
        b.record(.interimPlacement, "2025-09-01", .fosterCare)
        return b
    }

    /// J21 — white British girl; EP deferred, then recommended only after the placement order.
    /// In period (SoP = PLO 01-13), state formally_matched. Age band: born 2024-09-09, +1 month
    /// 10-09 ≤ SoP < +6 months 2025-03-09 → 1_to_6_months. conversion: rec 07-07 → Q3 (a deferral is
    /// not a recommendation), placed 07-21. share: PO 06-23 → Q2, in interim care that day (the EP
    /// placement came after). considered: PI 02-10 → Q1, decided on 07-07 (the deferral on 03-03
    /// decides nothing). SoP→decided 01-13→07-07 = 18+28+31+30+31+30+7 = 175; rec→placement
    /// 07-07→07-21 = 14; PI→decision 02-10→06-23 = 18+31+30+31+23 = 133; A2 06-23→09-22 =
    /// 7+31+31+22 = 91; A10 EC 02-10 → placement 07-21 = 18+31+30+31+30+21 = 161 (placed at the
    /// match 09-22); age 2024-09-09→2025-07-21 = 21+31+30+31+31+28+31+30+31+30+21 = 315. EP
    /// placement Q3, outcome matched_with_ep_carers. 26 weeks: due 08-10, decided 06-23: met. Formal
    /// match: due 10-23, matched 09-22: met.
    static var j21: JourneyBuilder {
        var b = JourneyBuilder(reference: "HW-21", profile: .child(.female, .WBRI))
        b.record(.birth, "2024-09-09")
        b.record(.ploPreProceedings, "2025-01-13")
        b.record(.proceedingsIssued, "2025-02-10")
        b.record(.enteredCare, "2025-02-10")
        b.record(.interimPlacement, "2025-02-10", .fosterCare)
        b.record(.epConsideration, "2025-03-03", .considered(.deferred))
        b.record(.courtDecision, "2025-06-23", .placementOrder)
        b.record(.epConsideration, "2025-07-07", .recommended)
        b.record(.epCarersLinked, "2025-07-14", .dualApproval)
        b.record(.epPlacement, "2025-07-21", .ffa(from: .interimCare))
        b.record(.adoptionPanel, "2025-09-15", .panelRecommended)
        b.record(.admMatchDecision, "2025-09-22", .matchedWithEPCarers)
        return b
    }

    /// J22 — white and Black Caribbean baby with a sibling, referred unborn; concurrency; the
    /// court decides on return home in January 2026 but the child is not yet home.
    /// In period (SoP = pre-birth conference 07-01), state ep_placed. Age band unborn.
    /// conversion: rec 07-15 → Q3, placed. considered: PI 09-04 → Q3, decided. SoP→decided 14;
    /// rec→placement from birth 09-03→09-05 = 2; age 2; the decision (2026-01-19) is outside the
    /// period. EP placement Q3, outcome still_open. 26 weeks: due 2026-03-04. Family time: 2
    /// attended.
    static var j22: JourneyBuilder {
        var b = JourneyBuilder(reference: "HW-22", profile: .unborn(.MWBC, expected: "2025-09", siblings: 2))
        b.record(.preBirthConference, "2025-07-01", .preBirthConference(gestationWeeks: 31))
        b.record(.epConsideration, "2025-07-15", .recommended)
        b.record(.epCarersLinked, "2025-07-22", .dualApproval)
        b.record(.birth, "2025-09-03")
        b.record(.proceedingsIssued, "2025-09-04")
        b.record(.enteredCare, "2025-09-05")
        b.record(.epPlacement, "2025-09-05", .concurrency(from: .hospital))
        b.record(.familyTime, "2025-09-10", .attended)
        b.record(.familyTime, "2025-09-17", .attended)
        b.record(.courtDecision, "2026-01-19", .returnHome)
        return b
    }

    /// J23 — refused ethnicity (not_known); planning started in 2024, so not in period, but
    /// proceedings issued in 2025 put the child in considered, and the 26 weeks fell due in 2025.
    /// considered: PI 01-06 → Q1, not decided; age band at SoP 2024-11-25: born 2024-07-07, +1
    /// month 08-07 ≤ SoP < +6 months 2025-01-07 → 1_to_6_months. PI→decision 01-06→06-30 =
    /// 25+28+31+30+31+30 = 175. 26 weeks: last day 01-06 + 181 = 07-06, decided 06-30: met.
    static var j23: JourneyBuilder {
        var b = JourneyBuilder(reference: "HW-23", profile: .child(.female, .REFU))
        b.record(.birth, "2024-07-07")
        b.record(.ploPreProceedings, "2024-11-25")
        b.record(.proceedingsIssued, "2025-01-06")
        b.record(.enteredCare, "2025-01-06")
        b.record(.interimPlacement, "2025-01-06", .fosterCare)
        b.record(.courtDecision, "2025-06-30", .court(.otherFamilyOrder))
        return b
    }

    /// J24 — Pakistani girl with a sibling and a disability; FfA from home at six weeks.
    /// In period (SoP = PLO 10-20), state ep_placed. Age band: born 10-01 → under_1_month.
    /// conversion: rec 10-27 → Q4, placed. considered: PI 11-10 → Q4, decided. SoP→decided 7;
    /// rec→placement 10-27→11-12 = 4 + 12 = 16; age 10-01→11-12 = 30 + 12 = 42. EP placement Q4,
    /// outcome still_open. 26 weeks due 2026-05-10. Family time: 1 attended, 1 cancelled by the
    /// family.
    static var j24: JourneyBuilder {
        var b = JourneyBuilder(reference: "HW-24", profile: .child(.female, .APKN, siblings: 2, disability: true))
        b.record(.birth, "2025-10-01")
        b.record(.ploPreProceedings, "2025-10-20")
        b.record(.epConsideration, "2025-10-27", .recommended)
        b.record(.epCarersLinked, "2025-11-03", .dualApproval)
        b.record(.proceedingsIssued, "2025-11-10")
        b.record(.enteredCare, "2025-11-10")
        b.record(.epPlacement, "2025-11-12", .ffa(from: .birthFamily))
        b.record(.familyTime, "2025-11-19", .attended)
        b.record(.familyTime, "2025-11-26", .session(.cancelledByFamily))
        return b
    }

    /// J25 — white British boy; EP recommended but no EP carers found; placement order.
    /// In period (SoP = PLO 04-14), state placement_order. Age band: born 2024-12-12, +1 month
    /// 2025-01-12 ≤ SoP < +6 months 06-12 → 1_to_6_months. conversion: rec 04-28 → Q2; looked after
    /// from 05-19, so the placement was due 05-19 + 14 days = 06-02: not placed. share: PO 11-17 →
    /// Q4, in interim care. considered: PI 05-19 → Q2, decided. SoP→decided 14; PI→decision
    /// 05-19→11-17 = 12+30+31+31+30+31+17 = 182. 26 weeks: last day 05-19 + 181 = 11-16, decided
    /// 11-17: late. Formal match due 2026-03-17.
    static var j25: JourneyBuilder {
        var b = JourneyBuilder(reference: "HW-25", profile: .child(.male, .WBRI))
        b.record(.birth, "2024-12-12")
        b.record(.ploPreProceedings, "2025-04-14")
        b.record(.epConsideration, "2025-04-28", .recommended)
        b.record(.proceedingsIssued, "2025-05-19")
        b.record(.enteredCare, "2025-05-19")
        b.record(.interimPlacement, "2025-05-19", .fosterCare)
        b.record(.courtDecision, "2025-11-17", .placementOrder)
        return b
    }

    /// J26 — white British girl, 11 months; transferred to another authority before any decision.
    /// In period (SoP = PI 01-20), state closed. Age band: born 2024-02-02, +12 months 2025-02-02
    /// > SoP → 6_to_12_months (the band's upper edge). considered: PI 01-20 → Q1, decided
    /// (not_suitable). SoP→decided 01-20→02-03 = 14. 26 weeks: due 07-20, closed 09-01 without a
    /// decision: overdue (counted up to the closure).
    static var j26: JourneyBuilder {
        var b = JourneyBuilder(reference: "HW-26", profile: .child(.female, .WBRI))
        b.record(.birth, "2024-02-02")
        b.record(.proceedingsIssued, "2025-01-20")
        b.record(.enteredCare, "2025-01-20")
        b.record(.epConsideration, "2025-02-03", .considered(.notSuitable))
        b.record(.caseClosed, "2025-09-01", .closed("transferred to another authority"))
        return b
    }

    /// J27 — Black Caribbean boy; EP recommended before PLO began; concurrency, then home.
    /// In period (SoP = PLO 03-10; the earlier recommendation is not a start of planning), state
    /// reunified. Age band: born 01-25, +1 month 02-25 ≤ SoP < +6 months → 1_to_6_months.
    /// conversion: rec 02-25 → Q1, placed. considered: PI 04-07 → Q2, decided. SoP→decided: 03-10 →
    /// 02-25 is 13 days before the start, so counts 0 (in the period of 02-25); rec→placement
    /// 02-25→04-08 = 3 + 31 + 8 = 42; PI→decision 04-07→09-15 = 23+31+30+31+31+15 = 161; age
    /// 01-25→04-08 = 6 + 28 + 31 + 8 = 73. EP placement Q2, outcome reunified. 26 weeks: due 10-05,
    /// decided 09-15: met. Family time: 2 attended.
    static var j27: JourneyBuilder {
        var b = JourneyBuilder(reference: "HW-27", profile: .child(.male, .BCRB))
        b.record(.birth, "2025-01-25")
        b.record(.epConsideration, "2025-02-25", .recommended)
        b.record(.ploPreProceedings, "2025-03-10")
        b.record(.epCarersLinked, "2025-04-01", .dualApproval)
        b.record(.proceedingsIssued, "2025-04-07")
        b.record(.enteredCare, "2025-04-07")
        b.record(.epPlacement, "2025-04-08", .concurrency(from: .birthFamily))
        b.record(.familyTime, "2025-04-15", .attended)
        b.record(.familyTime, "2025-04-22", .attended)
        b.record(.courtDecision, "2025-09-15", .returnHome)
        b.record(.reunification, "2025-09-29")
        return b
    }

    /// J28 — Asian boy of another background; planning and recommendation in 2024 (so in neither
    /// conversion nor considered), placed in 2025, then special guardianship.
    /// rec→placement 2024-10-14→2025-01-06 = 17 + 30 + 31 + 6 = 84; PI→decision 2024-10-07→
    /// 2025-03-31 = 24+30+31+31+28+31 = 175; age 2024-05-05→2025-01-06 = 26+30+31+31+30+31+30+31+6
    /// = 246. EP placement Q1, outcome other (special guardianship, still with the EP carers).
    /// 26 weeks: last day 2024-10-07 + 181 = 2025-04-06, decided 03-31: met. Entry to family: due
    /// 2025-12-07, but special guardianship ended the plan for adoption: not applicable.
    static var j28: JourneyBuilder {
        var b = JourneyBuilder(reference: "HW-28", profile: .child(.male, .AOTH))
        b.record(.birth, "2024-05-05")
        b.record(.ploPreProceedings, "2024-09-02")
        b.record(.proceedingsIssued, "2024-10-07")
        b.record(.enteredCare, "2024-10-07")
        b.record(.epConsideration, "2024-10-14", .recommended)
        b.record(.epCarersLinked, "2024-10-21", .dualApproval)
        b.record(.epPlacement, "2025-01-06", .concurrency(from: .birthFamily))
        b.record(.courtDecision, "2025-03-31", .court(.specialGuardianship))
        return b
    }

    /// J29 — white and Asian girl with a sibling; the whole journey inside six months; adopted in
    /// January 2026 (after the period, before the as-of date).
    /// In period (SoP = PI 07-01), state adopted. Age band: born 06-06, +1 month 07-06 > SoP →
    /// under_1_month. conversion: rec 07-03 → Q3, placed. share: PO 10-13 → Q4, with the EP carers.
    /// considered: PI 07-01 → Q3, decided. SoP→decided 2; rec→placement 07-03→07-08 = 5;
    /// PI→decision 07-01→10-13 = 30+31+30+13 = 104; A2 10-13→11-10 = 18 + 10 = 28; A10 EC 07-01 →
    /// placement 07-08 = 7 (placed at the match 11-10); age 06-06→07-08 = 24 + 8 = 32. EP placement
    /// Q3, outcome adopted_by_ep_carers. 26 weeks: due 12-29, decided 10-13: met. Formal match: due
    /// 2026-02-13. Family time: 1 attended.
    static var j29: JourneyBuilder {
        var b = JourneyBuilder(reference: "HW-29", profile: .child(.female, .MWAS, siblings: 2))
        b.record(.birth, "2025-06-06")
        b.record(.proceedingsIssued, "2025-07-01")
        b.record(.enteredCare, "2025-07-01")
        b.record(.epConsideration, "2025-07-03", .recommended)
        b.record(.epCarersLinked, "2025-07-07", .dualApproval)
        b.record(.epPlacement, "2025-07-08", .ffa(from: .birthFamily))
        b.record(.familyTime, "2025-07-15", .attended)
        b.record(.courtDecision, "2025-10-13", .placementOrder)
        b.record(.adoptionPanel, "2025-11-03", .panelRecommended)
        b.record(.admMatchDecision, "2025-11-10", .matchedWithEPCarers)
        b.record(.adoptionOrder, "2026-01-12")
        return b
    }

    /// J30 — unborn Irish Traveller baby whose pre-birth conference is after the as-of date:
    /// nothing had happened by then, so it counts nowhere.
    static var j30: JourneyBuilder {
        var b = JourneyBuilder(reference: "HW-30", profile: .unborn(.WIRT, expected: "2026-06"))
        b.record(.preBirthConference, "2026-02-16", .preBirthConference(gestationWeeks: 25))
        return b
    }

    /// J31 — a case just opened, nothing recorded: counts nowhere.
    static var j31: JourneyBuilder {
        JourneyBuilder(reference: "HW-31", profile: .child(.male, .WBRI))
    }

    /// J32 — white British boy; EP recommended, then judged not suitable when his grandmother's
    /// assessment came back positive (twin tracking that worked); special guardianship.
    /// In period (SoP = PLO 03-17), state other_permanence. Age band: born 03-03, +1 month 04-03 >
    /// SoP → under_1_month. conversion: first recommended 03-31 (Q1), but the recommendation was
    /// withdrawn on 05-19: in neither numerator nor denominator. considered: PI 04-14 → Q2, decided
    /// (the recommendation of 03-31 was a decision). SoP→decided 03-17→03-31 = 14; PI→decision
    /// 04-14→09-29 = 16+31+30+31+31+29 = 168. 26 weeks: last day 04-14 + 181 = 10-12, decided
    /// 09-29: met.
    static var j32: JourneyBuilder {
        var b = JourneyBuilder(reference: "HW-32", profile: .child(.male, .WBRI))
        b.record(.birth, "2025-03-03")
        b.record(.ploPreProceedings, "2025-03-17")
        b.record(.epConsideration, "2025-03-31", .recommended)
        b.record(.viabilityAssessment, "2025-04-01", .viabilityStarted("VA-1", .maternalFamily))
        b.record(.proceedingsIssued, "2025-04-14")
        b.record(.enteredCare, "2025-04-14")
        b.record(.interimPlacement, "2025-04-14", .fosterCare)
        b.record(.viabilityAssessment, "2025-05-12", .viabilityCompleted("VA-1", .maternalFamily, .positive))
        b.record(.epConsideration, "2025-05-19", .considered(.notSuitable))
        b.record(.courtDecision, "2025-09-29", .court(.specialGuardianship))
        return b
    }

    /// J33 — Bangladeshi girl whose planning started in 2024; FfA, but the carers withdrew after
    /// two months; matched with other adopters and placed with them.
    /// Not in period (SoP = PLO 2024-12-02), nor in conversion (rec 2024-12-09). Age band at SoP:
    /// born 2024-11-18, +1 month 12-18 > SoP → under_1_month. share: PO 06-16 → Q2, in interim care
    /// since 03-17: not with EP carers. considered: PI 01-13 → Q1, decided (in 2024).
    /// rec→placement 2024-12-09→2025-01-15 = 22 + 15 = 37; PI→decision 01-13→06-16 =
    /// 18+28+31+30+31+16 = 154; A2 06-16→08-25 = 14 + 31 + 25 = 70; A10 EC 01-13 → placed for
    /// adoption 09-08 = 18+28+31+30+31+30+31+31+8 = 238; age at placement 2024-11-18→2025-01-15 =
    /// 12 + 31 + 15 = 58. EP placement Q1 (01-15), outcome ended_early. 26 weeks: last day 01-13 +
    /// 181 = 07-13, decided 06-16: met. Formal match: due 10-16, matched 08-25: met.
    static var j33: JourneyBuilder {
        var b = JourneyBuilder(reference: "HW-33", profile: .child(.female, .ABAN))
        b.record(.birth, "2024-11-18")
        b.record(.ploPreProceedings, "2024-12-02")
        b.record(.epConsideration, "2024-12-09", .recommended)
        b.record(.epCarersLinked, "2024-12-16", .dualApproval)
        b.record(.proceedingsIssued, "2025-01-13")
        b.record(.enteredCare, "2025-01-13")
        b.record(.epPlacement, "2025-01-15", .ffa(from: .birthFamily))
        b.record(.interimPlacement, "2025-03-17", .fosterCare)
        b.record(.courtDecision, "2025-06-16", .placementOrder)
        b.record(.adoptionPanel, "2025-08-18", .panelRecommended)
        b.record(.admMatchDecision, "2025-08-25", .matchedWithOtherAdopters)
        b.record(.placedForAdoption, "2025-09-08")
        return b
    }

    /// J34 — Chinese girl; a consensual adoption by EP carers: her mother's request two days after
    /// the birth, FfA from hospital, consent at seven weeks, placed for adoption and adopted.
    /// In period (SoP = adoption request 05-14), state adopted. Age band: born 05-12 →
    /// under_1_month. conversion: rec 05-16 → Q2, placed 05-19. share: consent 06-30 → Q2, with the
    /// EP carers. considered: adoption request 05-14 → Q2, decided. SoP→decided 05-14→05-16 = 2;
    /// rec→placement 05-16→05-19 = 3; no A2 (no placement order); A10 EC 05-19 → placement 05-19 =
    /// 0 (placed for adoption 08-11); age at placement 05-12→05-19 = 7. EP placement Q2, outcome
    /// adopted_by_ep_carers. 26 weeks not applicable. Formal match: authority to place from the
    /// consent 06-30, due 10-30, matched 08-11: met.
    static var j34: JourneyBuilder {
        var b = JourneyBuilder(reference: "HW-34", profile: .child(.female, .CHNE))
        b.record(.birth, "2025-05-12")
        b.record(.adoptionRequest, "2025-05-14")
        b.record(.epConsideration, "2025-05-16", .recommended)
        b.record(.epCarersLinked, "2025-05-16", .dualApproval)
        b.record(.enteredCare, "2025-05-19")
        b.record(.epPlacement, "2025-05-19", .ffa(from: .hospital))
        b.record(.placementConsent, "2025-06-30", .consentGiven)
        b.record(.adoptionPanel, "2025-08-04", .panelRecommended)
        b.record(.admMatchDecision, "2025-08-11", .matchedWithEPCarers)
        b.record(.placedForAdoption, "2025-08-11")
        b.record(.adoptionOrder, "2025-12-01")
        return b
    }

    /// J35 — Black Caribbean boy, placed with EP carers in 2024 and still waiting for his match.
    /// Not in period (SoP = PLO 2024-03-18), and nothing of his happened in 2025; but entry to family
    /// fell due in 2025: entered care 2024-04-15 + 14 months = 2025-06-15. He has lived with the EP
    /// carers since 2024-04-17, before that day, but they are not matched as his adopters yet: pending
    /// (provisional), never met. 26 weeks (due 2024-10-13) and formal match (PO 2024-08-26, due
    /// 2024-12-26) fell due in 2024.
    static var j35: JourneyBuilder {
        var b = JourneyBuilder(reference: "HW-35", profile: .child(.male, .BCRB))
        b.record(.birth, "2024-03-04")
        b.record(.ploPreProceedings, "2024-03-18")
        b.record(.epConsideration, "2024-04-01", .recommended)
        b.record(.epCarersLinked, "2024-04-08", .dualApproval)
        b.record(.proceedingsIssued, "2024-04-15")
        b.record(.enteredCare, "2024-04-15")
        b.record(.epPlacement, "2024-04-17", .ffa(from: .birthFamily))
        b.record(.courtDecision, "2024-08-26", .placementOrder)
        return b
    }
}
