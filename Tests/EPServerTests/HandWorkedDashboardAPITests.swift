import EPServer
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// Thirteen anonymised Northshire journeys recorded through the API, and every figure the
/// leader's summary publishes for them worked out by hand (never by calling the dashboard code),
/// on SQLite and PostgreSQL alike.
///
/// The summary asked of them: Northshire's leader, her own LA's cases (an exact view: nothing is
/// suppressed), from 2025-01-01 to 2025-12-31, as of 2026-01-31. The server's clock reads
/// 2 February 2026, so nothing up to the as-of date is "in the future". The policy in force is
/// Policies/england-default.yaml with all its rules; of `rule_compliance` five rules are worked
/// out by hand (S2-26-weeks and S4-formal-match-timely, calendar-day deadlines, and the order
/// rules S2-ep-before-issue, S4-approval-before-placement and S7-reunification-planned); the
/// other rules' rows are only checked to be there. Every other figure is asserted in full, and
/// any row of them, or of the five rules, not in the hand-worked table must be zero.
///
/// Abbreviations: SoP = start of planning (the earliest of PLO, pre-birth conference,
/// proceedings issued and adoption request); rec = first EP recommendation; PI = proceedings
/// issued; EC = entered care; PO = placement order; decided = first EP decision (recommended or
/// not suitable, never deferred). conversion = `ep_conversion` (quarter of the first
/// recommendation, if it still stands; placed, not placed, or pending while the placement is not
/// due: S4-placement-after-recommendation, 14 days from the latest of rec, birth and EC, pending
/// before the birth or entry to care); share = `ep_share` (quarter of the first authority to
/// place, PO or consent given, and whether the child lived with EP carers that day);
/// considered = `ep_considered` (quarter of the first of PI, adoption request and authority to
/// place; decided by the as-of date, else not counted, or pending within 20 working days of
/// SoP). A2 is counted on the match day, A10 on placed_for_adoption or else the match day. Age
/// band is the age at the child's start (SoP). Day counts are calendar days ("02-10→07-21" =
/// 18 left in Feb + 31 + 30 + 31 + 30 + 21). 26 weeks: due on issue + 181 days. Formal match:
/// due 4 calendar months after the authority to place. A rule result counts in the period of
/// its due day, met results included.
///
/// Profiles: white British girl, single, no disability, unless a journey says otherwise (J03
/// black, two siblings; J05 Pakistani, disability; J09 mixed, unborn at referral).
@Suite struct HandWorkedDashboardAPITests {
    /// One journey: its reference, profile JSON and milestones (kind, day, details).
    struct Journey {
        let reference: String
        var profile = Self.whiteGirl
        let milestones: [(String, String, String?)]

        static let whiteGirl = #"{"sex":"female","ethnicity":"WBRI","sibling_group_size":1,"disability":false,"unborn":false}"#
    }

    static let recommended = #"{"outcome":"recommended"}"#
    static let notSuitable = #"{"outcome":"not_suitable"}"#
    static let deferred = #"{"outcome":"deferred"}"#
    static let dual = #"{"route":"dual_approval"}"#
    static let foster = #"{"placement_type":"foster_care"}"#
    static let attended = #"{"status":"attended"}"#
    static let cancelledByFamily = #"{"status":"cancelled_by_family"}"#
    static let cancelledByAgency = #"{"status":"cancelled_by_agency"}"#
    static let notAttended = #"{"status":"not_attended"}"#
    static let placementOrder = #"{"outcome":"placement_order"}"#
    static let panelYes = #"{"outcome":"recommended"}"#
    static let matchEPCarers = #"{"outcome":"approved","adopters":"ep_carers"}"#
    static func ep(_ scheme: String, from: String) -> String { #"{"scheme":"\#(scheme)","placed_from":"\#(from)"}"# }
    static func court(_ outcome: String) -> String { #"{"outcome":"\#(outcome)"}"# }

    /// J01 — FfA with dual-approved carers, adopted by them.
    /// Start 01-13 (PLO), state adopted. Born 01-06 → under_1_month. conversion: rec 01-27 → Q1;
    /// due 14 days after EC 02-12 = 02-26, placed 02-12 → placed. share: PO 07-21 → Q3, living
    /// with the EP carers → yes. considered: PI 02-10 → Q1, decided.
    /// SoP→decided 01-13→01-27 = 14; rec→placement 01-27→02-12 = 4 + 12 = 16; PI→decision
    /// 02-10→07-21 = 18+31+30+31+30+21 = 161; A2 07-21→08-18 = 10 + 18 = 28 (at 08-18); A10 EC
    /// 02-12 → the EP placement 02-12 = 0 (matched with the EP carers she lives with; at the
    /// match 08-18); age at placement 01-06→02-12 = 25 + 12 = 37. First EP placement Q1, outcome
    /// adopted_by_ep_carers. 26 weeks: due 02-10 + 181 = 08-10, decided 07-21 → met. Formal
    /// match: due 07-21 + 4 months = 11-21, matched 08-18 → met. Family time: 2 attended.
    static let j01 = Journey(reference: "HW-API-01", milestones: [
        ("birth", "2025-01-06", nil),
        ("plo_pre_proceedings", "2025-01-13", nil),
        ("ep_consideration", "2025-01-27", recommended),
        ("ep_carers_linked", "2025-02-03", dual),
        ("proceedings_issued", "2025-02-10", nil),
        ("entered_care", "2025-02-12", nil),
        ("ep_placement", "2025-02-12", ep("ffa", from: "birth_family")),
        ("family_time_plan", "2025-02-14", nil),
        ("family_time", "2025-02-19", attended),
        ("family_time", "2025-02-26", attended),
        ("court_decision", "2025-07-21", placementOrder),
        ("adoption_panel", "2025-08-11", panelYes),
        ("adm_match_decision", "2025-08-18", matchEPCarers),
        ("adoption_order", "2025-12-08", nil),
    ])

    /// J02 — concurrency, matched with the EP carers, no adoption order yet.
    /// Start 03-10 (PLO), state formally_matched. Born 03-03 → under_1_month. conversion: rec
    /// 03-24 → Q1; due EC 04-09 + 14 = 04-23, placed 04-09 → placed. share: PO 09-29 → Q3, with
    /// the EP carers → yes. considered: PI 04-07 → Q2, decided.
    /// SoP→decided 03-10→03-24 = 14; rec→placement 03-24→04-09 = 7 + 9 = 16; PI→decision
    /// 04-07→09-29 = 23+31+30+31+31+29 = 175; A2 09-29→11-10 = 1 + 31 + 10 = 42 (at 11-10); A10
    /// 04-09→04-09 = 0 (at the match 11-10); age at placement 03-03→04-09 = 28 + 9 = 37. First EP
    /// placement Q2, outcome matched_with_ep_carers. 26 weeks: due 04-07 + 181 = 10-05, decided
    /// 09-29 → met. Formal match: due 09-29 + 4 months = 2026-01-29, outside 2025 → not counted
    /// (though met). Family time: 2 attended, 1 cancelled by the family.
    static let j02 = Journey(reference: "HW-API-02", milestones: [
        ("birth", "2025-03-03", nil),
        ("plo_pre_proceedings", "2025-03-10", nil),
        ("ep_consideration", "2025-03-24", recommended),
        ("ep_carers_linked", "2025-03-31", dual),
        ("proceedings_issued", "2025-04-07", nil),
        ("entered_care", "2025-04-09", nil),
        ("ep_placement", "2025-04-09", ep("concurrency", from: "birth_family")),
        ("family_time", "2025-04-16", attended),
        ("family_time", "2025-04-23", cancelledByFamily),
        ("family_time", "2025-04-30", attended),
        ("court_decision", "2025-09-29", placementOrder),
        ("adoption_panel", "2025-11-03", panelYes),
        ("adm_match_decision", "2025-11-10", matchEPCarers),
    ])

    /// J03 — black Caribbean boy with a sibling; twin tracking: EP recommended, then the maternal
    /// aunt is assessed positively and EP judged not suitable (the recommendation withdrawn);
    /// special guardianship.
    /// Start 02-03 (PLO), state other_permanence. Born 2024-12-02, +1 month 01-02 ≤ 02-03 < +6
    /// months → 1_to_6_months. conversion: withdrawn → not in it. share: no authority.
    /// considered: PI 03-03 → Q1, decided (rec 03-10). SoP→decided 02-03→03-10 = 25 + 10 = 35; no
    /// placement; PI→decision 03-03→08-18 = 28+30+31+30+31+18 = 168. 26 weeks: due 03-03 + 181
    /// = 08-31, decided 08-18 → met. Family time: 1 attended, 1 cancelled by the agency.
    static let j03 = Journey(
        reference: "HW-API-03",
        profile: #"{"sex":"male","ethnicity":"BCRB","sibling_group_size":2,"disability":false,"unborn":false}"#,
        milestones: [
            ("birth", "2024-12-02", nil),
            ("plo_pre_proceedings", "2025-02-03", nil),
            ("viability_assessment", "2025-02-05", #"{"assessment":"VA-1","relationship":"maternal_family","status":"started"}"#),
            ("proceedings_issued", "2025-03-03", nil),
            ("entered_care", "2025-03-03", nil),
            ("interim_placement", "2025-03-03", foster),
            ("ep_consideration", "2025-03-10", recommended),
            ("viability_assessment", "2025-03-14", #"{"assessment":"VA-1","relationship":"maternal_family","status":"completed","outcome":"positive"}"#),
            ("ep_consideration", "2025-03-17", notSuitable),
            ("family_time", "2025-03-20", attended),
            ("family_time", "2025-03-27", cancelledByAgency),
            ("court_decision", "2025-08-18", court("special_guardianship")),
        ]
    )

    /// J04 — a toddler in proceedings; EP consideration deferred and never decided.
    /// Start 04-07 (PLO), state in_proceedings. Born 2023-10-10, +1 year ≤ 04-07 < +2 years →
    /// 1_to_2_years. considered: PI 05-12 → Q2, not decided (a deferral decides nothing; the
    /// decision was due 20 working days after 04-07, long before the as-of date: not pending).
    /// 26 weeks: due 05-12 + 181 = 11-09, no decision by 2026-01-31 → overdue. Family time: 1
    /// attended, 1 not attended.
    static let j04 = Journey(reference: "HW-API-04", milestones: [
        ("birth", "2023-10-10", nil),
        ("plo_pre_proceedings", "2025-04-07", nil),
        ("proceedings_issued", "2025-05-12", nil),
        ("entered_care", "2025-05-12", nil),
        ("interim_placement", "2025-05-12", foster),
        ("ep_consideration", "2025-05-19", deferred),
        ("family_time", "2025-05-22", attended),
        ("family_time", "2025-05-29", notAttended),
    ])

    /// J05 — Pakistani boy aged 2 with a disability; EP judged not suitable; care order.
    /// Start 01-20 (PLO), state other_permanence. Born 2022-05-16 → 2_years_and_over.
    /// considered: PI 02-24 → Q1, decided (not suitable 03-03). SoP→decided 01-20→03-03 = 11 + 28
    /// + 3 = 42; PI→decision 02-24→08-11 = 4+31+30+31+30+31+11 = 168. 26 weeks: due 02-24 + 181 =
    /// 08-24, decided 08-11 → met.
    static let j05 = Journey(
        reference: "HW-API-05",
        profile: #"{"sex":"male","ethnicity":"APKN","sibling_group_size":1,"disability":true,"unborn":false}"#,
        milestones: [
            ("birth", "2022-05-16", nil),
            ("plo_pre_proceedings", "2025-01-20", nil),
            ("proceedings_issued", "2025-02-24", nil),
            ("entered_care", "2025-02-24", nil),
            ("interim_placement", "2025-02-24", foster),
            ("ep_consideration", "2025-03-03", notSuitable),
            ("court_decision", "2025-08-11", court("care_order")),
        ]
    )

    /// J06 — FfA placement that ended early (the carers withdrew), then a placement order.
    /// Start 04-22 (PLO), state placement_order (the ended EP placement is not ep_placed). Born
    /// 04-14 → under_1_month. conversion: rec 05-06 → Q2; due EC 05-21 + 14 = 06-04, placed 05-21
    /// → placed. share: PO 11-03 → Q4, in foster care that day → no. considered: PI 05-19 → Q2,
    /// decided. SoP→decided 04-22→05-06 = 8 + 6 = 14; rec→placement 05-06→05-21 = 15;
    /// PI→decision 05-19→11-03 = 12+30+31+31+30+31+3 = 168; age at placement 04-14→05-21 = 16 +
    /// 21 = 37. First EP placement Q2, outcome ended_early. 26 weeks: due 05-19 + 181 = 11-16,
    /// decided 11-03 → met. Formal match: due 2026-03-03, outside 2025. Family time: 1 attended.
    static let j06 = Journey(reference: "HW-API-06", milestones: [
        ("birth", "2025-04-14", nil),
        ("plo_pre_proceedings", "2025-04-22", nil),
        ("ep_consideration", "2025-05-06", recommended),
        ("ep_carers_linked", "2025-05-12", dual),
        ("proceedings_issued", "2025-05-19", nil),
        ("entered_care", "2025-05-21", nil),
        ("ep_placement", "2025-05-21", ep("ffa", from: "birth_family")),
        ("family_time", "2025-05-28", attended),
        ("interim_placement", "2025-07-07", foster),
        ("court_decision", "2025-11-03", placementOrder),
    ])

    /// J07 — urgent proceedings, concurrency from foster care, then home to mum.
    /// Start 02-03 (PI, no PLO), state reunified (home, the court has decided). Born 01-20 →
    /// under_1_month. conversion: rec 02-10 → Q1; due 02-24, placed 02-17 → placed. considered:
    /// PI 02-03 → Q1, decided. SoP→decided 02-03→02-10 = 7; rec→placement 02-10→02-17 = 7;
    /// PI→decision (return home) 02-03→07-28 = 25+31+30+31+30+28 = 175; age at placement
    /// 01-20→02-17 = 11 + 17 = 28. First EP placement Q1, outcome reunified. 26 weeks: due 02-03 +
    /// 181 = 08-03, decided 07-28 → met. Family time: 2 attended, 1 cancelled by the family.
    static let j07 = Journey(reference: "HW-API-07", milestones: [
        ("birth", "2025-01-20", nil),
        ("proceedings_issued", "2025-02-03", nil),
        ("entered_care", "2025-02-03", nil),
        ("interim_placement", "2025-02-03", foster),
        ("ep_consideration", "2025-02-10", recommended),
        ("ep_carers_linked", "2025-02-12", dual),
        ("ep_placement", "2025-02-17", ep("concurrency", from: "interim_care")),
        ("family_time_plan", "2025-02-18", nil),
        ("family_time", "2025-02-24", attended),
        ("family_time", "2025-03-03", attended),
        ("family_time", "2025-03-10", cancelledByFamily),
        ("court_decision", "2025-07-28", court("return_home")),
        ("reunification_plan", "2025-07-29", nil),
        ("reunification", "2025-08-04", nil),
    ])

    /// J08 — consensual: the mother asks for adoption, FfA, consent to placement given later;
    /// no proceedings, no placement order; placed for adoption with the EP carers.
    /// Start 05-06 (adoption request), state formally_matched. Born 05-05 → under_1_month.
    /// conversion: rec 05-09 → Q2; due 05-09 + 14 = 05-23, placed 05-19 → placed. share: consent
    /// 07-07 → Q3, with the EP carers → yes. considered: adoption request 05-06 → Q2, decided.
    /// SoP→decided 05-06→05-09 = 3; rec→placement 05-09→05-19 = 10; no PI; no A2 (no placement
    /// order); A10 EC 05-07 → the EP placement 05-19 = 12 (counted on placed_for_adoption,
    /// 09-15); age at placement 05-05→05-19 = 14. First EP placement Q2, outcome
    /// matched_with_ep_carers (no adoption order). 26 weeks not applicable. Formal match: due
    /// consent 07-07 + 4 months = 11-07, matched 09-08 → met.
    static let j08 = Journey(reference: "HW-API-08", milestones: [
        ("birth", "2025-05-05", nil),
        ("adoption_request", "2025-05-06", nil),
        ("entered_care", "2025-05-07", nil),
        ("interim_placement", "2025-05-07", foster),
        ("ep_consideration", "2025-05-09", recommended),
        ("ep_carers_linked", "2025-05-14", dual),
        ("ep_placement", "2025-05-19", ep("ffa", from: "interim_care")),
        ("placement_consent", "2025-07-07", #"{"outcome":"given"}"#),
        ("adoption_panel", "2025-09-01", panelYes),
        ("adm_match_decision", "2025-09-08", matchEPCarers),
        ("placed_for_adoption", "2025-09-15", nil),
    ])

    /// J09 — mixed-heritage baby referred unborn (expected June 2025); pre-birth conference, EP
    /// recommended before the birth, FfA from hospital, placement order.
    /// Start 03-10 (pre-birth conference), state placement_order. Age band unborn. conversion:
    /// rec 04-07 → Q2; due latest(rec, birth 06-09, EC 06-11) + 14 = 06-25, placed 06-11 →
    /// placed. share: PO 11-24 → Q4, with the EP carers → yes. considered: PI 06-10 → Q2,
    /// decided. SoP→decided 03-10→04-07 = 21 + 7 = 28; rec→placement counted from the birth (rec
    /// before it) 06-09→06-11 = 2; PI→decision 06-10→11-24 = 20+31+31+30+31+24 = 167; age at
    /// placement 2. First EP placement Q2, outcome still_open. 26 weeks: due 06-10 + 181 = 12-08,
    /// decided 11-24 → met. Formal match: due 2026-03-24, outside 2025. Family time: 1 attended.
    static let j09 = Journey(
        reference: "HW-API-09",
        profile: #"{"sex":"not_known","ethnicity":"MWBC","sibling_group_size":1,"disability":false,"unborn":true,"expected_birth_month":"2025-06"}"#,
        milestones: [
            ("pre_birth_conference", "2025-03-10", nil),
            ("plo_pre_proceedings", "2025-03-17", nil),
            ("ep_consideration", "2025-04-07", recommended),
            ("ep_carers_linked", "2025-04-14", dual),
            ("birth", "2025-06-09", nil),
            ("proceedings_issued", "2025-06-10", nil),
            ("entered_care", "2025-06-11", nil),
            ("ep_placement", "2025-06-11", ep("ffa", from: "hospital")),
            ("family_time", "2025-06-18", attended),
            ("court_decision", "2025-11-24", placementOrder),
        ]
    )

    /// J10 — EP recommended in pre-proceedings, the baby still at home: conversion pending.
    /// Start 11-03 (PLO), state pre_proceedings. Born 09-01, +1 month 10-01 ≤ 11-03 < +6 months →
    /// 1_to_6_months. conversion: rec 11-24 → Q4, not looked after → pending. considered: no
    /// proceedings, request or authority → not in it. SoP→decided 11-03→11-24 = 21.
    static let j10 = Journey(reference: "HW-API-10", milestones: [
        ("birth", "2025-09-01", nil),
        ("plo_pre_proceedings", "2025-11-03", nil),
        ("ep_consideration", "2025-11-24", recommended),
    ])

    /// J11 — concurrency with carers approved under Reg 25A, placed late; still open.
    /// Start 07-07 (PLO), state ep_placed. Born 06-30 → under_1_month. conversion: rec 07-28 →
    /// Q3; due latest(rec 07-28, EC 07-21) + 14 = 08-11, placed 08-18 (late, still placed) →
    /// placed. considered: PI 07-21 → Q3, decided. SoP→decided 07-07→07-28 = 21; rec→placement
    /// 07-28→08-18 = 3 + 18 = 21; age at placement 06-30→08-18 = 0 left in June + 31 + 18 = 49.
    /// First EP placement Q3, outcome still_open. 26 weeks: due 07-21 + 181 = 2026-01-18,
    /// outside 2025 (it is overdue by the as-of date, but not counted in 2025). Family time: 2
    /// attended, 1 cancelled by the agency.
    static let j11 = Journey(reference: "HW-API-11", milestones: [
        ("birth", "2025-06-30", nil),
        ("plo_pre_proceedings", "2025-07-07", nil),
        ("proceedings_issued", "2025-07-21", nil),
        ("entered_care", "2025-07-21", nil),
        ("interim_placement", "2025-07-21", foster),
        ("ep_consideration", "2025-07-28", recommended),
        ("ep_carers_linked", "2025-08-04", #"{"route":"reg25a"}"#),
        ("reg25a_decision", "2025-08-08", #"{"outcome":"approved"}"#),
        ("ep_placement", "2025-08-18", ep("concurrency", from: "interim_care")),
        ("family_time_plan", "2025-08-20", nil),
        ("family_time", "2025-08-27", attended),
        ("family_time", "2025-09-03", cancelledByAgency),
        ("family_time", "2025-09-10", attended),
    ])

    /// J12 — planning began in 2024 (FfA in September 2024); placement order, match and adoption
    /// order in 2025.
    /// Start 2024-08-12: not in cases_by_state; rec and first EP placement in 2024: not in
    /// conversion, ep_placements or outcomes; PI 2024-09-09: not in considered. share: PO 02-24 →
    /// Q1, with the EP carers → yes (born 2024-08-05, start 2024-08-12 → under_1_month).
    /// PI→decision 2024-09-09→2025-02-24 = 21+31+30+31+31+24 = 168 (at 02-24); A2 02-24→03-31 =
    /// 4 + 31 = 35 (at 03-31); A10 EC 2024-09-11 → the EP placement 2024-09-11 = 0 (at the match
    /// 03-31). 26 weeks: due 2024-09-09 + 181 = 2025-03-09, decided 02-24 → met. Formal match: due
    /// 02-24 + 4 months = 06-24, matched 03-31 → met.
    static let j12 = Journey(reference: "HW-API-12", milestones: [
        ("birth", "2024-08-05", nil),
        ("plo_pre_proceedings", "2024-08-12", nil),
        ("ep_consideration", "2024-08-26", recommended),
        ("ep_carers_linked", "2024-09-02", dual),
        ("proceedings_issued", "2024-09-09", nil),
        ("entered_care", "2024-09-11", nil),
        ("ep_placement", "2024-09-11", ep("ffa", from: "birth_family")),
        ("court_decision", "2025-02-24", placementOrder),
        ("adoption_panel", "2025-03-24", panelYes),
        ("adm_match_decision", "2025-03-31", matchEPCarers),
        ("adoption_order", "2025-09-22", nil),
    ])

    /// J13 — EP recommended but no EP carers found; matched with and placed with other adopters.
    /// Start 01-06 (PLO), state formally_matched. Born 2024-11-04, +1 month 12-04 ≤ 01-06 < +6
    /// months → 1_to_6_months. conversion: rec 02-17 → Q1; due 03-03, never placed with EP
    /// carers → denominator only. share: PO 07-14 → Q3, in foster care → no. considered: PI
    /// 01-27 → Q1, decided. SoP→decided 01-06→02-17 = 25 + 17 = 42; PI→decision 01-27→07-14 =
    /// 4+28+31+30+31+30+14 = 168; A2 07-14→10-20 = 17+31+30+20 = 98 (at 10-20); A10 EC 01-27 →
    /// placed for adoption 11-03 = 4+28+31+30+31+30+31+31+30+31+3 = 280 (at 11-03). 26 weeks: due
    /// 01-27 + 181 = 07-27, decided 07-14 → met. Formal match: due 07-14 + 4 months = 11-14,
    /// matched 10-20 → met. Family time: 1 cancelled by the family.
    static let j13 = Journey(reference: "HW-API-13", milestones: [
        ("birth", "2024-11-04", nil),
        ("plo_pre_proceedings", "2025-01-06", nil),
        ("proceedings_issued", "2025-01-27", nil),
        ("entered_care", "2025-01-27", nil),
        ("interim_placement", "2025-01-27", foster),
        ("family_time", "2025-02-03", cancelledByFamily),
        ("ep_consideration", "2025-02-17", recommended),
        ("court_decision", "2025-07-14", placementOrder),
        ("adoption_panel", "2025-10-06", panelYes),
        ("adm_match_decision", "2025-10-20", #"{"outcome":"approved","adopters":"other"}"#),
        ("placed_for_adoption", "2025-11-03", nil),
    ])

    static let journeys = [j01, j02, j03, j04, j05, j06, j07, j08, j09, j10, j11, j12, j13]

    /// One expected row: a count or a number of days (`value`), or a rate (numerator over
    /// denominator, its value their quotient).
    enum Expected: Equatable, CustomStringConvertible {
        case value(Double)
        case rate(Int, Int)

        var description: String {
            switch self {
            case .value(let value): "\(value)"
            case .rate(let numerator, let denominator): "\(numerator)/\(denominator)"
            }
        }
    }

    /// Every published row of the figures asserted in full that is not zero (or, for a rate,
    /// not 0/0), keyed "figure|breakdown|period|statistic", worked out by hand from the notes
    /// above. Any row of these figures missing here must be 0, 0/0 or empty.
    static let expected: [String: Expected] = {
        var rows: [String: Expected] = [:]
        func count(_ key: String, _ value: Int) { rows[key] = .value(Double(value)) }
        func days(_ key: String, _ value: Int) { rows[key] = .value(Double(value)) }
        func rate(_ key: String, _ numerator: Int, _ denominator: Int) { rows[key] = .rate(numerator, denominator) }

        // cases_by_state: every child whose start is in 2025, all but J12 (2024) → 12.
        count("cases_by_state|||count", 12)
        count("cases_by_state|state=pre_proceedings||count", 1)     // J10
        count("cases_by_state|state=in_proceedings||count", 1)      // J04
        count("cases_by_state|state=ep_placed||count", 1)           // J11
        count("cases_by_state|state=placement_order||count", 2)     // J06 (EP placement ended), J09
        count("cases_by_state|state=formally_matched||count", 3)    // J02, J08, J13
        count("cases_by_state|state=adopted||count", 1)             // J01
        count("cases_by_state|state=reunified||count", 1)           // J07
        count("cases_by_state|state=other_permanence||count", 2)    // J03 (SGO), J05 (care order)
        // 1 + 1 + 1 + 2 + 3 + 1 + 1 + 2 = 12; pre_birth and closed 0.

        // ep_placements: first EP placements in 2025. Q1 J01 (02-12), J07 (02-17); Q2 J02
        // (04-09), J08 (05-19), J06 (05-21), J09 (06-11); Q3 J11 (08-18); Q4 none. J12's was in
        // 2024. 2 + 4 + 1 = 7.
        count("ep_placements|||count", 7)
        count("ep_placements||2025-Q1|count", 2)
        count("ep_placements||2025-Q2|count", 4)
        count("ep_placements||2025-Q3|count", 1)

        // ep_placement_outcomes of those 7: adopted J01; matched J02, J08; reunified J07; ended
        // early J06; still open J09, J11; other none. 1 + 2 + 1 + 1 + 2 = 7.
        count("ep_placement_outcomes|||count", 7)
        count("ep_placement_outcomes|outcome=adopted_by_ep_carers||count", 1)
        count("ep_placement_outcomes|outcome=matched_with_ep_carers||count", 2)
        count("ep_placement_outcomes|outcome=reunified||count", 1)
        count("ep_placement_outcomes|outcome=ended_early||count", 1)
        count("ep_placement_outcomes|outcome=still_open||count", 2)

        // ep_conversion: first recommended in 2025, standing: J01 J02 J07 J13 (Q1), J06 J08 J09
        // (Q2), J11 (Q3), J10 (Q4). J03's was withdrawn; J12's was in 2024. Placed: all but J13
        // (denominator only) and J10 (pending). Q1 3/4; Q2 3/3; Q3 1/1; Q4 0/0 + 1 pending.
        rate("ep_conversion|||rate", 7, 8)
        count("ep_conversion|||pending", 1)
        rate("ep_conversion||2025-Q1|rate", 3, 4)
        rate("ep_conversion||2025-Q2|rate", 3, 3)
        rate("ep_conversion||2025-Q3|rate", 1, 1)
        count("ep_conversion||2025-Q4|pending", 1)
        // Ethnicity: mixed J09 1/1; white the rest, 6/7 + J10 pending.
        rate("ep_conversion|ethnicity_group=white||rate", 6, 7)
        count("ep_conversion|ethnicity_group=white||pending", 1)
        rate("ep_conversion|ethnicity_group=mixed||rate", 1, 1)
        // Age band: unborn J09 1/1; under 1 month J01 J02 J06 J07 J08 J11 6/6; 1–6 months J13
        // 0/1, J10 pending. (1 + 6 + 0 = 7; 1 + 6 + 1 = 8.)
        rate("ep_conversion|age_band=unborn||rate", 1, 1)
        rate("ep_conversion|age_band=under_1_month||rate", 6, 6)
        rate("ep_conversion|age_band=1_to_6_months||rate", 0, 1)
        count("ep_conversion|age_band=1_to_6_months||pending", 1)
        // All single, none disabled: 7/8, 1 pending.
        rate("ep_conversion|sibling_group=1||rate", 7, 8)
        count("ep_conversion|sibling_group=1||pending", 1)
        rate("ep_conversion|disability=no||rate", 7, 8)
        count("ep_conversion|disability=no||pending", 1)

        // ep_share: authority first in 2025. Q1 J12 yes → 1/1; Q2 none; Q3 J01, J02, J08
        // (consent) yes, J13 no → 3/4; Q4 J09 yes, J06 no → 1/2. Total 5/7. No pending rows.
        rate("ep_share|||rate", 5, 7)
        rate("ep_share||2025-Q1|rate", 1, 1)
        rate("ep_share||2025-Q3|rate", 3, 4)
        rate("ep_share||2025-Q4|rate", 1, 2)
        // Ethnicity: mixed J09 1/1; white J01 J02 J08 J12 yes, J06 J13 no → 4/6.
        rate("ep_share|ethnicity_group=white||rate", 4, 6)
        rate("ep_share|ethnicity_group=mixed||rate", 1, 1)
        // Age band: unborn J09 1/1; under 1 month J01 J02 J08 J12 yes, J06 no → 4/5; 1–6 months
        // J13 no → 0/1.
        rate("ep_share|age_band=unborn||rate", 1, 1)
        rate("ep_share|age_band=under_1_month||rate", 4, 5)
        rate("ep_share|age_band=1_to_6_months||rate", 0, 1)
        rate("ep_share|sibling_group=1||rate", 5, 7)
        rate("ep_share|disability=no||rate", 5, 7)

        // ep_considered: adoption plan first in view in 2025. Q1 J01 J03 J05 J07 J13 decided →
        // 5/5; Q2 J02 J06 J08 J09 decided, J04 not (deferred only, long overdue) → 4/5; Q3 J11
        // → 1/1; Q4 none. Total 10/11, nothing pending (J10 has no plan in view; J12's was 2024).
        rate("ep_considered|||rate", 10, 11)
        rate("ep_considered||2025-Q1|rate", 5, 5)
        rate("ep_considered||2025-Q2|rate", 4, 5)
        rate("ep_considered||2025-Q3|rate", 1, 1)
        // Ethnicity: white J01 J02 J06 J07 J08 J11 J13 yes, J04 no → 7/8; black J03, asian J05,
        // mixed J09 → 1/1 each. (7 + 3 = 10; 8 + 3 = 11.)
        rate("ep_considered|ethnicity_group=white||rate", 7, 8)
        rate("ep_considered|ethnicity_group=mixed||rate", 1, 1)
        rate("ep_considered|ethnicity_group=asian||rate", 1, 1)
        rate("ep_considered|ethnicity_group=black||rate", 1, 1)
        // Age band: unborn J09 1/1; under 1 month J01 J02 J06 J07 J08 J11 6/6; 1–6 months J03
        // J13 2/2; 1–2 years J04 0/1; 2 years and over J05 1/1.
        rate("ep_considered|age_band=unborn||rate", 1, 1)
        rate("ep_considered|age_band=under_1_month||rate", 6, 6)
        rate("ep_considered|age_band=1_to_6_months||rate", 2, 2)
        rate("ep_considered|age_band=1_to_2_years||rate", 0, 1)
        rate("ep_considered|age_band=2_years_and_over||rate", 1, 1)
        // Siblings: J03 2_plus 1/1, single 9/10. Disability: J05 1/1, none 9/10.
        rate("ep_considered|sibling_group=1||rate", 9, 10)
        rate("ep_considered|sibling_group=2_plus||rate", 1, 1)
        rate("ep_considered|disability=no||rate", 9, 10)
        rate("ep_considered|disability=yes||rate", 1, 1)

        // duration_days, nearest rank: median rank ⌈n/2⌉, p90 rank ⌈0.9 n⌉.
        // SoP→decided, at decisions in 2025: J08 3, J07 7, J01 14, J02 14, J06 14, J10 21, J11
        // 21, J09 28, J03 35, J05 42, J13 42 → n 11; median rank 6 = 21; p90 rank ⌈9.9⌉ = 10 = 42.
        count("duration_days|measure=start_of_planning_to_ep_decided||n", 11)
        days("duration_days|measure=start_of_planning_to_ep_decided||median", 21)
        days("duration_days|measure=start_of_planning_to_ep_decided||p90", 42)
        // rec→placement, at placements in 2025: J09 2, J07 7, J08 10, J06 15, J01 16, J02 16,
        // J11 21 → n 7; median rank 4 = 15; p90 rank ⌈6.3⌉ = 7 = 21.
        count("duration_days|measure=ep_recommended_to_ep_placement||n", 7)
        days("duration_days|measure=ep_recommended_to_ep_placement||median", 15)
        days("duration_days|measure=ep_recommended_to_ep_placement||p90", 21)
        // PI→decision, at decisions in 2025: J01 161, J09 167, J03 J05 J06 J12 J13 168, J02 J07
        // 175 → n 9; median rank 5 = 168; p90 rank ⌈8.1⌉ = 9 = 175.
        count("duration_days|measure=proceedings_issued_to_court_decision||n", 9)
        days("duration_days|measure=proceedings_issued_to_court_decision||median", 168)
        days("duration_days|measure=proceedings_issued_to_court_decision||p90", 175)
        // A2, at matches in 2025: J01 28, J12 35, J02 42, J13 98 → n 4; median rank 2 = 35; p90
        // rank ⌈3.6⌉ = 4 = 98; mean 203 / 4 = 50.75 → 51.
        count("duration_days|measure=placement_order_to_formal_match||n", 4)
        days("duration_days|measure=placement_order_to_formal_match||median", 35)
        days("duration_days|measure=placement_order_to_formal_match||p90", 98)
        days("duration_days|measure=placement_order_to_formal_match||mean", 51)
        // A10, placed for adoption in 2025: J01 0, J02 0, J12 0, J08 12, J13 280 → n 5; median
        // rank 3 = 0 (a zero-day median: its row is in this table as 0); p90 rank ⌈4.5⌉ = 5 =
        // 280; mean 292 / 5 = 58.4 → 58.
        count("duration_days|measure=entry_to_care_to_moving_in||n", 5)
        days("duration_days|measure=entry_to_care_to_moving_in||median", 0)
        days("duration_days|measure=entry_to_care_to_moving_in||p90", 280)
        days("duration_days|measure=entry_to_care_to_moving_in||mean", 58)
        // Age at first EP placement in 2025: J09 2, J08 14, J07 28, J01 37, J02 37, J06 37, J11
        // 49 → n 7; median rank 4 = 37; p90 rank 7 = 49.
        count("duration_days|measure=age_at_ep_placement||n", 7)
        days("duration_days|measure=age_at_ep_placement||median", 37)
        days("duration_days|measure=age_at_ep_placement||p90", 49)

        // family_time in 2025: attended J01 2, J02 2, J03 1, J04 1, J06 1, J07 2, J09 1, J11 2 =
        // 12; cancelled by the family J02, J07, J13 = 3; by the agency J03, J11 = 2; not
        // attended J04 = 1. 12 + 3 + 2 + 1 = 18.
        count("family_time|||count", 18)
        count("family_time|status=attended||count", 12)
        count("family_time|status=cancelled_by_family||count", 3)
        count("family_time|status=cancelled_by_agency||count", 2)
        count("family_time|status=not_attended||count", 1)

        // rule_compliance, the two rules worked by hand (results by the period of the due day).
        // S2-26-weeks: due in 2025: met J01 J02 J03 J05 J06 J07 J09 J12 J13 (9), overdue J04 (1);
        // J11's is due 2026-01-18, J08 and J10 have no proceedings → 9/10, nothing pending.
        count("rule_compliance|rule=S2-26-weeks||met", 9)
        count("rule_compliance|rule=S2-26-weeks||overdue", 1)
        rate("rule_compliance|rule=S2-26-weeks||rate", 9, 10)
        // S4-formal-match-timely: due in 2025: J12 (06-24), J08 (11-07), J13 (11-14), J01
        // (11-21), all met; J02, J06, J09 due in 2026 → 4/4.
        count("rule_compliance|rule=S4-formal-match-timely||met", 4)
        rate("rule_compliance|rule=S4-formal-match-timely||rate", 4, 4)
        // S2-ep-before-issue (order: where there was PLO, EP decided on or before the issue day;
        // counted on the issue day, or on the PLO day while nothing is issued): met J01 (01-27
        // before 02-10), J02 (03-24 / 04-07), J06 (05-06 / 05-19), J09 (04-07 / 06-10), J10
        // (decided 11-24 in pre-proceedings, counted on the PLO day 11-03) = 5; late J03 (03-10
        // after 03-03), J05 (03-03 after 02-24), J11 (07-28 after 07-21), J13 (02-17 after 01-27)
        // = 4; overdue J04 (issued 05-12, only deferred) = 1. J07 and J08 had no PLO; J12's issue
        // day is in 2024 → 5/10.
        count("rule_compliance|rule=S2-ep-before-issue||met", 5)
        count("rule_compliance|rule=S2-ep-before-issue||late", 4)
        count("rule_compliance|rule=S2-ep-before-issue||overdue", 1)
        rate("rule_compliance|rule=S2-ep-before-issue||rate", 5, 10)
        // S4-approval-before-placement (order, counted on the placement day): each EP placement
        // in 2025 came after its carers' approval (dual approval: J01, J02, J06, J07, J08, J09;
        // Reg 25A approval 08-08 before the placement 08-18: J11) → 7 met; J12's placement was in
        // 2024 → 7/7.
        count("rule_compliance|rule=S4-approval-before-placement||met", 7)
        rate("rule_compliance|rule=S4-approval-before-placement||rate", 7, 7)
        // S7-reunification-planned (order, counted on the return home): J07's plan 07-29 before
        // going home 08-04 → met; no other child went home or had a return home decided → 1/1.
        count("rule_compliance|rule=S7-reunification-planned||met", 1)
        rate("rule_compliance|rule=S7-reunification-planned||rate", 1, 1)
        return rows
    }()

    /// The figures asserted in full: every row, zero rows included.
    static let fullyAsserted: Set = [
        "cases_by_state", "ep_placements", "ep_placement_outcomes", "ep_conversion", "ep_share",
        "ep_considered", "duration_days", "family_time",
    ]
    /// The rules whose rows are worked out by hand.
    static let handWorkedRules: Set = [
        "rule=S2-26-weeks", "rule=S4-formal-match-timely", "rule=S2-ep-before-issue",
        "rule=S4-approval-before-placement", "rule=S7-reunification-planned",
    ]

    static func number(_ any: Any?) -> Double? { (any as? NSNumber)?.doubleValue }

    /// 2 February 2026, 10:00 in London (GMT): after the as-of date, so nothing recorded is in
    /// the future, and before the test tokens expire.
    static let now = Date(timeIntervalSince1970: 1_770_026_400)

    @Test(arguments: TestDatabase.all)
    func everyPublishedFigureMatchesTheHandWorkedValues(database: TestDatabase) async throws {
        try await TestWorld.run(on: database, now: Self.now) { world, client in
            for journey in Self.journeys {
                let opened = try await client.send(.post, "/v1/cases", as: .northshireSocialWorker, in: world, json: """
                    {"reference":"\(journey.reference)","local_authority":"\(TestWorld.northshire)","profile":\(journey.profile)}
                    """)
                try #require(opened.status == .created, "\(journey.reference): \(opened.text)")
                let id = try #require(try opened.object()["id"] as? String)
                for (kind, day, details) in journey.milestones {
                    let recorded = try await client.record(kind, on: day, details: details, caseID: id, in: world)
                    try #require(recorded.status == .created, "\(journey.reference) \(kind) \(day): \(recorded.text)")
                }
            }

            let query = "/v1/dashboards/summary?from=2025-01-01&to=2025-12-31&as_of=2026-01-31"
            let response = try await client.send(.get, query, as: .northshireLeader, in: world)
            try #require(response.status == .ok, "\(response.text)")
            let body = try response.object()
            #expect(body["small_numbers_suppressed"] as? Bool == false)
            let figures = try #require(body["figures"] as? [[String: Any]])

            var seen: Set<String> = []
            for row in figures {
                let figure = row["figure"] as? String ?? "?"
                let breakdown = row["breakdown"] as? String ?? ""
                let key = "\(figure)|\(breakdown)|\(row["period"] as? String ?? "")|\(row["statistic"] as? String ?? "")"
                #expect(row["suppressed"] as? Bool == false, "\(key) is exact in the LA's own view")
                guard Self.fullyAsserted.contains(figure) || (figure == "rule_compliance" && Self.handWorkedRules.contains(breakdown)) else { continue }
                #expect(!seen.contains(key), "\(key) published twice")
                seen.insert(key)
                let value = Self.number(row["value"])
                let numerator = Self.number(row["numerator"])
                let denominator = Self.number(row["denominator"])
                switch Self.expected[key] {
                case .value(let expected)?:
                    #expect(value == expected, "\(key): published \(String(describing: value)), worked out \(expected)")
                case .rate(let n, let d)?:
                    #expect(numerator == Double(n) && denominator == Double(d),
                            "\(key): published \(String(describing: numerator))/\(String(describing: denominator)), worked out \(n)/\(d)")
                    // The quotient, to the last digit or so a JSON round trip may change.
                    #expect(value.map { abs($0 - Double(n) / Double(d)) < 1e-12 } == true, "\(key): value \(String(describing: value))")
                case nil:
                    // Not in the table: nothing counted (0, 0/0, or no median of no lengths).
                    if row["statistic"] as? String == "rate" {
                        #expect((numerator ?? 0) == 0 && (denominator ?? 0) == 0 && value == nil,
                                "\(key): published \(String(describing: numerator))/\(String(describing: denominator)), worked out 0/0")
                    } else {
                        #expect(value == nil || value == 0, "\(key): published \(String(describing: value)), worked out 0")
                    }
                }
            }
            for key in Self.expected.keys.sorted() where !seen.contains(key) {
                Issue.record("\(key) was worked out by hand but not published")
            }
            // Every rule of the policy has its five rows (met, late, overdue, pending, rate).
            let rules = Set(figures.filter { $0["figure"] as? String == "rule_compliance" }.compactMap { $0["breakdown"] as? String })
            #expect(rules.isSuperset(of: Self.handWorkedRules))
            #expect(figures.filter { $0["figure"] as? String == "rule_compliance" }.count == 5 * rules.count)

            // The CSV is the same figures: one line each under the header.
            let csv = try await client.send(.get, query, as: .northshireLeader, in: world, headers: [.accept: "text/csv"])
            #expect(csv.status == .ok)
            let lines = csv.text.split(whereSeparator: \.isNewline)
            #expect(lines.first == "figure,breakdown,period,statistic,value,numerator,denominator,suppressed")
            #expect(lines.count - 1 == figures.count, "CSV rows \(lines.count - 1), JSON rows \(figures.count)")
        }
    }
}
