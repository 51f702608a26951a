import EPDomain
import Testing

/// S2-prebirth-conference-timely: for a child unborn at referral, the pre-birth conference is
/// held by week 30 of pregnancy (warning 2 weeks).
@Suite struct S2PrebirthConferenceTimelyTests {
    static let rule = "S2-prebirth-conference-timely"

    /// Expected in September 2025, so the birth is estimated as 2025-09-15. Pregnancy started
    /// 40 weeks (280 days) before: 2024-12-09. Week 30 is 10 weeks (70 days) before the birth:
    /// 2025-07-07. The warning opens 2 weeks before: 2025-06-23.
    func referred() -> JourneyBuilder {
        var builder = JourneyBuilder.unborn(expected: "2025-09", ethnicity: .BOTH, reference: "EP-2025-061")
        builder.record(.preBirthAssessmentStarted, "2025-04-22")
        return builder
    }

    @Test func pendingOnTheLastDayBeforeTheWarningWindow() {
        expectResult(referred().result(Self.rule, asOf: "2025-06-22"), .pending, anchor: "2024-12-09", due: "2025-07-07", remaining: 15, mentions: ["2025-07-07", "week 30"])
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

    @Test func metWhenHeldAtWeekTwentyEight() {
        var builder = referred()
        builder.record(.preBirthConference, "2025-06-16", .preBirthConference(gestationWeeks: 28))
        expectResult(builder.result(Self.rule, asOf: "2025-07-20"), .met, anchor: "2024-12-09", due: "2025-07-07", mentions: ["The pre-birth conference was held on 2025-06-16 at week 28 of pregnancy, by week 30."])
    }

    @Test func metWhenHeldInWeekThirtyItself() {
        var builder = referred()
        builder.record(.preBirthConference, "2025-07-07", .preBirthConference(gestationWeeks: 30))
        expectResult(builder.result(Self.rule, asOf: "2025-07-20"), .met, anchor: "2024-12-09", due: "2025-07-07", mentions: ["week 30"])
    }

    /// Week 32 is two weeks after week 30: 14 days late.
    @Test func lateWhenHeldAtWeekThirtyTwo() {
        var builder = referred()
        builder.record(.preBirthConference, "2025-07-21", .preBirthConference(gestationWeeks: 32))
        expectResult(builder.result(Self.rule, asOf: "2025-07-28"), .late, anchor: "2024-12-09", due: "2025-07-07", overdue: 14, mentions: ["2025-07-21", "week 32"])
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

    /// Once the birth is recorded (2025-09-02) it replaces the estimate: week 30 was 70 days
    /// before it, 2025-06-24, and pregnancy started 280 days before it, 2024-11-26. Born with no
    /// conference: overdue by the 70 days up to the birth.
    @Test func overdueWhenBornWithoutAConference() {
        var builder = referred()
        builder.record(.birth, "2025-09-02")
        expectResult(builder.result(Self.rule, asOf: "2025-09-10"), .overdue, anchor: "2024-11-26", due: "2025-06-24", overdue: 70, mentions: ["2025-06-24"])
    }

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
