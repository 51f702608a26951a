import EPDomain
import Testing

/// S4-family-time-plan: the family time plan within 5 working days of the EP placement
/// (warning 2 working days).
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

    @Test func notApplicableBeforeAnyEPPlacement() {
        var builder = JourneyBuilder(reference: "EP-2024-128", profile: ChildProfile(sex: .male, ethnicity: .WBRI))
        builder.record(.birth, "2024-12-16")
        builder.record(.epConsideration, "2024-12-18", .recommended)
        expectResult(builder.result(Self.rule, asOf: "2025-01-10"), .notApplicable, anchor: nil, due: nil)
    }
}
