import EPDomain
import Testing

/// Suspicious but possible: stored, and raised as a data-quality finding instead of refused.
@Suite struct DataQualityTests {
    func placedFromHospital(linked route: MilestoneDetails?) -> (JourneyBuilder, Milestone.ID) {
        var builder = JourneyBuilder(reference: "EP-2025-056", profile: ChildProfile(sex: .female, ethnicity: .AOTH))
        builder.record(.birth, "2025-03-10")
        builder.record(.epConsideration, "2025-03-10", .recommended)
        if let route { builder.record(.epCarersLinked, "2025-03-11", route) }
        builder.record(.enteredCare, "2025-03-13")
        let placement = builder.record(.epPlacement, "2025-03-13", .ffa(from: .hospital))
        return (builder, placement)
    }

    @Test func anEPPlacementWithNoApprovalIsStoredAndFlagged() {
        let (builder, placement) = placedFromHospital(linked: .reg25aRoute)
        #expect(builder.journey.contains(.epPlacement))
        let findings = DataQuality.findings(in: builder.journey)
        #expect(findings.count == 1)
        #expect(findings.first?.code == "ep-placement-without-approval")
        #expect(findings.first?.milestoneID == placement)
        #expect(findings.first?.message.contains("2025-03-13") == true)
    }

    @Test func noFindingWhenTheCarersAreDualApproved() {
        let (builder, _) = placedFromHospital(linked: .dualApproval)
        #expect(DataQuality.findings(in: builder.journey).isEmpty)
    }

    @Test func noFindingWhenReg25aApprovalPrecedesThePlacement() {
        var builder = JourneyBuilder(reference: "EP-2025-057", profile: ChildProfile(sex: .male, ethnicity: .WBRI))
        builder.record(.birth, "2025-03-10")
        builder.record(.epCarersLinked, "2025-03-11", .reg25aRoute)
        builder.record(.enteredCare, "2025-03-12")
        builder.record(.reg25aDecision, "2025-03-12", .reg25aApproved)
        builder.record(.epPlacement, "2025-03-13", .ffa(from: .hospital))
        #expect(DataQuality.findings(in: builder.journey).isEmpty)
    }

    /// Reg 25A approves carers for a looked-after child: approved on 2025-03-12, looked after only
    /// from 2025-03-13. Stored, and flagged.
    @Test func aReg25aApprovalBeforeTheChildWasLookedAfterIsFlagged() {
        var builder = JourneyBuilder(reference: "EP-2025-059", profile: ChildProfile(sex: .male, ethnicity: .WBRI))
        builder.record(.birth, "2025-03-10")
        builder.record(.epCarersLinked, "2025-03-11", .reg25aRoute)
        let approval = builder.record(.reg25aDecision, "2025-03-12", .reg25aApproved)
        builder.record(.enteredCare, "2025-03-13")
        builder.record(.epPlacement, "2025-03-13", .ffa(from: .hospital))
        let findings = DataQuality.findings(in: builder.journey)
        #expect(findings.map(\.code) == ["reg25a-approval-before-looked-after"])
        #expect(findings.first?.milestoneID == approval)
        #expect(findings.first?.message.contains("2025-03-13") == true)
    }

    /// The approval was for the first carers (linked 2025-03-11); new Reg 25A carers linked on
    /// 2025-03-20 took the child on 2025-03-21 without one.
    @Test func anApprovalForOtherCarersDoesNotClearTheFinding() {
        var builder = JourneyBuilder(reference: "EP-2025-060", profile: ChildProfile(sex: .male, ethnicity: .WBRI))
        builder.record(.birth, "2025-03-10")
        builder.record(.enteredCare, "2025-03-10")
        builder.record(.epCarersLinked, "2025-03-11", .reg25aRoute)
        builder.record(.reg25aDecision, "2025-03-12", .reg25aApproved)
        builder.record(.epCarersLinked, "2025-03-20", .reg25aRoute)
        let placement = builder.record(.epPlacement, "2025-03-21", .ffa(from: .hospital))
        #expect(DataQuality.findings(in: builder.journey).map(\.milestoneID) == [placement])
    }

    @Test func anApprovalAfterThePlacementDoesNotClearTheFinding() {
        var (builder, _) = placedFromHospital(linked: .reg25aRoute)
        builder.record(.reg25aDecision, "2025-03-14", .reg25aApproved)
        #expect(DataQuality.findings(in: builder.journey).count == 1)
    }

    @Test func noFindingWithoutAnEPPlacement() {
        var builder = JourneyBuilder(reference: "EP-2025-058", profile: ChildProfile(sex: .male, ethnicity: .WBRI))
        builder.record(.birth, "2025-03-10")
        builder.record(.epCarersLinked, "2025-03-11", .reg25aRoute)
        #expect(DataQuality.findings(in: builder.journey).isEmpty)
    }

    /// Placed from hospital on 2025-03-13 with no entry to care recorded: the placement makes the
    /// baby looked after, and the entry-to-family figure needs its start. Recorded on the day
    /// after, the finding goes.
    @Test func anEPPlacementWithNoEntryToCareIsFlagged() {
        var builder = JourneyBuilder(reference: "EP-2025-061", profile: ChildProfile(sex: .female, ethnicity: .WBRI))
        builder.record(.birth, "2025-03-10")
        builder.record(.epCarersLinked, "2025-03-11", .dualApproval)
        let placement = builder.record(.epPlacement, "2025-03-13", .ffa(from: .hospital))
        let findings = DataQuality.findings(in: builder.journey)
        #expect(findings.map(\.code) == ["ep-placement-before-looked-after"])
        #expect(findings.first?.milestoneID == placement)
        builder.record(.enteredCare, "2025-03-14")
        #expect(DataQuality.findings(in: builder.journey).map(\.code) == ["ep-placement-before-looked-after"], "entry to care after the placement")
        var recorded = JourneyBuilder(reference: "EP-2025-062", profile: ChildProfile(sex: .female, ethnicity: .WBRI))
        recorded.record(.birth, "2025-03-10")
        recorded.record(.epCarersLinked, "2025-03-11", .dualApproval)
        recorded.record(.enteredCare, "2025-03-13")
        recorded.record(.epPlacement, "2025-03-13", .ffa(from: .hospital))
        #expect(DataQuality.findings(in: recorded.journey).isEmpty)
    }

    /// A relinquished baby born 2025-03-10: consent to placement recorded on 2025-03-14 (4 days
    /// old) is flagged (ACA 2002 s.52(3); Sandwell MBC v GC); on 2025-04-21, 42 days after the
    /// birth, it is not. A withdrawal is no consent and is not flagged.
    @Test func consentToPlacementUnderSixWeeksOldIsFlagged() {
        var builder = JourneyBuilder(reference: "EP-2025-063", profile: ChildProfile(sex: .male, ethnicity: .WBRI))
        builder.record(.adoptionRequest, "2025-02-20")
        builder.record(.birth, "2025-03-10")
        let early = builder.record(.placementConsent, "2025-03-14", .consentGiven)
        builder.record(.placementConsent, "2025-03-20", .consentWithdrawn)
        builder.record(.placementConsent, "2025-04-21", .consentGiven)
        let findings = DataQuality.findings(in: builder.journey)
        #expect(findings.map(\.code) == ["placement-consent-under-six-weeks"])
        #expect(findings.first?.milestoneID == early)
        #expect(findings.first?.message.contains("s.52(3)") == true && findings.first?.message.contains("2025-04-21") == true)
    }
}
