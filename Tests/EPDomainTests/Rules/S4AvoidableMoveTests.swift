import EPDomain
import Testing

/// S4-avoidable-move (pattern): after EP is recommended the child goes straight to the EP
/// carers, with no interim placement in between: late when one came after the recommendation,
/// met otherwise; the message states the moves as they were.
@Suite struct S4AvoidableMoveTests {
    static let rule = "S4-avoidable-move"

    func recommended() -> JourneyBuilder {
        var builder = JourneyBuilder(reference: "EP-2025-040", profile: ChildProfile(sex: .male, ethnicity: .WBRI))
        builder.record(.birth, "2025-02-12")
        builder.record(.proceedingsIssued, "2025-02-26")
        builder.record(.epConsideration, "2025-03-03", .recommended)
        return builder
    }

    @Test func pendingWhenRecommendedAndNotYetPlaced() {
        expectResult(recommended().result(Self.rule, asOf: "2025-03-05"), .pending, anchor: "2025-03-03", due: nil, mentions: ["2025-03-03"])
    }

    @Test func metWhenPlacedStraightWithEPCarers() {
        var builder = recommended()
        builder.record(.epCarersLinked, "2025-03-04", .dualApproval)
        builder.record(.enteredCare, "2025-03-06")
        builder.record(.epPlacement, "2025-03-06", .ffa(from: .birthFamily))
        expectResult(builder.result(Self.rule, asOf: "2025-03-20"), .met, anchor: "2025-03-03", due: nil, mentions: ["from the birth family straight to the EP carers on 2025-03-06"])
    }

    @Test func metWhenPlacedFromHospital() {
        var builder = recommended()
        builder.record(.epCarersLinked, "2025-03-04", .dualApproval)
        builder.record(.enteredCare, "2025-03-05")
        builder.record(.epPlacement, "2025-03-05", .ffa(from: .hospital))
        expectResult(builder.result(Self.rule, asOf: "2025-03-20"), .met, anchor: "2025-03-03", due: nil, mentions: ["from hospital straight to the EP carers on 2025-03-05"])
    }

    /// Placed "from interim care" with no interim placement recorded: met, and the message does
    /// not pretend the move was straight.
    @Test func metWhenPlacedFromInterimCareThatIsNotRecorded() {
        var builder = recommended()
        builder.record(.epCarersLinked, "2025-03-04", .dualApproval)
        builder.record(.enteredCare, "2025-03-05")
        builder.record(.epPlacement, "2025-03-07", .ffa(from: .interimCare))
        let result = builder.result(Self.rule, asOf: "2025-03-20")
        expectResult(result, .met, anchor: "2025-03-03", due: nil, mentions: ["from interim care to the EP carers on 2025-03-07"])
        #expect(!result.message.contains("straight"))
    }

    /// The interim foster placement began on 2025-02-27, before EP was recommended: not a move
    /// the recommendation could have spared.
    @Test func metWhenTheInterimPlacementPredatesTheRecommendation() {
        var builder = JourneyBuilder(reference: "EP-2025-041", profile: ChildProfile(sex: .female, ethnicity: .MOTH))
        builder.record(.birth, "2025-02-12")
        builder.record(.proceedingsIssued, "2025-02-26")
        builder.record(.enteredCare, "2025-02-27")
        builder.record(.interimPlacement, "2025-02-27", .fosterCare)
        builder.record(.epConsideration, "2025-03-03", .recommended)
        builder.record(.epCarersLinked, "2025-03-04", .dualApproval)
        builder.record(.epPlacement, "2025-03-10", .ffa(from: .interimCare))
        let result = builder.result(Self.rule, asOf: "2025-03-20")
        expectResult(result, .met, anchor: "2025-03-03", due: nil, mentions: [
            "The child was already in an interim placement (from 2025-02-27) when EP was recommended on 2025-03-03, and moved from there to the EP carers on 2025-03-10",
        ])
        #expect(!result.message.contains("straight"))
    }

    /// Recommended 2025-03-03, moved to interim foster care 2025-03-10, reached the EP carers on
    /// 2025-04-07: 28 days in the placement the child did not need.
    @Test func lateWhenAnInterimMoveCameBetweenRecommendationAndEPPlacement() {
        var builder = recommended()
        builder.record(.enteredCare, "2025-03-10")
        builder.record(.interimPlacement, "2025-03-10", .fosterCare)
        builder.record(.epCarersLinked, "2025-04-01", .dualApproval)
        builder.record(.epPlacement, "2025-04-07", .ffa(from: .interimCare))
        expectResult(builder.result(Self.rule, asOf: "2025-04-14"), .late, anchor: "2025-03-03", due: "2025-03-10", overdue: 28, mentions: ["2025-03-10", "2025-03-03", "2025-04-07"])
    }

    /// Moved to interim care 2025-03-10 and still not with EP carers on 2025-03-31: the avoidable
    /// move already happened (late); finding the carers is S4-placement-after-recommendation's alert.
    @Test func lateAsSoonAsAnInterimMoveFollowsTheRecommendation() {
        var builder = recommended()
        builder.record(.enteredCare, "2025-03-10")
        builder.record(.interimPlacement, "2025-03-10", .fosterCare)
        expectResult(builder.result(Self.rule, asOf: "2025-03-31"), .late, anchor: "2025-03-03", due: "2025-03-10", mentions: ["2025-03-10", "not yet with EP carers"])
    }

    /// Two interim placements after the recommendation (2025-03-10, then 2025-03-24) before the EP
    /// carers on 2025-04-07.
    @Test func lateWithEveryMoveCounted() {
        var builder = recommended()
        builder.record(.enteredCare, "2025-03-10")
        builder.record(.interimPlacement, "2025-03-10", .fosterCare)
        builder.record(.interimPlacement, "2025-03-24", .fosterCare)
        builder.record(.epCarersLinked, "2025-04-01", .dualApproval)
        builder.record(.epPlacement, "2025-04-07", .ffa(from: .interimCare))
        expectResult(builder.result(Self.rule, asOf: "2025-04-14"), .late, anchor: "2025-03-03", due: "2025-03-10", overdue: 28, mentions: ["2 interim placements"])
    }

    @Test func notApplicableWhenTheRecommendationWasWithdrawn() {
        var builder = recommended()
        builder.record(.epConsideration, "2025-03-05", .notSuitable)
        builder.record(.enteredCare, "2025-03-10")
        builder.record(.interimPlacement, "2025-03-10", .fosterCare)
        expectResult(builder.result(Self.rule, asOf: "2025-03-31"), .notApplicable, anchor: nil, due: nil, mentions: ["withdrawn"])
    }

    @Test func notApplicableWithoutARecommendation() {
        var builder = JourneyBuilder(reference: "EP-2025-042", profile: ChildProfile(sex: .male, ethnicity: .WBRI))
        builder.record(.birth, "2025-02-12")
        builder.record(.enteredCare, "2025-02-27")
        builder.record(.interimPlacement, "2025-02-27", .fosterCare)
        expectResult(builder.result(Self.rule, asOf: "2025-03-20"), .notApplicable, anchor: nil, due: nil)
    }

    /// The child went home on 2025-03-14 before any placement was needed: nothing pending.
    @Test func notApplicableWhenTheChildWentHomeBeforeAnyMove() {
        var builder = recommended()
        builder.record(.courtDecision, "2025-03-13", .courtDecision(outcome: .withdrawn))
        builder.record(.reunification, "2025-03-14")
        expectResult(builder.result(Self.rule, asOf: "2025-04-01"), .notApplicable, anchor: nil, due: nil, mentions: ["2025-03-14"])
    }
}
