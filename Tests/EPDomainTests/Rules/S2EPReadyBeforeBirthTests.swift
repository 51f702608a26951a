import EPDomain
import Testing

/// S2-ep-ready-before-birth: for a child unborn at referral with EP recommended before birth, EP
/// carers are linked by week 36 of pregnancy (warning 2 weeks), counted from the expected
/// delivery date, so the baby can go straight from hospital to them.
@Suite struct S2EPReadyBeforeBirthTests {
    static let rule = "S2-ep-ready-before-birth"

    /// Expected in June 2025: EDD 2025-06-15; week 36 is 4 weeks before, 2025-05-18; the warning
    /// opens 2 weeks before that, 2025-05-04. EP recommended on 2025-03-17.
    func recommendedBeforeBirth() -> JourneyBuilder {
        var builder = JourneyBuilder.unborn(expected: "2025-06", ethnicity: .WBRI, reference: "EP-2025-065")
        builder.record(.preBirthConference, "2025-03-03")
        builder.record(.epConsideration, "2025-03-17", .recommended)
        return builder
    }

    @Test func pendingOnTheLastDayBeforeTheWarningWindow() {
        expectResult(recommendedBeforeBirth().result(Self.rule, asOf: "2025-05-03"), .pending, anchor: "2025-03-17", due: "2025-05-18", remaining: 15, mentions: ["week 36", "expected delivery date 2025-06-15"])
    }

    @Test func dueSoonOnTheFirstDayOfTheWarningWindow() {
        expectResult(recommendedBeforeBirth().result(Self.rule, asOf: "2025-05-04"), .dueSoon, anchor: "2025-03-17", due: "2025-05-18", remaining: 14)
    }

    @Test func dueSoonOnTheDueDay() {
        expectResult(recommendedBeforeBirth().result(Self.rule, asOf: "2025-05-18"), .dueSoon, anchor: "2025-03-17", due: "2025-05-18", remaining: 0)
    }

    @Test func overdueAfterWeekThirtySixWithNoCarersLinked() {
        expectResult(recommendedBeforeBirth().result(Self.rule, asOf: "2025-05-19"), .overdue, anchor: "2025-03-17", due: "2025-05-18", overdue: 1, mentions: ["link EP carers"])
    }

    @Test func metWhenCarersAreLinkedByWeekThirtySix() {
        var builder = recommendedBeforeBirth()
        builder.record(.epCarersLinked, "2025-05-01", .dualApproval)
        expectResult(builder.result(Self.rule, asOf: "2025-05-20"), .met, anchor: "2025-03-17", due: "2025-05-18", mentions: ["2025-05-01"])
    }

    @Test func lateWhenCarersAreLinkedAfterWeekThirtySixButBeforeTheBirth() {
        var builder = recommendedBeforeBirth()
        builder.record(.epCarersLinked, "2025-05-26", .reg25aRoute)
        expectResult(builder.result(Self.rule, asOf: "2025-06-01"), .late, anchor: "2025-03-17", due: "2025-05-18", overdue: 8, mentions: ["2025-05-26"])
    }

    /// Born on 2025-06-10 with no carers linked: they were not ready, which can no longer be put
    /// right (late, 23 days from week 36 to the birth, closed); carers linked after the birth do
    /// not change that.
    @Test func lateWhenTheBabyIsBornWithNoCarersLinked() {
        var builder = recommendedBeforeBirth()
        builder.record(.birth, "2025-06-10")
        let result = builder.result(Self.rule, asOf: "2025-06-11")
        expectResult(result, .late, anchor: "2025-03-17", due: "2025-05-18", overdue: 23, mentions: ["the child was born on 2025-06-10"])
        #expect(!result.status.isOpen)
        builder.record(.epCarersLinked, "2025-06-12", .dualApproval)
        expectResult(builder.result(Self.rule, asOf: "2025-06-20"), .late, anchor: "2025-03-17", due: "2025-05-18", overdue: 23)
    }

    @Test func notApplicableWhenBornPrematurelyBeforeWeekThirtySix() {
        var builder = recommendedBeforeBirth()
        builder.record(.birth, "2025-05-10", .gestation(35))
        expectResult(builder.result(Self.rule, asOf: "2025-05-20"), .notApplicable, anchor: "2025-03-17", due: "2025-05-18", mentions: ["born on 2025-05-10"])
    }

    @Test func notApplicableWhenRecommendedOnlyAfterWeekThirtySix() {
        var builder = JourneyBuilder.unborn(expected: "2025-06", ethnicity: .WBRI, reference: "EP-2025-066")
        builder.record(.preBirthConference, "2025-05-05")
        builder.record(.epConsideration, "2025-05-25", .recommended)
        expectResult(builder.result(Self.rule, asOf: "2025-06-01"), .notApplicable, anchor: "2025-05-25", due: nil, mentions: ["after week 36"])
    }

    @Test func notApplicableWhenTheRecommendationWasWithdrawnBeforeTheBirth() {
        var builder = recommendedBeforeBirth()
        builder.record(.epConsideration, "2025-04-14", .considered(.notSuitable, reason: "father's full assessment positive"))
        expectResult(builder.result(Self.rule, asOf: "2025-05-20"), .notApplicable, anchor: nil, due: nil)
    }

    @Test func notApplicableWhenEPWasRecommendedOnlyAfterTheBirth() {
        var builder = JourneyBuilder.unborn(expected: "2025-06", ethnicity: .WBRI, reference: "EP-2025-067")
        builder.record(.preBirthConference, "2025-03-03")
        builder.record(.birth, "2025-06-12")
        builder.record(.epConsideration, "2025-06-16", .recommended)
        expectResult(builder.result(Self.rule, asOf: "2025-06-20"), .notApplicable, anchor: nil, due: nil, mentions: ["not recommended before the birth"])
    }

    @Test func notApplicableForAChildBornBeforeReferral() {
        var builder = JourneyBuilder(reference: "EP-2025-068", profile: ChildProfile(sex: .male, ethnicity: .WBRI))
        builder.record(.birth, "2025-03-01")
        builder.record(.epConsideration, "2025-03-10", .recommended)
        expectResult(builder.result(Self.rule, asOf: "2025-04-01"), .notApplicable, anchor: nil, due: nil)
    }

    @Test func notApplicableWhenTheCaseClosedBeforeWeekThirtySix() {
        var builder = recommendedBeforeBirth()
        builder.record(.caseClosed, "2025-04-30", .closed("family moved to another local authority"))
        expectResult(builder.result(Self.rule, asOf: "2025-06-01"), .notApplicable, anchor: "2025-03-17", due: "2025-05-18", mentions: ["2025-04-30"])
    }
}
