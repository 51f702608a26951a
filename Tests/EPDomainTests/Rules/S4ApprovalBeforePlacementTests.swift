import EPDomain
import Testing

/// S4-approval-before-placement (order, statutory: Children Act 1989 s.22C(6)(b); CPPCR (England)
/// Regulations 2010 reg 25A): each EP placement is preceded by an approval for its own carers,
/// Reg 25A approval after their link or their dual approval.
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

    /// The Reg 25A carers approved on 2025-02-28 withdrew; new carers were linked on 2025-03-05
    /// and the child placed with them on 2025-03-07 before any decision on them: the earlier
    /// approval was for other carers.
    @Test func overdueWhenTheApprovalWasForEarlierCarers() {
        var builder = linkedThroughReg25a()
        builder.record(.reg25aDecision, "2025-02-28", .reg25aApproved)
        builder.record(.epCarersLinked, "2025-03-05", .reg25aRoute)
        builder.record(.enteredCare, "2025-03-07")
        builder.record(.epPlacement, "2025-03-07", .ffa(from: .hospital))
        expectResult(builder.result(Self.rule, asOf: "2025-03-10"), .overdue, anchor: "2025-03-07", due: "2025-03-07", overdue: 3, mentions: ["2025-03-07"])
        builder.record(.reg25aDecision, "2025-03-11", .reg25aApproved)
        expectResult(builder.result(Self.rule, asOf: "2025-03-12"), .late, anchor: "2025-03-07", due: "2025-03-07", overdue: 4, mentions: ["2025-03-11"])
    }

    /// Dual-approved carers took the baby on 2025-02-24; the placement ended on 2025-03-10 (an
    /// interim placement); Reg 25A carers linked on 2025-03-17 took her on 2025-03-20 with no
    /// decision on them yet. The second placement needs its own approval.
    @Test func eachPlacementNeedsAnApprovalForItsOwnCarers() {
        var builder = JourneyBuilder(reference: "EP-2025-036", profile: ChildProfile(sex: .female, ethnicity: .CHNE))
        builder.record(.birth, "2025-02-20")
        builder.record(.epCarersLinked, "2025-02-21", .dualApproval)
        builder.record(.enteredCare, "2025-02-24")
        builder.record(.epPlacement, "2025-02-24", .ffa(from: .hospital))
        builder.record(.interimPlacement, "2025-03-10", .fosterCare)
        builder.record(.epCarersLinked, "2025-03-17", .reg25aRoute)
        builder.record(.epPlacement, "2025-03-20", .ffa(from: .interimCare))
        expectResult(builder.result(Self.rule, asOf: "2025-03-24"), .overdue, anchor: "2025-03-20", due: "2025-03-20", overdue: 4, mentions: ["2025-03-20"])
        #expect(DataQuality.findings(in: builder.journey).map(\.code) == ["ep-placement-without-approval"])
    }

    /// Placed on 2025-03-03 with no approval, and the placement ended on 2025-03-12: nothing can
    /// put it right now, so it is late (9 days), not an open alert.
    @Test func lateWhenAnUnapprovedPlacementHasEnded() {
        var builder = linkedThroughReg25a()
        builder.record(.enteredCare, "2025-03-03")
        builder.record(.epPlacement, "2025-03-03", .ffa(from: .hospital))
        builder.record(.interimPlacement, "2025-03-12", .fosterCare)
        expectResult(builder.result(Self.rule, asOf: "2025-03-20"), .late, anchor: "2025-03-03", due: "2025-03-03", overdue: 9, mentions: ["ended on 2025-03-12"])
    }

    @Test func theRuleIsStatutory() {
        let rule = RuleCatalogue.rule(id: Self.rule)
        #expect(rule?.basis.name == "statutory")
        #expect(rule?.basis.source.contains("s.22C(6)(b)") == true)
        #expect(rule?.basis.source.contains("reg 25A") == true)
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
