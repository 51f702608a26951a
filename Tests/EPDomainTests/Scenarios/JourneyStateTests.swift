import EPDomain
import Testing

/// Where the child lives and where the journey stands (docs/design.md §2.5, §2.6): derived from
/// the milestones, never set by hand.
@Suite struct JourneyStateTests {
    /// Interim foster care from issue (2025-01-06); home under the interim order on 2025-05-12.
    func homeUnderTheInterimOrder() -> JourneyBuilder {
        var builder = JourneyBuilder(reference: "EP-2025-110", profile: ChildProfile(sex: .female, ethnicity: .WBRI))
        builder.record(.birth, "2024-12-02")
        builder.record(.proceedingsIssued, "2025-01-06")
        builder.record(.enteredCare, "2025-01-06")
        builder.record(.interimPlacement, "2025-01-06", .fosterCare)
        builder.record(.reunificationPlan, "2025-05-05")
        builder.record(.reunification, "2025-05-12")
        return builder
    }

    /// A phased return before the final hearing (S7.4) does not end the journey: it stays open and
    /// in the IRO's lists while the court has still to decide.
    @Test func aReturnHomeBeforeTheFinalHearingStaysInProceedings() {
        let builder = homeUnderTheInterimOrder()
        #expect(builder.journey.state == .inProceedings)
        #expect(builder.journey.state.isOpen)
        #expect(builder.journey.ending == nil)
        #expect(builder.journey.currentPlacement?.kind == .reunification)
    }

    @Test func theCourtsDecisionEndsTheJourneyOfAChildAtHome() {
        var builder = homeUnderTheInterimOrder()
        let decision = builder.record(.courtDecision, "2025-06-30", .returnHome)
        #expect(builder.journey.state == .reunified)
        #expect(builder.journey.ending?.id == decision)
    }

    /// Decided first, home afterwards: the return home is the end.
    @Test func aReturnHomeAfterTheDecisionEndsTheJourney() {
        var builder = JourneyBuilder(reference: "EP-2025-111", profile: ChildProfile(sex: .female, ethnicity: .WBRI))
        builder.record(.birth, "2024-12-02")
        builder.record(.proceedingsIssued, "2025-01-06")
        builder.record(.courtDecision, "2025-06-30", .returnHome)
        let home = builder.record(.reunification, "2025-07-14")
        #expect(builder.journey.state == .reunified)
        #expect(builder.journey.ending?.id == home)
    }

    /// Accommodated and home again with no proceedings: nothing more is awaited.
    @Test func aReturnHomeWithoutProceedingsEndsTheJourney() {
        var builder = JourneyBuilder(reference: "EP-2025-112", profile: ChildProfile(sex: .male, ethnicity: .WBRI))
        builder.record(.birth, "2024-12-02")
        builder.record(.ploPreProceedings, "2025-01-06")
        builder.record(.enteredCare, "2025-01-20")
        builder.record(.interimPlacement, "2025-01-20", .fosterCare)
        builder.record(.reunification, "2025-02-10")
        #expect(builder.journey.state == .reunified)
    }

    /// Home, then back into foster care on 2025-06-02: the return home did not last, and the
    /// journey runs on.
    @Test func aPlacementAfterAReturnHomeReopensNothingButRunsOn() {
        var builder = homeUnderTheInterimOrder()
        builder.record(.interimPlacement, "2025-06-02", .fosterCare)
        builder.record(.courtDecision, "2025-07-01", .placementOrder)
        #expect(builder.journey.state == .placementOrder)
        #expect(builder.journey.currentPlacement?.kind == .interimPlacement)
    }

    /// EP carers from 2025-02-03; they withdrew and the child went to interim foster care on
    /// 2025-03-17: the EP placement ended, and the child is no longer "EP placed".
    @Test func anEPPlacementFollowedByAnotherPlacementHasEnded() {
        var builder = JourneyBuilder(reference: "EP-2025-113", profile: ChildProfile(sex: .male, ethnicity: .MWBC))
        builder.record(.birth, "2024-12-02")
        builder.record(.proceedingsIssued, "2025-01-06")
        builder.record(.enteredCare, "2025-01-06")
        builder.record(.epConsideration, "2025-01-20", .recommended)
        builder.record(.epCarersLinked, "2025-01-27", .dualApproval)
        builder.record(.epPlacement, "2025-02-03", .ffa(from: .birthFamily))
        #expect(builder.journey.state == .epPlaced)
        #expect(builder.journey.endOfEPPlacement(at: 0) == nil)
        let ended = builder.record(.interimPlacement, "2025-03-17", .fosterCare)
        #expect(builder.journey.state == .inProceedings)
        #expect(!builder.journey.livesWithEPCarers)
        #expect(builder.journey.endOfEPPlacement(at: 0)?.id == ended)
        builder.record(.epCarersLinked, "2025-04-01", .dualApproval)
        builder.record(.epPlacement, "2025-04-07", .ffa(from: .interimCare))
        #expect(builder.journey.state == .epPlaced)
    }

    @Test func aCareOrderIsOtherPermanence() {
        var builder = JourneyBuilder(reference: "EP-2025-114", profile: ChildProfile(sex: .male, ethnicity: .WBRI))
        builder.record(.birth, "2024-12-02")
        builder.record(.proceedingsIssued, "2025-01-06")
        builder.record(.courtDecision, "2025-06-30", .careOrder)
        #expect(builder.journey.state == .otherPermanence)
        #expect(!builder.journey.state.isOpen)
    }

    /// "EP decided": only recommended and not suitable decide; the latest decision stands, and a
    /// recommendation made again is the same recommendation.
    @Test func theStandingDecisionIsTheLatestThatDecided() {
        var builder = JourneyBuilder(reference: "EP-2025-115", profile: ChildProfile(sex: .male, ethnicity: .WBRI))
        builder.record(.birth, "2024-12-02")
        builder.record(.epConsideration, "2025-01-06", .deferred)
        #expect(builder.journey.firstEPDecision == nil)
        #expect(builder.journey.standingRecommendation() == nil)
        let first = builder.record(.epConsideration, "2025-01-13", .recommended)
        builder.record(.epConsideration, "2025-01-20", .recommended)
        #expect(builder.journey.firstEPDecision?.id == first)
        #expect(builder.journey.standingRecommendation()?.recommended.id == first)
        let withdrawn = builder.record(.epConsideration, "2025-02-03", .notSuitable)
        #expect(builder.journey.standingEPDecision?.id == withdrawn)
        #expect(builder.journey.standingRecommendation() == nil)
        #expect(builder.journey.standingRecommendation(on: .day("2025-01-31"))?.recommended.id == first)
        let again = builder.record(.epConsideration, "2025-03-03", .recommended)
        #expect(builder.journey.standingRecommendation()?.recommended.id == again)
        #expect(builder.journey.standingRecommendation()?.after?.id == withdrawn)
        #expect(builder.journey.firstEPDecision?.id == first)
    }

    /// Consent given in January and a placement order in March give authority since January;
    /// consent withdrawn before any order leaves none.
    @Test func authorityToPlaceIsAnUnbrokenSpan() {
        var builder = JourneyBuilder(reference: "EP-2025-116", profile: ChildProfile(sex: .female, ethnicity: .WBRI))
        builder.record(.birth, "2024-11-04")
        builder.record(.section19Application, "2024-12-16")
        #expect(builder.journey.authorityToPlace(on: .day("2025-01-01")) == nil)
        let consent = builder.record(.placementConsent, "2025-01-06", .consentGiven)
        builder.record(.proceedingsIssued, "2025-01-13")
        builder.record(.courtDecision, "2025-03-03", .placementOrder)
        builder.record(.placementConsent, "2025-03-10", .consentWithdrawn)
        #expect(builder.journey.authorityToPlace(on: .day("2025-02-01"))?.id == consent)
        #expect(builder.journey.authorityToPlace(on: .day("2025-04-01"))?.id == consent)

        var withdrawn = JourneyBuilder(reference: "EP-2025-117", profile: ChildProfile(sex: .female, ethnicity: .WBRI))
        withdrawn.record(.birth, "2024-11-04")
        withdrawn.record(.placementConsent, "2025-01-06", .consentGiven)
        withdrawn.record(.placementConsent, "2025-01-20", .consentWithdrawn)
        #expect(withdrawn.journey.authorityToPlace(on: .day("2025-01-10")) != nil)
        #expect(withdrawn.journey.authorityToPlace(on: .day("2025-02-01")) == nil)
    }
}
