import EPDomain
import Testing

/// S2-26-weeks (statutory): the court's final decision within the 26 weeks *beginning with* the
/// day of issue, Children Act 1989 s.32(1)(a)(ii): the last day is issue + 181 days (warning
/// 4 weeks). Each extension ends its weeks after the later of the end of the period it extends and
/// the day it was granted (s.32(8)).
@Suite struct S226WeeksTests {
    static let rule = "S2-26-weeks"

    /// Issued Mon 2025-01-06: the 26 weeks beginning with that day end on Sun 2025-07-06 (181 days
    /// later); the warning opens 4 weeks before, Sun 2025-06-08.
    func issued() -> JourneyBuilder {
        var builder = JourneyBuilder(reference: "EP-2025-002", profile: ChildProfile(sex: .male, ethnicity: .APKN))
        builder.record(.birth, "2024-12-02")
        builder.record(.proceedingsIssued, "2025-01-06")
        return builder
    }

    @Test func pendingOnTheLastDayBeforeTheWarningWindow() {
        expectResult(issued().result(Self.rule, asOf: "2025-06-07"), .pending, anchor: "2025-01-06", due: "2025-07-06", remaining: 29, mentions: ["2025-07-06", "the 26 weeks beginning with 2025-01-06"])
    }

    @Test func dueSoonOnTheFirstDayOfTheWarningWindow() {
        expectResult(issued().result(Self.rule, asOf: "2025-06-08"), .dueSoon, anchor: "2025-01-06", due: "2025-07-06", remaining: 28, mentions: ["2025-07-06"])
    }

    @Test func dueSoonOnTheLastDayOfTheTwentySixWeeks() {
        expectResult(issued().result(Self.rule, asOf: "2025-07-06"), .dueSoon, anchor: "2025-01-06", due: "2025-07-06", remaining: 0, mentions: ["2025-07-06"])
    }

    @Test func overdueOnTheDayTwentySixWeeksAfterIssue() {
        expectResult(issued().result(Self.rule, asOf: "2025-07-07"), .overdue, anchor: "2025-01-06", due: "2025-07-06", overdue: 1, mentions: ["2025-07-06"])
    }

    /// Decided on the last day of week 26 (Sunday 6 July; a real hearing would be the Friday).
    @Test func metWhenDecidedInWeekTwentySix() {
        var builder = issued()
        builder.record(.courtDecision, "2025-07-04", .placementOrder)
        expectResult(builder.result(Self.rule, asOf: "2025-08-01"), .met, anchor: "2025-01-06", due: "2025-07-06", mentions: ["2025-07-04"])
    }

    /// Monday 7 July is the first day of week 27: one day late (it used to be counted met).
    @Test func lateWhenDecidedOnTheFirstDayOfWeekTwentySeven() {
        var builder = issued()
        builder.record(.courtDecision, "2025-07-07", .placementOrder)
        expectResult(builder.result(Self.rule, asOf: "2025-08-01"), .late, anchor: "2025-01-06", due: "2025-07-06", overdue: 1, mentions: ["2025-07-07", "2025-07-06"])
    }

    @Test func lateWhenDecidedTwoWeeksOverWithoutExtension() {
        var builder = issued()
        builder.record(.courtDecision, "2025-07-20", .placementOrder)
        expectResult(builder.result(Self.rule, asOf: "2025-08-01"), .late, anchor: "2025-01-06", due: "2025-07-06", overdue: 14, mentions: ["2025-07-20", "2025-07-06"])
    }

    /// 8 weeks granted on 2025-06-30, inside the period: 8 weeks after its end, 2025-07-06 + 56 =
    /// 2025-08-31.
    @Test func metWhenAnExtensionGrantedInTimeCoversTheDecision() {
        var builder = issued()
        builder.record(.timetableExtension, "2025-06-30", .timetable(weeks: 8))
        builder.record(.courtDecision, "2025-07-21", .placementOrder)
        expectResult(builder.result(Self.rule, asOf: "2025-08-01"), .met, anchor: "2025-01-06", due: "2025-08-31", mentions: ["extended by 8 weeks", "2025-06-30"])
    }

    /// Two extensions: 8 weeks (to 2025-08-31), then 4 weeks granted 2025-08-26, from the end of
    /// the extended period: 2025-09-28. Still no decision on 2025-10-06: 8 days overdue.
    @Test func overdueAfterTwoExtensionsRunOut() {
        var builder = issued()
        builder.record(.timetableExtension, "2025-06-30", .timetable(weeks: 8))
        builder.record(.timetableExtension, "2025-08-26", .timetable(weeks: 4))
        expectResult(builder.result(Self.rule, asOf: "2025-10-06"), .overdue, anchor: "2025-01-06", due: "2025-09-28", overdue: 8, mentions: ["2025-09-28", "extended by 12 weeks, the last granted on 2025-08-26"])
    }

    /// The 8-week extension ran out on 2025-08-31; a 2-week extension granted on 2025-09-10 runs
    /// from that day (the later of the two): 2025-09-24, not 2025-09-14.
    @Test func aSecondExtensionGrantedLateRunsFromItsGrant() {
        var builder = issued()
        builder.record(.timetableExtension, "2025-06-30", .timetable(weeks: 8))
        builder.record(.timetableExtension, "2025-09-10", .timetable(weeks: 2))
        builder.record(.courtDecision, "2025-09-22", .placementOrder)
        expectResult(builder.result(Self.rule, asOf: "2025-10-01"), .met, anchor: "2025-01-06", due: "2025-09-24")
    }

    @Test func aOneWeekExtensionIsSaidInTheSingular() {
        var builder = issued()
        builder.record(.timetableExtension, "2025-07-01", .timetable(weeks: 1))
        expectResult(builder.result(Self.rule, asOf: "2025-07-08"), .dueSoon, anchor: "2025-01-06", due: "2025-07-13", remaining: 5, mentions: ["extended by 1 week granted on 2025-07-01"])
    }

    /// An extension recorded after the decision extended nothing: still 4 days late.
    @Test func anExtensionAfterTheDecisionDoesNotExcuseIt() {
        var builder = issued()
        builder.record(.courtDecision, "2025-07-10", .placementOrder)
        builder.record(.timetableExtension, "2025-07-15", .timetable(weeks: 2))
        expectResult(builder.result(Self.rule, asOf: "2025-08-01"), .late, anchor: "2025-01-06", due: "2025-07-06", overdue: 4)
    }

    /// The child went home under the interim order on 2025-05-12 (a phased return, S7.4): the
    /// proceedings and their clock run on until the court decides.
    @Test func aReturnHomeBeforeTheFinalHearingKeepsTheClockRunning() {
        var builder = issued()
        builder.record(.enteredCare, "2025-01-06")
        builder.record(.interimPlacement, "2025-01-06", .fosterCare)
        builder.record(.reunificationPlan, "2025-05-05")
        builder.record(.reunification, "2025-05-12")
        #expect(builder.journey.state == .inProceedings)
        expectResult(builder.result(Self.rule, asOf: "2025-07-16"), .overdue, anchor: "2025-01-06", due: "2025-07-06", overdue: 10)
        builder.record(.courtDecision, "2025-07-21", .returnHome)
        #expect(builder.journey.state == .reunified)
        expectResult(builder.result(Self.rule, asOf: "2025-08-01"), .late, anchor: "2025-01-06", due: "2025-07-06", overdue: 15)
    }

    /// The application was withdrawn and the case closed before the 26 weeks were up.
    @Test func metWhenTheApplicationWasWithdrawnInTime() {
        var builder = issued()
        builder.record(.courtDecision, "2025-03-03", .courtDecision(outcome: .withdrawn))
        builder.record(.caseClosed, "2025-03-10", .closed("proceedings withdrawn"))
        expectResult(builder.result(Self.rule, asOf: "2025-08-01"), .met, anchor: "2025-01-06", due: "2025-07-06")
    }

    /// Transferred out before the 26 weeks were up and without a decision: nothing to judge.
    @Test func notApplicableWhenTheCaseClosedBeforeTheLastDay() {
        var builder = issued()
        builder.record(.caseClosed, "2025-04-01", .closed("transferred to another authority"))
        expectResult(builder.result(Self.rule, asOf: "2025-08-01"), .notApplicable, anchor: "2025-01-06", due: "2025-07-06", mentions: ["2025-04-01"])
    }

    @Test func notApplicableBeforeProceedingsAreIssued() {
        var builder = JourneyBuilder(reference: "EP-2025-003", profile: ChildProfile(sex: .female, ethnicity: .WBRI))
        builder.record(.birth, "2024-12-02")
        builder.record(.ploPreProceedings, "2024-12-16")
        expectResult(builder.result(Self.rule, asOf: "2025-08-01"), .notApplicable, anchor: nil, due: nil)
    }

    /// A local warning window is allowed: 2 weeks instead of 4, so still pending on 2025-06-21.
    @Test func aLocalPolicyMayChangeTheWarningOnly() throws {
        let local = try Policies.load(yaml: PolicyLoaderTests.shipped.replacingOccurrences(
            of: "    threshold: 26 weeks   # statutory: cannot be changed or switched off; only the warning is local\n    warning: 4 weeks",
            with: "    threshold: 26 weeks\n    warning: 2 weeks"
        ))
        expectResult(issued().result(Self.rule, asOf: "2025-06-21", policy: local), .pending, anchor: "2025-01-06", due: "2025-07-06", remaining: 15)
        expectResult(issued().result(Self.rule, asOf: "2025-06-22", policy: local), .dueSoon, anchor: "2025-01-06", due: "2025-07-06", remaining: 14)
    }
}
