import EPDomain
import Testing

/// S4-placement-after-recommendation: the EP placement within 14 days of the latest of the
/// standing recommendation, the birth and the child becoming looked after (warning 3 days); not
/// applicable while the standing decision is not suitable.
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

    /// Born Tue 2025-06-03 after a pre-birth recommendation and looked after from birth: the 14
    /// days run from birth, to 2025-06-17. Placed from hospital on 2025-06-06.
    @Test func metCountedFromBirthWhenRecommendedBeforeBirth() {
        var builder = JourneyBuilder.unborn(expected: "2025-06", ethnicity: .WBRI, reference: "EP-2025-020")
        builder.record(.preBirthConference, "2025-03-17", .preBirthConference(gestationWeeks: 27))
        builder.record(.epConsideration, "2025-05-20", .recommended)
        builder.record(.epCarersLinked, "2025-05-22", .dualApproval)
        builder.record(.birth, "2025-06-03")
        builder.record(.enteredCare, "2025-06-03")
        builder.record(.epPlacement, "2025-06-06", .ffa(from: .hospital))
        expectResult(builder.result(Self.rule, asOf: "2025-06-20"), .met, anchor: "2025-06-03", due: "2025-06-17", mentions: ["2025-06-06", "2025-06-03", "recommended before the birth, on 2025-05-20"])
    }

    /// Recommended on 2025-02-24 while the baby was at home under PLO: nobody can place a child
    /// who is not looked after, so the clock waits for entry to care (2025-03-10 → due 2025-03-24).
    func recommendedAtHome() -> JourneyBuilder {
        var builder = JourneyBuilder(reference: "EP-2025-022", profile: ChildProfile(sex: .male, ethnicity: .WIRT))
        builder.record(.birth, "2025-02-10")
        builder.record(.ploPreProceedings, "2025-02-17")
        builder.record(.epConsideration, "2025-02-24", .recommended)
        return builder
    }

    @Test func pendingWithNoDueDateWhileTheChildIsNotLookedAfter() {
        expectResult(recommendedAtHome().result(Self.rule, asOf: "2025-03-20"), .pending, anchor: "2025-02-24", due: nil, mentions: ["not looked after"])
    }

    @Test func theClockStartsWhenTheChildBecomesLookedAfter() {
        var builder = recommendedAtHome()
        builder.record(.proceedingsIssued, "2025-03-10")
        builder.record(.enteredCare, "2025-03-10")
        expectResult(builder.result(Self.rule, asOf: "2025-03-20"), .pending, anchor: "2025-03-10", due: "2025-03-24", remaining: 4, mentions: ["looked after", "recommended on 2025-02-24"])
        expectResult(builder.result(Self.rule, asOf: "2025-03-25"), .overdue, anchor: "2025-03-10", due: "2025-03-24", overdue: 1)
    }

    /// Recommended 2025-02-24, then judged not suitable on 2025-03-03 (the father's family came
    /// forward): the recommendation was withdrawn and there is nothing to place.
    @Test func notApplicableOnceTheRecommendationIsWithdrawn() {
        var builder = recommended()
        builder.record(.epConsideration, "2025-03-03", .considered(.notSuitable, reason: "paternal family assessment positive"))
        expectResult(builder.result(Self.rule, asOf: "2025-03-20"), .notApplicable, anchor: nil, due: nil, mentions: ["2025-02-24", "2025-03-03", "withdrawn"])
    }

    /// Withdrawn on 2025-03-03, recommended again on 2025-03-17: a new episode, due 2025-03-31.
    @Test func aRecommendationMadeAgainAfterAWithdrawalStartsAgain() {
        var builder = recommended()
        builder.record(.epConsideration, "2025-03-03", .notSuitable)
        builder.record(.epConsideration, "2025-03-17", .recommended)
        expectResult(builder.result(Self.rule, asOf: "2025-04-01"), .overdue, anchor: "2025-03-17", due: "2025-03-31", overdue: 1)
    }

    /// Recommended again at a review on 2025-03-03 while the first still stood: the same
    /// recommendation, whose clock does not restart.
    @Test func aRecommendationRepeatedDoesNotRestartTheClock() {
        var builder = recommended()
        builder.record(.epConsideration, "2025-03-03", .recommended)
        expectResult(builder.result(Self.rule, asOf: "2025-03-11"), .overdue, anchor: "2025-02-24", due: "2025-03-10", overdue: 1)
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
