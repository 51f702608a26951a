import EPDomain
import Testing

/// S4-reg25a-timely: the nominated officer's Reg 25A decision within 5 working days of the EP
/// carers being linked through the Reg 25A route (warning 2 working days).
@Suite struct S4Reg25aTimelyTests {
    static let rule = "S4-reg25a-timely"

    /// Linked Mon 2025-04-14, Easter week. 5 working days: Tue 15, Wed 16, Thu 17, (Good Friday
    /// 18 and Easter Monday 21 skipped), Tue 22, Wed 23 → 2025-04-23. The warning opens 2
    /// working days before: Tue 22, Thu 17 → 2025-04-17.
    func linked() -> JourneyBuilder {
        var builder = JourneyBuilder(reference: "EP-2025-029", profile: ChildProfile(sex: .female, ethnicity: .MWAS))
        builder.record(.birth, "2025-03-28")
        builder.record(.proceedingsIssued, "2025-04-01")
        builder.record(.epConsideration, "2025-04-08", .recommended)
        builder.record(.epCarersLinked, "2025-04-14", .reg25aRoute)
        return builder
    }

    @Test func pendingOnTheLastDayBeforeTheWarningWindow() {
        expectResult(linked().result(Self.rule, asOf: "2025-04-16"), .pending, anchor: "2025-04-14", due: "2025-04-23", remaining: 7, mentions: ["2025-04-23"])
    }

    @Test func dueSoonOnMaundyThursday() {
        expectResult(linked().result(Self.rule, asOf: "2025-04-17"), .dueSoon, anchor: "2025-04-14", due: "2025-04-23", remaining: 6, mentions: ["2025-04-23"])
    }

    @Test func dueSoonOnTheDueDay() {
        expectResult(linked().result(Self.rule, asOf: "2025-04-23"), .dueSoon, anchor: "2025-04-14", due: "2025-04-23", remaining: 0, mentions: ["2025-04-23"])
    }

    @Test func overdueTheDayAfterTheDueDate() {
        expectResult(linked().result(Self.rule, asOf: "2025-04-24"), .overdue, anchor: "2025-04-14", due: "2025-04-23", overdue: 1, mentions: ["2025-04-23"])
    }

    @Test func metWhenDecidedOnTheFifthWorkingDay() {
        var builder = linked()
        builder.record(.reg25aDecision, "2025-04-23", .reg25aApproved)
        expectResult(builder.result(Self.rule, asOf: "2025-04-30"), .met, anchor: "2025-04-14", due: "2025-04-23", mentions: ["2025-04-23"])
    }

    /// Decided Tue 2025-04-29, 9 working days after the link: 6 calendar days after 2025-04-23.
    @Test func lateWhenDecidedNineWorkingDaysAfterTheLink() {
        var builder = linked()
        builder.record(.reg25aDecision, "2025-04-29", .reg25aApproved)
        expectResult(builder.result(Self.rule, asOf: "2025-04-30"), .late, anchor: "2025-04-14", due: "2025-04-23", overdue: 6, mentions: ["2025-04-29", "2025-04-23"])
    }

    @Test func lateCountsADeclineTooForTimeliness() {
        var builder = linked()
        builder.record(.reg25aDecision, "2025-04-24", .reg25aDeclined)
        expectResult(builder.result(Self.rule, asOf: "2025-04-30"), .late, anchor: "2025-04-14", due: "2025-04-23", overdue: 1)
    }

    @Test func notApplicableForDualApprovedCarers() {
        var builder = JourneyBuilder(reference: "EP-2025-030", profile: ChildProfile(sex: .male, ethnicity: .WBRI))
        builder.record(.birth, "2025-03-28")
        builder.record(.epCarersLinked, "2025-04-14", .dualApproval)
        expectResult(builder.result(Self.rule, asOf: "2025-05-01"), .notApplicable, anchor: nil, due: nil)
    }

    @Test func notApplicableWhenTheJourneyEndedBeforeTheDueDate() {
        var builder = linked()
        builder.record(.courtDecision, "2025-04-15", .courtDecision(outcome: .withdrawn))
        builder.record(.caseClosed, "2025-04-16", .closed("proceedings withdrawn"))
        expectResult(builder.result(Self.rule, asOf: "2025-05-01"), .notApplicable, anchor: "2025-04-14", due: "2025-04-23", mentions: ["2025-04-16"])
    }
}
