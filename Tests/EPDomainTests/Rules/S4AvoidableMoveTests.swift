import EPDomain
import Testing

/// S4-avoidable-move (pattern): after EP is recommended the child goes straight to the EP
/// carers, with no interim placement in between.
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
        expectResult(builder.result(Self.rule, asOf: "2025-03-20"), .met, anchor: "2025-03-03", due: nil, mentions: ["2025-03-06"])
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
        expectResult(builder.result(Self.rule, asOf: "2025-03-20"), .met, anchor: "2025-03-03", due: nil)
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

    /// Moved to interim care 2025-03-10 and still not with EP carers on 2025-03-31: 21 days.
    @Test func overdueWhenInInterimCareAfterRecommendation() {
        var builder = recommended()
        builder.record(.enteredCare, "2025-03-10")
        builder.record(.interimPlacement, "2025-03-10", .fosterCare)
        expectResult(builder.result(Self.rule, asOf: "2025-03-31"), .overdue, anchor: "2025-03-03", due: "2025-03-10", overdue: 21, mentions: ["2025-03-10"])
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
