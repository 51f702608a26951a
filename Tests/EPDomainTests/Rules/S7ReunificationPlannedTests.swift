import EPDomain
import Testing

/// S7-reunification-planned (order): the reunification plan is agreed before the child returns
/// home (Standard 7.3).
@Suite struct S7ReunificationPlannedTests {
    static let rule = "S7-reunification-planned"

    /// Concurrent carers since 2025-01-27; the court decides on 2025-06-30 that the baby goes home.
    func decidedHome() -> JourneyBuilder {
        var builder = JourneyBuilder(reference: "EP-2025-094", profile: ChildProfile(sex: .female, ethnicity: .BAFR))
        builder.record(.birth, "2025-01-14")
        builder.record(.proceedingsIssued, "2025-01-20")
        builder.record(.enteredCare, "2025-01-20")
        builder.record(.epConsideration, "2025-01-22", .recommended)
        builder.record(.epCarersLinked, "2025-01-24", .dualApproval)
        builder.record(.epPlacement, "2025-01-27", .concurrency(from: .interimCare))
        builder.record(.courtDecision, "2025-06-30", .returnHome)
        return builder
    }

    @Test func pendingOnceTheCourtDecidesTheChildGoesHome() {
        expectResult(decidedHome().result(Self.rule, asOf: "2025-07-02"), .pending, anchor: "2025-06-30", due: nil, mentions: ["2025-06-30", "before the move"])
    }

    @Test func metWhenThePlanIsAgreedAheadOfTheMove() {
        var builder = decidedHome()
        builder.record(.reunificationPlan, "2025-07-01")
        expectResult(builder.result(Self.rule, asOf: "2025-07-02"), .met, anchor: nil, due: nil, mentions: ["2025-07-01"])
        builder.record(.reunification, "2025-07-14")
        expectResult(builder.result(Self.rule, asOf: "2025-07-20"), .met, anchor: "2025-07-14", due: "2025-07-14", mentions: ["2025-07-01", "2025-07-14"])
    }

    /// Home under the interim order on 2025-04-14 with no plan, the court still to decide: the
    /// plan for the return and its support still needs agreeing, 6 days on.
    @Test func overdueWhenTheChildWentHomeWithoutAPlan() {
        var builder = JourneyBuilder(reference: "EP-2025-096", profile: ChildProfile(sex: .male, ethnicity: .WBRI))
        builder.record(.birth, "2025-01-14")
        builder.record(.proceedingsIssued, "2025-01-20")
        builder.record(.enteredCare, "2025-01-20")
        builder.record(.interimPlacement, "2025-01-20", .fosterCare)
        builder.record(.reunification, "2025-04-14")
        let result = builder.result(Self.rule, asOf: "2025-04-20")
        expectResult(result, .overdue, anchor: "2025-04-14", due: "2025-04-14", overdue: 6, mentions: ["no reunification plan"])
        #expect(result.status.isOpen)
    }

    /// Home for good on 2025-07-14 after the court's decision, with no plan: the miss is counted
    /// (overdue, up to the end of the journey that day), though the ended case leaves the lists.
    @Test func overdueAndCountedWhenTheJourneyEndedWithoutAPlan() {
        var builder = decidedHome()
        builder.record(.reunification, "2025-07-14")
        #expect(!builder.journey.state.isOpen)
        expectResult(builder.result(Self.rule, asOf: "2025-07-20"), .overdue, anchor: "2025-07-14", due: "2025-07-14", overdue: 0)
    }

    @Test func lateWhenThePlanCameAfterTheReturnHome() {
        var builder = decidedHome()
        builder.record(.reunification, "2025-07-14")
        builder.record(.reunificationPlan, "2025-07-18")
        expectResult(builder.result(Self.rule, asOf: "2025-07-20"), .late, anchor: "2025-07-14", due: "2025-07-14", overdue: 4, mentions: ["2025-07-18"])
    }

    /// A phased return under the interim order (S7.4), before the final hearing, planned first.
    @Test func metForAReturnHomeBeforeTheFinalHearing() {
        var builder = JourneyBuilder(reference: "EP-2025-095", profile: ChildProfile(sex: .male, ethnicity: .WBRI))
        builder.record(.birth, "2025-01-14")
        builder.record(.proceedingsIssued, "2025-01-20")
        builder.record(.enteredCare, "2025-01-20")
        builder.record(.interimPlacement, "2025-01-20", .fosterCare)
        builder.record(.reunificationPlan, "2025-04-01")
        builder.record(.reunification, "2025-04-14")
        #expect(builder.journey.state == .inProceedings)
        expectResult(builder.result(Self.rule, asOf: "2025-04-20"), .met, anchor: "2025-04-14", due: "2025-04-14")
    }

    @Test func notApplicableWithNoReturnHomePlannedOrMade() {
        var builder = decidedHome()
        let decision = builder.journey.first(.courtDecision)!.id
        builder.retract(decision, reason: "keyed on the wrong case", asOf: "2025-07-01")
        expectResult(builder.result(Self.rule, asOf: "2025-07-02"), .notApplicable, anchor: nil, due: nil)
    }

    /// The case closed (the family moved away) before the child went home.
    @Test func notApplicableWhenTheCaseClosedBeforeTheReturnHome() {
        var builder = decidedHome()
        builder.record(.caseClosed, "2025-07-04", .closed("family moved to another local authority"))
        expectResult(builder.result(Self.rule, asOf: "2025-07-20"), .notApplicable, anchor: nil, due: nil, mentions: ["2025-07-04"])
    }
}
