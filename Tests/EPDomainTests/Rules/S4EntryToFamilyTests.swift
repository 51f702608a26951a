import EPDomain
import Testing

/// S4-entry-to-family: from entering care to moving in with the eventual adopters within
/// 14 months (warning 2 months): the start of an EP placement that never ended when the EP carers
/// are the matched adopters, else `placed_for_adoption`; pending, never met, while it depends on a
/// match not yet made.
@Suite struct S4EntryToFamilyTests {
    static let rule = "S4-entry-to-family"

    /// Entered care (police protection) on Sun 2023-12-31: 14 months → 31 February 2025 does not
    /// exist → 2025-02-28. The warning opens 2 months before: 2024-12-28.
    func enteredCare() -> JourneyBuilder {
        var builder = JourneyBuilder(reference: "EP-2023-140", profile: ChildProfile(sex: .female, ethnicity: .WIRT, siblingGroupSize: 2))
        builder.record(.birth, "2023-12-20")
        builder.record(.proceedingsIssued, "2023-12-29")
        builder.record(.enteredCare, "2023-12-31")
        builder.record(.interimPlacement, "2023-12-31", .fosterCare)
        return builder
    }

    /// The same child, EP recommended on 2024-02-19 and placed with dual-approved EP carers
    /// (Fostering for Adoption, from interim foster care) on 2024-03-04.
    func withEPCarers() -> JourneyBuilder {
        var builder = enteredCare()
        builder.record(.epConsideration, "2024-02-19", .recommended)
        builder.record(.epCarersLinked, "2024-02-26", .dualApproval)
        builder.record(.epPlacement, "2024-03-04", .ffa(from: .interimCare))
        return builder
    }

    @Test func pendingOnTheLastDayBeforeTheWarningWindow() {
        // 2024-12-27 → 2025-02-28: 4 days to 31 December, 31, then 28.
        expectResult(enteredCare().result(Self.rule, asOf: "2024-12-27"), .pending, anchor: "2023-12-31", due: "2025-02-28", remaining: 63, mentions: ["2025-02-28"])
    }

    @Test func dueSoonOnTheFirstDayOfTheWarningWindow() {
        expectResult(enteredCare().result(Self.rule, asOf: "2024-12-28"), .dueSoon, anchor: "2023-12-31", due: "2025-02-28", remaining: 62, mentions: ["2025-02-28"])
    }

    @Test func dueSoonOnTheDueDay() {
        expectResult(enteredCare().result(Self.rule, asOf: "2025-02-28"), .dueSoon, anchor: "2023-12-31", due: "2025-02-28", remaining: 0, mentions: ["2025-02-28"])
    }

    @Test func overdueWhenStillWaitingForAFamily() {
        expectResult(enteredCare().result(Self.rule, asOf: "2025-03-01"), .overdue, anchor: "2023-12-31", due: "2025-02-28", overdue: 1, mentions: ["2025-02-28"])
    }

    /// The EP carers adopt: the child moved in with them at the EP placement, 2024-03-04.
    @Test func metFromTheEPPlacementWhenTheEPCarersAreMatched() {
        var builder = withEPCarers()
        builder.record(.courtDecision, "2024-06-17", .placementOrder)
        builder.record(.adoptionPanel, "2024-07-25", .panelRecommended)
        builder.record(.admMatchDecision, "2024-08-05", .matchedWithEPCarers)
        let result = builder.result(Self.rule, asOf: "2024-09-01")
        expectResult(result, .met, anchor: "2023-12-31", due: "2025-02-28", mentions: ["2024-03-04"])
        #expect(!result.message.contains("Provisional"))
    }

    /// With EP carers since 2024-03-04 and not yet matched: it counts as moving in only if the
    /// EP carers are matched as the adopters, so the result is pending, never met.
    @Test func pendingWhileWithEPCarersAndNotYetMatched() {
        let result = withEPCarers().result(Self.rule, asOf: "2025-05-01")
        expectResult(result, .pending, anchor: "2023-12-31", due: "2025-02-28", mentions: ["2024-03-04", "only once the EP carers are matched"])
        #expect(!result.status.isOpen)
    }

    /// Adopted by the EP carers on 2025-01-20 with no ADM match on record: the adoption order
    /// shows who the adopters are, so the child moved in with them at the EP placement. Not
    /// pending on a match that a closed journey will never record.
    @Test func metFromTheEPPlacementWhenAdoptedWithoutARecordedMatch() {
        var builder = withEPCarers()
        builder.record(.courtDecision, "2024-06-17", .placementOrder)
        builder.record(.adoptionOrder, "2025-01-20")
        expectResult(builder.result(Self.rule, asOf: "2025-05-01"), .met, anchor: "2023-12-31", due: "2025-02-28", mentions: ["2024-03-04"])
    }

    /// Transferred to another authority on 2024-09-30 while living with EP carers not matched
    /// here: no match will be recorded on this case. The deadline (2025-02-28) fell after the
    /// closure, so it is not applicable, where it used to stay pending for ever.
    @Test func notApplicableWhenClosedWithEPCarersBeforeTheDueDate() {
        var builder = withEPCarers()
        builder.record(.caseClosed, "2024-09-30", .closed("transferred to another authority"))
        let result = builder.result(Self.rule, asOf: "2025-05-01")
        expectResult(result, .notApplicable, anchor: "2023-12-31", due: "2025-02-28")
    }

    /// The EP placement of 2024-03-04 ended on 2024-06-03 (the carers withdrew; interim foster
    /// care): it is not moving in with the family, and the clock runs on.
    @Test func overdueWhenTheEPPlacementEnded() {
        var builder = withEPCarers()
        builder.record(.interimPlacement, "2024-06-03", .fosterCare)
        expectResult(builder.result(Self.rule, asOf: "2025-03-01"), .overdue, anchor: "2023-12-31", due: "2025-02-28", overdue: 1)
    }

    /// Placed with EP carers only on 2025-03-10, after the due date: whoever adopts, it is late.
    @Test func lateProvisionallyWhenTheEPPlacementCameAfterFourteenMonths() {
        var builder = enteredCare()
        builder.record(.epConsideration, "2025-02-03", .recommended)
        builder.record(.epCarersLinked, "2025-03-03", .dualApproval)
        builder.record(.epPlacement, "2025-03-10", .ffa(from: .interimCare))
        expectResult(builder.result(Self.rule, asOf: "2025-04-01"), .late, anchor: "2023-12-31", due: "2025-02-28", overdue: 10, mentions: ["provisional"])
    }

    /// Matched with adopters who were not EP carers on 2025-01-14, placed with them on 2025-03-14:
    /// 14 days after 2025-02-28. Before the placement, the clock was still running.
    @Test func lateWhenPlacedWithOtherAdoptersAfterFourteenMonths() {
        var builder = enteredCare()
        builder.record(.courtDecision, "2024-06-17", .placementOrder)
        builder.record(.adoptionPanel, "2025-01-06", .panelRecommended)
        builder.record(.admMatchDecision, "2025-01-14", .matchedWithOtherAdopters)
        expectResult(builder.result(Self.rule, asOf: "2025-03-03"), .overdue, anchor: "2023-12-31", due: "2025-02-28", overdue: 3)
        builder.record(.placedForAdoption, "2025-03-14")
        expectResult(builder.result(Self.rule, asOf: "2025-04-01"), .late, anchor: "2023-12-31", due: "2025-02-28", overdue: 14, mentions: ["2025-03-14", "2025-02-28"])
    }

    @Test func metWhenPlacedForAdoptionWithOtherAdoptersInTime() {
        var builder = enteredCare()
        builder.record(.courtDecision, "2024-06-17", .placementOrder)
        builder.record(.adoptionPanel, "2024-10-07", .panelRecommended)
        builder.record(.admMatchDecision, "2024-10-14", .matchedWithOtherAdopters)
        builder.record(.placedForAdoption, "2024-11-04")
        expectResult(builder.result(Self.rule, asOf: "2025-04-01"), .met, anchor: "2023-12-31", due: "2025-02-28", mentions: ["2024-11-04"])
    }

    @Test func notApplicableWhenTheCourtMadeACareOrder() {
        var builder = enteredCare()
        builder.record(.courtDecision, "2024-06-17", .careOrder)
        #expect(builder.journey.state == .otherPermanence)
        expectResult(builder.result(Self.rule, asOf: "2025-04-01"), .notApplicable, anchor: nil, due: nil)
    }

    @Test func notApplicableWhenTheChildReturnedHome() {
        var builder = enteredCare()
        builder.record(.courtDecision, "2024-06-17", .returnHome)
        builder.record(.reunification, "2024-06-24")
        expectResult(builder.result(Self.rule, asOf: "2025-04-01"), .notApplicable, anchor: nil, due: nil)
    }

    @Test func notApplicableWhenASpecialGuardianshipOrderWasMade() {
        var builder = enteredCare()
        builder.record(.courtDecision, "2024-06-17", .courtDecision(outcome: .specialGuardianship))
        expectResult(builder.result(Self.rule, asOf: "2025-04-01"), .notApplicable, anchor: nil, due: nil)
    }

    @Test func notApplicableBeforeEnteringCare() {
        var builder = JourneyBuilder(reference: "EP-2023-141", profile: ChildProfile(sex: .male, ethnicity: .WBRI))
        builder.record(.birth, "2023-12-20")
        builder.record(.ploPreProceedings, "2024-01-08")
        expectResult(builder.result(Self.rule, asOf: "2025-04-01"), .notApplicable, anchor: nil, due: nil)
    }

    /// Home under the interim order from 2024-06-03, the final hearing still to come: on
    /// 2025-05-20 (nearly 17 months after entry to care) nothing asks for family finding: pending,
    /// no deadline (Standard 7.1). Placed in foster care again on 2025-05-26, the clock from entry
    /// to care counts again: overdue since 2025-02-28.
    @Test func pendingWhileTheChildLivesAtHomeUnderTheInterimOrder() {
        var builder = enteredCare()
        builder.record(.reunification, "2024-06-03")
        let home = builder.result(Self.rule, asOf: "2025-05-20")
        expectResult(home, .pending, anchor: "2023-12-31", due: nil, mentions: ["lived at home since 2024-06-03"])
        #expect(!home.status.isOpen)
        builder.record(.interimPlacement, "2025-05-26", .fosterCare)
        expectResult(builder.result(Self.rule, asOf: "2025-05-27"), .overdue, anchor: "2023-12-31", due: "2025-02-28", overdue: 88)
    }

    /// Home under the interim order, then the case closed (transferred): the closure ends the
    /// wait as before; no pending for ever.
    @Test func aClosureWhileTheChildIsHomeEndsTheWait() {
        var builder = enteredCare()
        builder.record(.reunification, "2024-06-03")
        builder.record(.caseClosed, "2024-09-02", .closed("transferred to another local authority"))
        let result = builder.result(Self.rule, asOf: "2025-05-20")
        #expect(result.status != .pending, "\(result.status)")
    }
}
