import EPDomain
import Testing

/// S4-formal-match-timely: the ADM's formal match within 4 months of authority to place, a
/// placement order or consent to placement given (warning 1 month).
@Suite struct S4FormalMatchTimelyTests {
    static let rule = "S4-formal-match-timely"

    /// Placement order on Thu 2024-10-31: 4 months → 31 February does not exist, so the last day
    /// of February, 2025-02-28. The warning opens a month before, 2025-01-28.
    func placementOrder() -> JourneyBuilder {
        var builder = JourneyBuilder(reference: "EP-2024-066", profile: ChildProfile(sex: .male, ethnicity: .MWBC))
        builder.record(.birth, "2024-03-05")
        builder.record(.proceedingsIssued, "2024-05-13")
        builder.record(.enteredCare, "2024-05-13")
        builder.record(.courtDecision, "2024-10-31", .placementOrder)
        return builder
    }

    @Test func pendingOnTheLastDayBeforeTheWarningWindow() {
        // 2025-01-27 → 2025-02-28: 4 days to 31 January, then 28.
        expectResult(placementOrder().result(Self.rule, asOf: "2025-01-27"), .pending, anchor: "2024-10-31", due: "2025-02-28", remaining: 32, mentions: ["2025-02-28"])
    }

    @Test func dueSoonOnTheFirstDayOfTheWarningWindow() {
        expectResult(placementOrder().result(Self.rule, asOf: "2025-01-28"), .dueSoon, anchor: "2024-10-31", due: "2025-02-28", remaining: 31, mentions: ["2025-02-28"])
    }

    @Test func dueSoonOnTheLastDayOfFebruary() {
        expectResult(placementOrder().result(Self.rule, asOf: "2025-02-28"), .dueSoon, anchor: "2024-10-31", due: "2025-02-28", remaining: 0, mentions: ["2025-02-28"])
    }

    @Test func overdueOnTheFirstOfMarch() {
        expectResult(placementOrder().result(Self.rule, asOf: "2025-03-01"), .overdue, anchor: "2024-10-31", due: "2025-02-28", overdue: 1, mentions: ["2025-02-28"])
    }

    @Test func metWhenMatchedOnTheLastDayOfFebruary() {
        var builder = placementOrder()
        builder.record(.adoptionPanel, "2025-02-20", .panelRecommended)
        builder.record(.admMatchDecision, "2025-02-28", .matchedWithOtherAdopters)
        expectResult(builder.result(Self.rule, asOf: "2025-03-10"), .met, anchor: "2024-10-31", due: "2025-02-28", mentions: ["2025-02-28"])
    }

    @Test func lateWhenMatchedTwoWeeksIntoMarch() {
        var builder = placementOrder()
        builder.record(.adoptionPanel, "2025-03-06", .panelRecommended)
        builder.record(.admMatchDecision, "2025-03-14", .matchedWithOtherAdopters)
        expectResult(builder.result(Self.rule, asOf: "2025-03-20"), .late, anchor: "2024-10-31", due: "2025-02-28", overdue: 14, mentions: ["2025-03-14", "2025-02-28"])
    }

    /// A declined match is not a match: still overdue on 2025-03-03 (3 days).
    @Test func overdueWhenTheADMDeclinedTheMatch() {
        var builder = placementOrder()
        builder.record(.adoptionPanel, "2025-02-13", .panelRecommended)
        builder.record(.admMatchDecision, "2025-02-20", .admMatchDecision(outcome: .declined, adopters: .other))
        expectResult(builder.result(Self.rule, asOf: "2025-03-03"), .overdue, anchor: "2024-10-31", due: "2025-02-28", overdue: 3, mentions: ["2025-02-28"])
    }

    /// Leap year: placement order Tue 2023-10-31 + 4 months → 2024-02-29.
    func leapYearOrder() -> JourneyBuilder {
        var builder = JourneyBuilder(reference: "EP-2023-091", profile: ChildProfile(sex: .female, ethnicity: .WBRI))
        builder.record(.birth, "2023-03-01")
        builder.record(.proceedingsIssued, "2023-05-08")
        builder.record(.courtDecision, "2023-10-31", .placementOrder)
        builder.record(.adoptionPanel, "2024-02-22", .panelRecommended)
        return builder
    }

    @Test func metWhenMatchedOnTheLeapDay() {
        var builder = leapYearOrder()
        builder.record(.admMatchDecision, "2024-02-29", .matchedWithOtherAdopters)
        expectResult(builder.result(Self.rule, asOf: "2024-03-10"), .met, anchor: "2023-10-31", due: "2024-02-29", mentions: ["2024-02-29"])
    }

    @Test func lateWhenMatchedTheDayAfterTheLeapDay() {
        var builder = leapYearOrder()
        builder.record(.admMatchDecision, "2024-03-01", .matchedWithOtherAdopters)
        expectResult(builder.result(Self.rule, asOf: "2024-03-10"), .late, anchor: "2023-10-31", due: "2024-02-29", overdue: 1, mentions: ["2024-03-01", "2024-02-29"])
    }

    /// A consensual adoption: mother asked for adoption on 2025-01-10, and gave her consent to
    /// placement (Adoption and Children Act 2002 s.19) on Mon 2025-02-24: authority to place from
    /// that day, so the match is due by 2025-06-24.
    func consented() -> JourneyBuilder {
        var builder = JourneyBuilder(reference: "EP-2025-092", profile: ChildProfile(sex: .female, ethnicity: .WBRI))
        builder.record(.birth, "2025-01-08")
        builder.record(.adoptionRequest, "2025-01-10")
        builder.record(.enteredCare, "2025-01-14")
        builder.record(.section19Application, "2025-02-10")
        builder.record(.placementConsent, "2025-02-24", .consentGiven)
        return builder
    }

    @Test func theClockRunsFromConsentToPlacement() {
        expectResult(consented().result(Self.rule, asOf: "2025-06-25"), .overdue, anchor: "2025-02-24", due: "2025-06-24", overdue: 1, mentions: ["consent to placement"])
        var builder = consented()
        builder.record(.adoptionPanel, "2025-05-12", .panelRecommended)
        builder.record(.admMatchDecision, "2025-05-19", .matchedWithEPCarers)
        expectResult(builder.result(Self.rule, asOf: "2025-06-25"), .met, anchor: "2025-02-24", due: "2025-06-24", mentions: ["2025-05-19"])
    }

    /// A section 19 application asks the court for guidance: it is not authority to place.
    @Test func notApplicableOnASection19ApplicationAlone() {
        var builder = JourneyBuilder(reference: "EP-2025-093", profile: ChildProfile(sex: .female, ethnicity: .WBRI))
        builder.record(.birth, "2025-01-08")
        builder.record(.section19Application, "2025-02-10")
        expectResult(builder.result(Self.rule, asOf: "2025-07-01"), .notApplicable, anchor: nil, due: nil, mentions: ["no authority to place"])
    }

    @Test func notApplicableOnceConsentIsWithdrawn() {
        var builder = consented()
        builder.record(.placementConsent, "2025-03-10", .consentWithdrawn)
        expectResult(builder.result(Self.rule, asOf: "2025-07-01"), .notApplicable, anchor: nil, due: nil, mentions: ["withdrawn on 2025-03-10"])
    }

    /// Consent was withdrawn on 2025-03-10 and the local authority applied for a placement order,
    /// made on 2025-06-02: authority runs from the order.
    @Test func aPlacementOrderAfterConsentWasWithdrawnStartsTheClockAgain() {
        var builder = consented()
        builder.record(.placementConsent, "2025-03-10", .consentWithdrawn)
        builder.record(.proceedingsIssued, "2025-03-17")
        builder.record(.courtDecision, "2025-06-02", .placementOrder)
        expectResult(builder.result(Self.rule, asOf: "2025-07-01"), .pending, anchor: "2025-06-02", due: "2025-10-02", remaining: 93, mentions: ["the placement order"])
    }

    @Test func notApplicableWithoutAPlacementOrder() {
        var builder = JourneyBuilder(reference: "EP-2024-067", profile: ChildProfile(sex: .female, ethnicity: .WBRI))
        builder.record(.birth, "2024-03-05")
        builder.record(.proceedingsIssued, "2024-05-13")
        builder.record(.courtDecision, "2024-10-31", .courtDecision(outcome: .specialGuardianship))
        expectResult(builder.result(Self.rule, asOf: "2025-03-10"), .notApplicable, anchor: nil, due: nil)
    }
}
