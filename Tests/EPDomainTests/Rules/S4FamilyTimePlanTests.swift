import EPDomain
import Testing

/// S4-family-time-plan: a family time plan within 5 working days of each EP placement (warning
/// 2 working days).
@Suite struct S4FamilyTimePlanTests {
    static let rule = "S4-family-time-plan"

    /// Placed from hospital on Mon 2024-12-23. 5 working days: Tue 24 (1), Christmas and Boxing
    /// Day skipped, Fri 27 (2), Mon 30 (3), Tue 31 (4), New Year's Day skipped, Thu 2 January (5)
    /// → 2025-01-02. The warning opens 2 working days before: Tue 31, Mon 30 → 2024-12-30.
    func placed() -> JourneyBuilder {
        var builder = JourneyBuilder(reference: "EP-2024-127", profile: ChildProfile(sex: .female, ethnicity: .WBRI))
        builder.record(.birth, "2024-12-16")
        builder.record(.proceedingsIssued, "2024-12-18")
        builder.record(.epConsideration, "2024-12-18", .recommended)
        builder.record(.epCarersLinked, "2024-12-19", .dualApproval)
        builder.record(.enteredCare, "2024-12-23")
        builder.record(.epPlacement, "2024-12-23", .ffa(from: .hospital))
        return builder
    }

    @Test func pendingOnTheLastWorkingDayBeforeTheWarningWindow() {
        expectResult(placed().result(Self.rule, asOf: "2024-12-27"), .pending, anchor: "2024-12-23", due: "2025-01-02", remaining: 6, mentions: ["2025-01-02"])
    }

    @Test func dueSoonOnTheFirstDayOfTheWarningWindow() {
        expectResult(placed().result(Self.rule, asOf: "2024-12-30"), .dueSoon, anchor: "2024-12-23", due: "2025-01-02", remaining: 3, mentions: ["2025-01-02"])
    }

    @Test func dueSoonOnTheDueDay() {
        expectResult(placed().result(Self.rule, asOf: "2025-01-02"), .dueSoon, anchor: "2024-12-23", due: "2025-01-02", remaining: 0, mentions: ["2025-01-02"])
    }

    @Test func overdueTheDayAfterTheDueDate() {
        expectResult(placed().result(Self.rule, asOf: "2025-01-03"), .overdue, anchor: "2024-12-23", due: "2025-01-02", overdue: 1, mentions: ["2025-01-02"])
    }

    @Test func metWhenAgreedOnTheFifthWorkingDay() {
        var builder = placed()
        builder.record(.familyTimePlan, "2025-01-02")
        expectResult(builder.result(Self.rule, asOf: "2025-01-10"), .met, anchor: "2024-12-23", due: "2025-01-02", mentions: ["2025-01-02"])
    }

    /// Agreed Mon 2025-01-06: 4 calendar days after 2025-01-02.
    @Test func lateWhenAgreedAfterTheNewYear() {
        var builder = placed()
        builder.record(.familyTimePlan, "2025-01-06")
        expectResult(builder.result(Self.rule, asOf: "2025-01-10"), .late, anchor: "2024-12-23", due: "2025-01-02", overdue: 4, mentions: ["2025-01-06", "2025-01-02"])
    }

    /// The first placement ended on 2025-01-20 (the carers withdrew; interim foster care); the
    /// child moved to new EP carers on Mon 2025-02-03, whose plan was due Mon 2025-02-10. The
    /// plan agreed for the first carers does not count for the second.
    @Test func eachPlacementNeedsItsOwnPlan() {
        var builder = placed()
        builder.record(.familyTimePlan, "2024-12-30")
        builder.record(.interimPlacement, "2025-01-20", .fosterCare)
        builder.record(.epCarersLinked, "2025-01-30", .dualApproval)
        builder.record(.epPlacement, "2025-02-03", .ffa(from: .interimCare))
        expectResult(builder.result(Self.rule, asOf: "2025-02-11"), .overdue, anchor: "2025-02-03", due: "2025-02-10", overdue: 1)
        builder.record(.familyTimePlan, "2025-02-07")
        expectResult(builder.result(Self.rule, asOf: "2025-02-11"), .met, anchor: "2024-12-23", due: "2025-01-02")
    }

    /// No plan, and the placement ended on Mon 2025-01-06, after the plan was due (2025-01-02): it
    /// can no longer be agreed for those carers: late by 4 days, closed.
    @Test func lateWhenThePlacementEndedWithoutAPlan() {
        var builder = placed()
        builder.record(.interimPlacement, "2025-01-06", .fosterCare)
        let result = builder.result(Self.rule, asOf: "2025-01-10")
        expectResult(result, .late, anchor: "2024-12-23", due: "2025-01-02", overdue: 4, mentions: ["the EP placement ended on 2025-01-06"])
        #expect(!result.status.isOpen)
    }

    @Test func notApplicableWhenThePlacementEndedBeforeThePlanWasDue() {
        var builder = placed()
        builder.record(.interimPlacement, "2024-12-27", .fosterCare)
        expectResult(builder.result(Self.rule, asOf: "2025-01-10"), .notApplicable, anchor: "2024-12-23", due: "2025-01-02", mentions: ["2024-12-27"])
    }

    @Test func notApplicableBeforeAnyEPPlacement() {
        var builder = JourneyBuilder(reference: "EP-2024-128", profile: ChildProfile(sex: .male, ethnicity: .WBRI))
        builder.record(.birth, "2024-12-16")
        builder.record(.epConsideration, "2024-12-18", .recommended)
        expectResult(builder.result(Self.rule, asOf: "2025-01-10"), .notApplicable, anchor: nil, due: nil)
    }
}
