import EPDomain
import Testing

/// S4-approval-before-placement (order): the EP placement is preceded by Reg 25A approval for
/// this child or by the carers' dual approval.
@Suite struct S4ApprovalBeforePlacementTests {
    static let rule = "S4-approval-before-placement"

    func linkedThroughReg25a() -> JourneyBuilder {
        var builder = JourneyBuilder(reference: "EP-2025-033", profile: ChildProfile(sex: .male, ethnicity: .WIRI))
        builder.record(.birth, "2025-02-20")
        builder.record(.proceedingsIssued, "2025-02-24")
        builder.record(.epConsideration, "2025-02-25", .recommended)
        builder.record(.epCarersLinked, "2025-02-26", .reg25aRoute)
        return builder
    }

    @Test func pendingWhenLinkedAndNotYetApproved() {
        expectResult(linkedThroughReg25a().result(Self.rule, asOf: "2025-02-27"), .pending, anchor: nil, due: nil)
    }

    @Test func metWhenApprovedAheadOfAnyPlacement() {
        var builder = linkedThroughReg25a()
        builder.record(.reg25aDecision, "2025-02-28", .reg25aApproved)
        expectResult(builder.result(Self.rule, asOf: "2025-03-01"), .met, anchor: nil, due: nil, mentions: ["2025-02-28"])
    }

    @Test func metWhenReg25aApprovalPrecedesThePlacement() {
        var builder = linkedThroughReg25a()
        builder.record(.reg25aDecision, "2025-02-28", .reg25aApproved)
        builder.record(.enteredCare, "2025-03-03")
        builder.record(.epPlacement, "2025-03-03", .ffa(from: .hospital))
        expectResult(builder.result(Self.rule, asOf: "2025-03-10"), .met, anchor: "2025-03-03", due: "2025-03-03", mentions: ["2025-02-28", "2025-03-03"])
    }

    @Test func metWhenTheCarersAreDualApproved() {
        var builder = JourneyBuilder(reference: "EP-2025-034", profile: ChildProfile(sex: .female, ethnicity: .CHNE))
        builder.record(.birth, "2025-02-20")
        builder.record(.epCarersLinked, "2025-02-21", .dualApproval)
        builder.record(.enteredCare, "2025-02-24")
        builder.record(.epPlacement, "2025-02-24", .ffa(from: .hospital))
        expectResult(builder.result(Self.rule, asOf: "2025-03-10"), .met, anchor: "2025-02-24", due: "2025-02-24", mentions: ["2025-02-21"])
    }

    /// Placed 2025-03-03, approved 2025-03-05: the placement came 2 days before its legal basis.
    @Test func lateWhenApprovalCameAfterThePlacement() {
        var builder = linkedThroughReg25a()
        builder.record(.enteredCare, "2025-03-03")
        builder.record(.epPlacement, "2025-03-03", .ffa(from: .hospital))
        builder.record(.reg25aDecision, "2025-03-05", .reg25aApproved)
        expectResult(builder.result(Self.rule, asOf: "2025-03-10"), .late, anchor: "2025-03-03", due: "2025-03-03", overdue: 2, mentions: ["2025-03-03", "2025-03-05"])
    }

    /// Placed 2025-03-03 after a declined Reg 25A decision: 7 days unapproved on 2025-03-10.
    @Test func overdueWhenPlacedWithoutApproval() {
        var builder = linkedThroughReg25a()
        builder.record(.reg25aDecision, "2025-02-28", .reg25aDeclined)
        builder.record(.enteredCare, "2025-03-03")
        builder.record(.epPlacement, "2025-03-03", .ffa(from: .hospital))
        expectResult(builder.result(Self.rule, asOf: "2025-03-10"), .overdue, anchor: "2025-03-03", due: "2025-03-03", overdue: 7, mentions: ["2025-03-03"])
    }

    @Test func notApplicableWithNoCarersLinkedAndNoPlacement() {
        var builder = JourneyBuilder(reference: "EP-2025-035", profile: ChildProfile(sex: .male, ethnicity: .WBRI))
        builder.record(.birth, "2025-02-20")
        builder.record(.epConsideration, "2025-02-25", .recommended)
        expectResult(builder.result(Self.rule, asOf: "2025-03-10"), .notApplicable, anchor: nil, due: nil)
    }

    /// The link fell through when the court withdrew the proceedings; the case closed.
    @Test func notApplicableWhenTheCaseClosedBeforeAnyPlacement() {
        var builder = linkedThroughReg25a()
        builder.record(.courtDecision, "2025-03-10", .courtDecision(outcome: .withdrawn))
        builder.record(.caseClosed, "2025-03-12", .closed("proceedings withdrawn"))
        expectResult(builder.result(Self.rule, asOf: "2025-04-01"), .notApplicable, anchor: nil, due: nil, mentions: ["2025-03-12"])
    }
}
