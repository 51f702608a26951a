import EPDomain
import Testing

/// S4-placement-after-recommendation: the EP placement within 14 days of EP being recommended,
/// or of birth when EP was recommended before birth (warning 3 days).
@Suite struct S4PlacementAfterRecommendationTests {
    static let rule = "S4-placement-after-recommendation"

    /// Recommended Mon 2025-02-24: due 2025-03-10 (4 days to 28 February, then 10); the warning
    /// opens 3 days before, 2025-03-07.
    func recommended() -> JourneyBuilder {
        var builder = JourneyBuilder(reference: "EP-2025-019", profile: ChildProfile(sex: .female, ethnicity: .BCRB))
        builder.record(.birth, "2025-02-10")
        builder.record(.proceedingsIssued, "2025-02-17")
        builder.record(.enteredCare, "2025-02-17")
        builder.record(.epConsideration, "2025-02-24", .recommended)
        builder.record(.epCarersLinked, "2025-02-26", .dualApproval)
        return builder
    }

    @Test func pendingOnTheLastDayBeforeTheWarningWindow() {
        expectResult(recommended().result(Self.rule, asOf: "2025-03-06"), .pending, anchor: "2025-02-24", due: "2025-03-10", remaining: 4, mentions: ["2025-03-10"])
    }

    @Test func dueSoonOnTheFirstDayOfTheWarningWindow() {
        expectResult(recommended().result(Self.rule, asOf: "2025-03-07"), .dueSoon, anchor: "2025-02-24", due: "2025-03-10", remaining: 3, mentions: ["2025-03-10"])
    }

    @Test func dueSoonOnTheDueDay() {
        expectResult(recommended().result(Self.rule, asOf: "2025-03-10"), .dueSoon, anchor: "2025-02-24", due: "2025-03-10", remaining: 0, mentions: ["2025-03-10"])
    }

    @Test func overdueTheDayAfterTheDueDate() {
        expectResult(recommended().result(Self.rule, asOf: "2025-03-11"), .overdue, anchor: "2025-02-24", due: "2025-03-10", overdue: 1, mentions: ["2025-03-10"])
    }

    @Test func metWhenPlacedOnTheFourteenthDay() {
        var builder = recommended()
        builder.record(.epPlacement, "2025-03-10", .ffa(from: .interimCare))
        expectResult(builder.result(Self.rule, asOf: "2025-03-20"), .met, anchor: "2025-02-24", due: "2025-03-10", mentions: ["2025-03-10"])
    }

    @Test func lateWhenPlacedAWeekAfterTheDueDate() {
        var builder = recommended()
        builder.record(.epPlacement, "2025-03-17", .ffa(from: .interimCare))
        expectResult(builder.result(Self.rule, asOf: "2025-03-20"), .late, anchor: "2025-02-24", due: "2025-03-10", overdue: 7, mentions: ["2025-03-17", "2025-03-10"])
    }

    /// Recommended at a pre-birth conference; no birth yet, so no due date can be set.
    @Test func pendingBeforeBirthWhenRecommendedPreBirth() {
        var builder = JourneyBuilder.unborn(expected: "2025-06", ethnicity: .WBRI, reference: "EP-2025-020")
        builder.record(.preBirthConference, "2025-03-17", .preBirthConference(gestationWeeks: 27))
        builder.record(.epConsideration, "2025-05-20", .recommended)
        expectResult(builder.result(Self.rule, asOf: "2025-05-30"), .pending, anchor: "2025-05-20", due: nil, mentions: ["2025-05-20"])
    }

    /// Born Tue 2025-06-03 after a pre-birth recommendation: the 14 days run from birth, to
    /// 2025-06-17. Placed from hospital on 2025-06-06.
    @Test func metCountedFromBirthWhenRecommendedBeforeBirth() {
        var builder = JourneyBuilder.unborn(expected: "2025-06", ethnicity: .WBRI, reference: "EP-2025-020")
        builder.record(.preBirthConference, "2025-03-17", .preBirthConference(gestationWeeks: 27))
        builder.record(.epConsideration, "2025-05-20", .recommended)
        builder.record(.epCarersLinked, "2025-05-22", .dualApproval)
        builder.record(.birth, "2025-06-03")
        builder.record(.enteredCare, "2025-06-06")
        builder.record(.epPlacement, "2025-06-06", .ffa(from: .hospital))
        expectResult(builder.result(Self.rule, asOf: "2025-06-20"), .met, anchor: "2025-06-03", due: "2025-06-17", mentions: ["2025-06-06", "2025-06-03"])
    }

    @Test func notApplicableWhenEPWasDeferred() {
        var builder = JourneyBuilder(reference: "EP-2025-021", profile: ChildProfile(sex: .male, ethnicity: .WBRI))
        builder.record(.birth, "2025-02-10")
        builder.record(.epConsideration, "2025-02-24", .considered(.deferred, reason: "paternity unresolved"))
        expectResult(builder.result(Self.rule, asOf: "2025-04-01"), .notApplicable, anchor: nil, due: nil)
    }

    /// The local authority withdrew its application and the child went home on 2025-03-05,
    /// before the placement was due.
    @Test func notApplicableWhenTheChildWentHomeBeforeTheDueDate() {
        var builder = recommended()
        builder.record(.courtDecision, "2025-03-04", .courtDecision(outcome: .withdrawn))
        builder.record(.reunification, "2025-03-05")
        expectResult(builder.result(Self.rule, asOf: "2025-04-01"), .notApplicable, anchor: "2025-02-24", due: "2025-03-10", mentions: ["2025-03-05"])
    }

    /// Recommended before birth; the case closed before the baby was born (the family left the
    /// area). Nothing stays pending on a closed case.
    @Test func notApplicableWhenTheCaseClosedBeforeBirth() {
        var builder = JourneyBuilder.unborn(expected: "2025-06", ethnicity: .WBRI, reference: "EP-2025-020")
        builder.record(.epConsideration, "2025-04-14", .recommended)
        builder.record(.caseClosed, "2025-05-02", .closed("family moved to another local authority"))
        expectResult(builder.result(Self.rule, asOf: "2025-07-01"), .notApplicable, anchor: nil, due: nil, mentions: ["2025-05-02"])
    }
}
