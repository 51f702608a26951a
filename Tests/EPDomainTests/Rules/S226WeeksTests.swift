import EPDomain
import Testing

/// S2-26-weeks (statutory): the court's final decision within 26 weeks of issue (warning
/// 4 weeks); each recorded extension moves the deadline by its weeks.
@Suite struct S226WeeksTests {
    static let rule = "S2-26-weeks"

    /// Issued Mon 2025-01-06: 26 weeks (182 days) → Mon 2025-07-07; the warning opens 4 weeks
    /// before, Mon 2025-06-09.
    func issued() -> JourneyBuilder {
        var builder = JourneyBuilder(reference: "EP-2025-002", profile: ChildProfile(sex: .male, ethnicity: .APKN))
        builder.record(.birth, "2024-12-02")
        builder.record(.proceedingsIssued, "2025-01-06")
        return builder
    }

    @Test func pendingOnTheLastDayBeforeTheWarningWindow() {
        expectResult(issued().result(Self.rule, asOf: "2025-06-08"), .pending, anchor: "2025-01-06", due: "2025-07-07", remaining: 29, mentions: ["2025-07-07", "26 weeks"])
    }

    @Test func dueSoonOnTheFirstDayOfTheWarningWindow() {
        expectResult(issued().result(Self.rule, asOf: "2025-06-09"), .dueSoon, anchor: "2025-01-06", due: "2025-07-07", remaining: 28, mentions: ["2025-07-07"])
    }

    @Test func dueSoonOnTheTwentySixWeekDay() {
        expectResult(issued().result(Self.rule, asOf: "2025-07-07"), .dueSoon, anchor: "2025-01-06", due: "2025-07-07", remaining: 0, mentions: ["2025-07-07"])
    }

    @Test func overdueTheDayAfterTwentySixWeeks() {
        expectResult(issued().result(Self.rule, asOf: "2025-07-08"), .overdue, anchor: "2025-01-06", due: "2025-07-07", overdue: 1, mentions: ["2025-07-07"])
    }

    @Test func metWhenDecidedInWeekTwentySix() {
        var builder = issued()
        builder.record(.courtDecision, "2025-07-07", .placementOrder)
        expectResult(builder.result(Self.rule, asOf: "2025-08-01"), .met, anchor: "2025-01-06", due: "2025-07-07", mentions: ["2025-07-07"])
    }

    @Test func lateWhenDecidedTwoWeeksOverWithoutExtension() {
        var builder = issued()
        builder.record(.courtDecision, "2025-07-21", .placementOrder)
        expectResult(builder.result(Self.rule, asOf: "2025-08-01"), .late, anchor: "2025-01-06", due: "2025-07-07", overdue: 14, mentions: ["2025-07-21", "2025-07-07"])
    }

    /// An 8-week extension moves the deadline from 2025-07-07 to 2025-09-01 (+56 days).
    @Test func metWhenAnExtensionCoversTheDecision() {
        var builder = issued()
        builder.record(.timetableExtension, "2025-06-30", .timetable(weeks: 8))
        builder.record(.courtDecision, "2025-07-21", .placementOrder)
        expectResult(builder.result(Self.rule, asOf: "2025-08-01"), .met, anchor: "2025-01-06", due: "2025-09-01", mentions: ["8 weeks of extension"])
    }

    /// Two extensions, 8 and 4 weeks: 12 weeks (84 days) after 2025-07-07 → 2025-09-29.
    @Test func overdueAfterTwoExtensionsRunOut() {
        var builder = issued()
        builder.record(.timetableExtension, "2025-06-30", .timetable(weeks: 8))
        builder.record(.timetableExtension, "2025-08-26", .timetable(weeks: 4))
        expectResult(builder.result(Self.rule, asOf: "2025-10-06"), .overdue, anchor: "2025-01-06", due: "2025-09-29", overdue: 7, mentions: ["2025-09-29", "12 weeks of extension"])
    }

    @Test func notApplicableBeforeProceedingsAreIssued() {
        var builder = JourneyBuilder(reference: "EP-2025-003", profile: ChildProfile(sex: .female, ethnicity: .WBRI))
        builder.record(.birth, "2024-12-02")
        builder.record(.ploPreProceedings, "2024-12-16")
        expectResult(builder.result(Self.rule, asOf: "2025-08-01"), .notApplicable, anchor: nil, due: nil)
    }
}
