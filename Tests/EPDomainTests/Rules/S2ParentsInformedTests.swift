import EPDomain
import Testing

/// S2-parents-informed (order): the parents are given information about EP before the EP
/// placement.
@Suite struct S2ParentsInformedTests {
    static let rule = "S2-parents-informed"

    func recommended() -> JourneyBuilder {
        var builder = JourneyBuilder(reference: "EP-2025-017", profile: ChildProfile(sex: .female, ethnicity: .BAFR))
        builder.record(.birth, "2025-02-03")
        builder.record(.proceedingsIssued, "2025-02-10")
        builder.record(.epConsideration, "2025-02-12", .recommended)
        builder.record(.epCarersLinked, "2025-02-14", .dualApproval)
        return builder
    }

    @Test func pendingWhenRecommendedAndParentsNotYetInformed() {
        expectResult(recommended().result(Self.rule, asOf: "2025-02-17"), .pending, anchor: nil, due: nil)
    }

    @Test func metWhenInformedAheadOfAnyPlacement() {
        var builder = recommended()
        builder.record(.parentsInformedOfEP, "2025-02-13")
        expectResult(builder.result(Self.rule, asOf: "2025-02-17"), .met, anchor: nil, due: nil, mentions: ["2025-02-13"])
    }

    @Test func metWhenInformedOnThePlacementDay() {
        var builder = recommended()
        builder.record(.enteredCare, "2025-02-18")
        builder.record(.parentsInformedOfEP, "2025-02-18")
        builder.record(.epPlacement, "2025-02-18", .ffa(from: .birthFamily))
        expectResult(builder.result(Self.rule, asOf: "2025-03-01"), .met, anchor: "2025-02-18", due: "2025-02-18", mentions: ["2025-02-18"])
    }

    /// Placed 2025-02-18, parents told 2025-02-21: 3 days after.
    @Test func lateWhenInformedAfterThePlacement() {
        var builder = recommended()
        builder.record(.enteredCare, "2025-02-18")
        builder.record(.epPlacement, "2025-02-18", .ffa(from: .birthFamily))
        builder.record(.parentsInformedOfEP, "2025-02-21")
        expectResult(builder.result(Self.rule, asOf: "2025-03-01"), .late, anchor: "2025-02-18", due: "2025-02-18", overdue: 3, mentions: ["2025-02-21", "2025-02-18"])
    }

    /// Placed 2025-02-18 and no record on 2025-03-04: 14 days.
    @Test func overdueWhenPlacedAndParentsNeverInformed() {
        var builder = recommended()
        builder.record(.enteredCare, "2025-02-18")
        builder.record(.epPlacement, "2025-02-18", .ffa(from: .birthFamily))
        expectResult(builder.result(Self.rule, asOf: "2025-03-04"), .overdue, anchor: "2025-02-18", due: "2025-02-18", overdue: 14, mentions: ["2025-02-18"])
    }

    @Test func notApplicableWhenEPWasNotRecommended() {
        var builder = JourneyBuilder(reference: "EP-2025-018", profile: ChildProfile(sex: .male, ethnicity: .WBRI))
        builder.record(.birth, "2025-02-03")
        builder.record(.epConsideration, "2025-02-12", .considered(.notSuitable, reason: "kinship placement identified"))
        expectResult(builder.result(Self.rule, asOf: "2025-03-01"), .notApplicable, anchor: nil, due: nil)
    }

    /// The plan changed and the case closed before any placement: nothing left pending.
    @Test func notApplicableWhenTheCaseClosedBeforeAnyPlacement() {
        var builder = recommended()
        builder.record(.courtDecision, "2025-03-24", .courtDecision(outcome: .withdrawn))
        builder.record(.caseClosed, "2025-03-28", .closed("proceedings withdrawn"))
        expectResult(builder.result(Self.rule, asOf: "2025-04-10"), .notApplicable, anchor: nil, due: nil, mentions: ["2025-03-28"])
    }
}
