import EPDomain
import Testing

/// S2-prebirth-conference-timely: for a child unborn at referral, the pre-birth conference is
/// held by week 30 of pregnancy (warning 2 weeks), counted from the expected delivery date (EDD),
/// never from the actual birth; after a late referral (the first pre-birth record or adoption
/// request after week 28), within 10 working days of it instead.
@Suite struct S2PrebirthConferenceTimelyTests {
    static let rule = "S2-prebirth-conference-timely"

    /// Expected in September 2025 and no gestation recorded, so the EDD is 2025-09-15. Pregnancy
    /// started 40 weeks (280 days) before: 2024-12-09. Week 30 is 10 weeks (70 days) before the
    /// EDD: 2025-07-07; week 28 is 2025-06-23. The warning opens 2 weeks before: 2025-06-23.
    func referred() -> JourneyBuilder {
        var builder = JourneyBuilder.unborn(expected: "2025-09", ethnicity: .BOTH, reference: "EP-2025-061")
        builder.record(.preBirthAssessmentStarted, "2025-04-22")
        return builder
    }

    @Test func pendingOnTheLastDayBeforeTheWarningWindow() {
        expectResult(referred().result(Self.rule, asOf: "2025-06-22"), .pending, anchor: "2024-12-09", due: "2025-07-07", remaining: 15, mentions: ["2025-07-07", "week 30", "expected delivery date 2025-09-15"])
    }

    @Test func dueSoonOnTheFirstDayOfTheWarningWindow() {
        expectResult(referred().result(Self.rule, asOf: "2025-06-23"), .dueSoon, anchor: "2024-12-09", due: "2025-07-07", remaining: 14, mentions: ["2025-07-07"])
    }

    @Test func dueSoonOnTheDueDay() {
        expectResult(referred().result(Self.rule, asOf: "2025-07-07"), .dueSoon, anchor: "2024-12-09", due: "2025-07-07", remaining: 0, mentions: ["2025-07-07"])
    }

    @Test func overdueTheDayAfterWeekThirty() {
        expectResult(referred().result(Self.rule, asOf: "2025-07-08"), .overdue, anchor: "2024-12-09", due: "2025-07-07", overdue: 1, mentions: ["2025-07-07"])
    }

    /// Held on 2025-06-16 at 28 weeks: the gestation recorded at the conference gives the EDD,
    /// 2025-06-16 + 12 weeks = 2025-09-08, so week 30 was 2025-06-30.
    @Test func metWhenHeldAtWeekTwentyEight() {
        var builder = referred()
        builder.record(.preBirthConference, "2025-06-16", .conference(weeks: 28))
        expectResult(builder.result(Self.rule, asOf: "2025-07-20"), .met, anchor: "2024-12-02", due: "2025-06-30", mentions: ["2025-06-16", "expected delivery date 2025-09-08"])
    }

    @Test func metWhenHeldAtWeekThirtyItself() {
        var builder = referred()
        builder.record(.preBirthConference, "2025-07-07", .conference(weeks: 30))
        expectResult(builder.result(Self.rule, asOf: "2025-07-20"), .met, anchor: "2024-12-09", due: "2025-07-07", mentions: ["week 30"])
    }

    /// Week 32 is two weeks after week 30: 14 days late.
    @Test func lateWhenHeldAtWeekThirtyTwo() {
        var builder = referred()
        builder.record(.preBirthConference, "2025-07-21", .conference(weeks: 32))
        expectResult(builder.result(Self.rule, asOf: "2025-07-28"), .late, anchor: "2024-12-09", due: "2025-07-07", overdue: 14, mentions: ["2025-07-21", "2025-07-07"])
    }

    @Test func metByDateWhenTheGestationIsNotRecorded() {
        var builder = referred()
        builder.record(.preBirthConference, "2025-07-07")
        expectResult(builder.result(Self.rule, asOf: "2025-07-20"), .met, anchor: "2024-12-09", due: "2025-07-07", mentions: ["2025-07-07"])
    }

    @Test func lateByDateWhenTheGestationIsNotRecorded() {
        var builder = referred()
        builder.record(.preBirthConference, "2025-07-21")
        expectResult(builder.result(Self.rule, asOf: "2025-07-28"), .late, anchor: "2024-12-09", due: "2025-07-07", overdue: 14, mentions: ["2025-07-21", "2025-07-07"])
    }

    /// The gestation recorded when the assessment started (20 weeks on 2025-04-22) gives the EDD,
    /// 2025-04-22 + 20 weeks = 2025-09-09, and week 30 is 2025-07-01.
    @Test func theEDDComesFromTheLatestRecordedGestation() {
        var builder = JourneyBuilder.unborn(expected: "2025-09", ethnicity: .BOTH, reference: "EP-2025-063")
        builder.record(.preBirthAssessmentStarted, "2025-04-22", .gestation(20))
        #expect(builder.journey.expectedDeliveryDate == .day("2025-09-09"))
        expectResult(builder.result(Self.rule, asOf: "2025-07-02"), .overdue, anchor: "2024-12-03", due: "2025-07-01", overdue: 1)
    }

    /// Born prematurely on 2025-07-03 (about 32 weeks), after a conference on 2025-07-01: the
    /// due date stays week 30 of the EDD, 2025-07-07, and the conference was in time. (Anchored on
    /// the birth it would have been due on 2025-04-24.)
    @Test func aPrematureBirthDoesNotMoveTheDeadline() {
        var builder = referred()
        builder.record(.preBirthConference, "2025-07-01")
        builder.record(.birth, "2025-07-03", .gestation(32))
        #expect(builder.journey.expectedDeliveryDate == .day("2025-09-15"))
        expectResult(builder.result(Self.rule, asOf: "2025-07-10"), .met, anchor: "2024-12-09", due: "2025-07-07", mentions: ["2025-07-01"])
    }

    /// Born at term on 2025-09-10 with no conference: it was missed (65 days after it was due, up
    /// to the birth) and can no longer happen. Counted as late, not left as an open alert, and the
    /// message says the child was born: the journey did not end.
    @Test func lateAndClosedWhenBornWithoutAConference() {
        var builder = referred()
        builder.record(.birth, "2025-09-10")
        let result = builder.result(Self.rule, asOf: "2025-09-20")
        expectResult(result, .late, anchor: "2024-12-09", due: "2025-07-07", overdue: 65, mentions: ["never recorded", "the child was born on 2025-09-10", "can no longer happen"])
        #expect(!result.status.isOpen)
        #expect(!result.message.contains("journey ended"))
        #expect(result.opensOn == nil && result.overdueOn == nil)
    }

    /// Born very prematurely on 2025-06-30, before week 30 of the EDD, with no conference yet:
    /// it was not yet due, so there is nothing to count.
    @Test func notApplicableWhenBornBeforeTheConferenceWasDue() {
        var builder = referred()
        builder.record(.birth, "2025-06-30", .gestation(29))
        let result = builder.result(Self.rule, asOf: "2025-07-20")
        expectResult(result, .notApplicable, anchor: "2024-12-09", due: "2025-07-07", mentions: ["The child was born on 2025-06-30, before the pre-birth conference was due on 2025-07-07."])
        #expect(!result.message.contains("journey ended"))
    }

    // MARK: A late referral

    /// First pre-birth record on Tue 2025-07-01, after week 28 (2025-06-23): the conference is due
    /// 10 working days later, Tue 2025-07-15; the 2-week warning makes it due soon at once.
    func referredLate(by kind: MilestoneKind = .preBirthAssessmentStarted) -> JourneyBuilder {
        var builder = JourneyBuilder.unborn(expected: "2025-09", ethnicity: .WBRI, reference: "EP-2025-064")
        builder.record(kind, "2025-07-01")
        return builder
    }

    @Test func dueSoonFromTheDayOfALateReferral() {
        expectResult(referredLate().result(Self.rule, asOf: "2025-07-01"), .dueSoon, anchor: "2025-07-01", due: "2025-07-15", remaining: 14, mentions: ["10 working days", "late referral", "week 28"])
    }

    @Test func metWhenHeldWithinTenWorkingDaysOfALateReferral() {
        var builder = referredLate()
        builder.record(.preBirthConference, "2025-07-10")
        expectResult(builder.result(Self.rule, asOf: "2025-07-20"), .met, anchor: "2025-07-01", due: "2025-07-15", mentions: ["2025-07-10"])
    }

    @Test func lateWhenHeldAfterTheLateReferralClock() {
        var builder = referredLate()
        builder.record(.preBirthConference, "2025-07-18")
        expectResult(builder.result(Self.rule, asOf: "2025-07-20"), .late, anchor: "2025-07-01", due: "2025-07-15", overdue: 3, mentions: ["2025-07-18"])
    }

    @Test func overdueAfterTheLateReferralClock() {
        expectResult(referredLate().result(Self.rule, asOf: "2025-07-16"), .overdue, anchor: "2025-07-01", due: "2025-07-15", overdue: 1)
    }

    /// A mother's request for adoption on 2025-07-01 is the first record: a late referral too.
    @Test func anAdoptionRequestAfterWeekTwentyEightIsALateReferral() {
        expectResult(referredLate(by: .adoptionRequest).result(Self.rule, asOf: "2025-07-02"), .dueSoon, anchor: "2025-07-01", due: "2025-07-15", remaining: 13)
    }

    /// A local policy may give a late referral more time: 15 working days → 2025-07-22.
    @Test func theLateReferralTimeIsAPolicyParameter() throws {
        let local = try Policies.load(yaml: PolicyLoaderTests.shipped.replacingOccurrences(of: "late_referral: 10 working_days", with: "late_referral: 15 working_days"))
        #expect(local.rules.first { $0.rule.id == Self.rule }?.second == Period(15, .workingDays))
        expectResult(referredLate().result(Self.rule, asOf: "2025-07-16", policy: local), .dueSoon, anchor: "2025-07-01", due: "2025-07-22", remaining: 6)
    }

    // MARK: Not applicable

    @Test func notApplicableForAChildBornBeforeReferral() {
        var builder = JourneyBuilder(reference: "EP-2025-062", profile: ChildProfile(sex: .male, ethnicity: .WBRI))
        builder.record(.birth, "2025-03-01")
        builder.record(.ploPreProceedings, "2025-03-10")
        expectResult(builder.result(Self.rule, asOf: "2025-04-01"), .notApplicable, anchor: nil, due: nil)
    }

    /// The family moved to another local authority in May, before week 30: the conference is
    /// not this LA's to hold, and nothing turns overdue afterwards.
    @Test func notApplicableWhenTheCaseClosedBeforeWeekThirty() {
        var builder = referred()
        builder.record(.caseClosed, "2025-05-30", .closed("family moved to another local authority"))
        expectResult(builder.result(Self.rule, asOf: "2025-08-01"), .notApplicable, anchor: "2024-12-09", due: "2025-07-07", mentions: ["2025-05-30"])
    }
}
