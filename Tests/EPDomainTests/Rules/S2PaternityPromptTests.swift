import EPDomain
import Testing

/// S2-paternity-prompt: the paternity result within 28 days of the request (warning 7 days).
@Suite struct S2PaternityPromptTests {
    static let rule = "S2-paternity-prompt"

    /// Requested Mon 2025-01-20: due 2025-02-17 (11 days to 31 January, then 17); the warning
    /// opens on 2025-02-10.
    func requested() -> JourneyBuilder {
        var builder = JourneyBuilder(reference: "EP-2025-005", profile: ChildProfile(sex: .male, ethnicity: .WOTH))
        builder.record(.birth, "2025-01-02")
        builder.record(.paternityTest, "2025-01-20", .paternityRequested)
        return builder
    }

    @Test func pendingOnTheLastDayBeforeTheWarningWindow() {
        expectResult(requested().result(Self.rule, asOf: "2025-02-09"), .pending, anchor: "2025-01-20", due: "2025-02-17", remaining: 8, mentions: ["2025-02-17"])
    }

    @Test func dueSoonOnTheFirstDayOfTheWarningWindow() {
        expectResult(requested().result(Self.rule, asOf: "2025-02-10"), .dueSoon, anchor: "2025-01-20", due: "2025-02-17", remaining: 7, mentions: ["2025-02-17"])
    }

    @Test func dueSoonOnTheDueDay() {
        expectResult(requested().result(Self.rule, asOf: "2025-02-17"), .dueSoon, anchor: "2025-01-20", due: "2025-02-17", remaining: 0, mentions: ["2025-02-17"])
    }

    @Test func overdueTheDayAfterTheDueDate() {
        expectResult(requested().result(Self.rule, asOf: "2025-02-18"), .overdue, anchor: "2025-01-20", due: "2025-02-17", overdue: 1, mentions: ["2025-02-17"])
    }

    @Test func metWhenTheResultArrivesOnTheDueDay() {
        var builder = requested()
        builder.record(.paternityTest, "2025-02-17", .paternityResult)
        expectResult(builder.result(Self.rule, asOf: "2025-03-01"), .met, anchor: "2025-01-20", due: "2025-02-17", mentions: ["2025-02-17"])
    }

    /// Result on 2025-03-03: 11 days to 28 February, then 3 → 14 days late.
    @Test func lateWhenTheResultArrivesAfterFourWeeks() {
        var builder = requested()
        builder.record(.paternityTest, "2025-03-03", .paternityResult)
        expectResult(builder.result(Self.rule, asOf: "2025-03-10"), .late, anchor: "2025-01-20", due: "2025-02-17", overdue: 14, mentions: ["2025-03-03", "2025-02-17"])
    }

    /// A first test answered in time; a second man tested on 2025-02-24 (due 2025-03-24) with no
    /// result on 2025-03-31: the open one is reported, 7 days overdue.
    @Test func overdueSecondRequestWinsOverAnAnsweredFirst() {
        var builder = requested()
        builder.record(.paternityTest, "2025-02-12", .paternityResult)
        builder.record(.paternityTest, "2025-02-24", .paternityRequested)
        expectResult(builder.result(Self.rule, asOf: "2025-03-31"), .overdue, anchor: "2025-02-24", due: "2025-03-24", overdue: 7, mentions: ["2025-03-24"])
    }

    @Test func notApplicableWhenNoTestWasRequested() {
        var builder = JourneyBuilder(reference: "EP-2025-006", profile: ChildProfile(sex: .female, ethnicity: .WBRI))
        builder.record(.birth, "2025-01-02")
        expectResult(builder.result(Self.rule, asOf: "2025-03-01"), .notApplicable, anchor: nil, due: nil)
    }
}
