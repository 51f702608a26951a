import EPDomain
import Testing

/// S2-viability-timely: each viability-stage assessment completed within 42 days of starting
/// (warning 7 days); a completion pairs with the latest start of the same person and stage.
@Suite struct S2ViabilityTimelyTests {
    static let rule = "S2-viability-timely"

    /// VA-1 (maternal grandmother) started Wed 2025-03-05: 42 days → 2025-04-16 (26 days to
    /// 31 March, then 16). The warning opens 7 days before, on 2025-04-09.
    func started() -> JourneyBuilder {
        var builder = JourneyBuilder(reference: "EP-2025-022", profile: ChildProfile(sex: .male, ethnicity: .WROM))
        builder.record(.birth, "2025-02-01")
        builder.record(.ploPreProceedings, "2025-02-24")
        builder.record(.viabilityAssessment, "2025-03-05", .viabilityStarted("VA-1", .maternalFamily))
        return builder
    }

    @Test func pendingOnTheLastDayBeforeTheWarningWindow() {
        expectResult(started().result(Self.rule, asOf: "2025-04-08"), .pending, anchor: "2025-03-05", due: "2025-04-16", remaining: 8, mentions: ["2025-04-16"])
    }

    @Test func dueSoonOnTheFirstDayOfTheWarningWindow() {
        expectResult(started().result(Self.rule, asOf: "2025-04-09"), .dueSoon, anchor: "2025-03-05", due: "2025-04-16", remaining: 7, mentions: ["2025-04-16"])
    }

    @Test func dueSoonOnTheDueDay() {
        expectResult(started().result(Self.rule, asOf: "2025-04-16"), .dueSoon, anchor: "2025-03-05", due: "2025-04-16", remaining: 0, mentions: ["2025-04-16"])
    }

    @Test func overdueTheDayAfterTheDueDate() {
        let result = started().result(Self.rule, asOf: "2025-04-17")
        expectResult(result, .overdue, anchor: "2025-03-05", due: "2025-04-16", overdue: 1, mentions: ["2025-04-16", "Viability assessment VA-1 (maternal family) is 1 day overdue"])
    }

    @Test func metWhenCompletedOnTheDueDay() {
        var builder = started()
        builder.record(.viabilityAssessment, "2025-04-16", .viabilityCompleted("VA-1", .maternalFamily, .negative))
        expectResult(builder.result(Self.rule, asOf: "2025-05-01"), .met, anchor: "2025-03-05", due: "2025-04-16", mentions: ["2025-04-16"])
    }

    /// Completed 2025-04-30: 14 days after 2025-04-16.
    @Test func lateWhenCompletedAfterSixWeeks() {
        var builder = started()
        builder.record(.viabilityAssessment, "2025-04-30", .viabilityCompleted("VA-1", .maternalFamily, .positive))
        expectResult(builder.result(Self.rule, asOf: "2025-05-01"), .late, anchor: "2025-03-05", due: "2025-04-16", overdue: 14, mentions: ["2025-04-30", "2025-04-16"])
    }

    /// VA-1 met; VA-2 (paternal aunt) started 2025-04-01 → due 2025-05-13, still open on
    /// 2025-05-20: the overdue one is reported.
    @Test func overdueAssessmentWinsOverAMetOne() {
        var builder = started()
        builder.record(.viabilityAssessment, "2025-04-01", .viabilityStarted("VA-2", .paternalFamily))
        builder.record(.viabilityAssessment, "2025-04-10", .viabilityCompleted("VA-1", .maternalFamily, .negative))
        expectResult(builder.result(Self.rule, asOf: "2025-05-20"), .overdue, anchor: "2025-04-01", due: "2025-05-13", overdue: 7, mentions: ["VA-2", "2025-05-13"])
    }

    /// Grandmother's viability was positive on 2025-04-10 (met); her full connected-person
    /// assessment, started 2025-04-14, takes as long as the court's timetable allows: not timed.
    @Test func theFullAssessmentIsNotTimed() {
        var builder = started()
        builder.record(.viabilityAssessment, "2025-04-10", .viabilityCompleted("VA-1", .maternalFamily, .positive))
        builder.record(.viabilityAssessment, "2025-04-14", .fullStarted("VA-1", .maternalFamily))
        expectResult(builder.result(Self.rule, asOf: "2025-07-30"), .met, anchor: "2025-03-05", due: "2025-04-16", mentions: ["2025-04-10"])
    }

    /// VA-1 was started again on 2025-04-20, after it was due (2025-04-16), and completed on
    /// 2025-05-01. The completion belongs to the second start (met); the first was never
    /// completed, which can no longer be put right: late, 4 days from its due date to the restart.
    @Test func aRestartedAssessmentPairsItsCompletionWithTheLatestStart() {
        var builder = started()
        builder.record(.viabilityAssessment, "2025-04-20", .viabilityStarted("VA-1", .maternalFamily))
        builder.record(.viabilityAssessment, "2025-05-01", .viabilityCompleted("VA-1", .maternalFamily, .negative))
        expectResult(builder.result(Self.rule, asOf: "2025-05-05"), .late, anchor: "2025-03-05", due: "2025-04-16", overdue: 4, mentions: ["started again on 2025-04-20"])
    }

    /// Restarted on 2025-04-01, before the first start was due: only the second start is timed.
    @Test func anAssessmentRestartedBeforeItWasDueIsTimedFromTheRestart() {
        var builder = started()
        builder.record(.viabilityAssessment, "2025-04-01", .viabilityStarted("VA-1", .maternalFamily))
        expectResult(builder.result(Self.rule, asOf: "2025-05-14"), .overdue, anchor: "2025-04-01", due: "2025-05-13", overdue: 1)
    }

    @Test func notApplicableWhenNoAssessmentStarted() {
        var builder = JourneyBuilder(reference: "EP-2025-023", profile: ChildProfile(sex: .female, ethnicity: .WBRI))
        builder.record(.birth, "2025-02-01")
        builder.record(.ploPreProceedings, "2025-02-24")
        expectResult(builder.result(Self.rule, asOf: "2025-05-01"), .notApplicable, anchor: nil, due: nil)
    }

    @Test func notApplicableWhenTheJourneyEndedBeforeTheDueDate() {
        var builder = started()
        builder.record(.caseClosed, "2025-03-28", .closed("family moved out of the area"))
        expectResult(builder.result(Self.rule, asOf: "2025-05-01"), .notApplicable, anchor: "2025-03-05", due: "2025-04-16", mentions: ["2025-03-28"])
    }
}
