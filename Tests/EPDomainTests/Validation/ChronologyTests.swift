import EPDomain
import Foundation
import Testing

/// The chronology and integrity checks every write goes through (docs/design.md §2.7): an
/// impossible record is refused, naming the field and the milestone it conflicts with.
@Suite struct ChronologyTests {
    func born(_ reference: String = "EP-2025-050", on birth: String = "2025-03-10") -> (JourneyBuilder, Milestone.ID) {
        var builder = JourneyBuilder(reference: reference, profile: ChildProfile(sex: .female, ethnicity: .WBRI))
        let id = builder.record(.birth, birth)
        return (builder, id)
    }

    /// Issued, placement order and panel: ready for an ADM decision.
    func readyForMatch() -> (builder: JourneyBuilder, order: Milestone.ID, panel: Milestone.ID) {
        var (builder, _) = born("EP-2024-071", on: "2024-02-05")
        builder.record(.proceedingsIssued, "2024-03-04")
        let order = builder.record(.courtDecision, "2024-08-19", .placementOrder)
        let panel = builder.record(.adoptionPanel, "2024-10-03", .panelRecommended)
        return (builder, order, panel)
    }

    // MARK: Dates

    @Test func refusesADateInTheFuture() {
        let (builder, _) = born()
        let error = builder.refusal(recording: .ploPreProceedings, "2025-03-25", asOf: "2025-03-24")
        expectRefusal(error, .invalidField, field: "/occurred_on")
        #expect(error?.detail.contains("2025-03-25") == true)
    }

    /// A slip of the year (1850 for 2025) is refused rather than kept as a journey overdue for
    /// decades; eighteen years back, a whole childhood, is the limit.
    @Test func refusesADateMoreThanAChildhoodAgo() {
        let (builder, _) = born()
        expectRefusal(builder.refusal(recording: .ploPreProceedings, "1850-03-24", asOf: "2025-03-24"), .invalidField, field: "/occurred_on")
        expectRefusal(builder.refusal(recording: .ploPreProceedings, "2007-03-23", asOf: "2025-03-24"), .invalidField, field: "/occurred_on")
        // Eighteen years to the day is allowed.
        var older = JourneyBuilder(reference: "EP-2007-001", profile: ChildProfile(sex: .female, ethnicity: .WBRI))
        older.record(.ploPreProceedings, "2007-03-24", asOf: "2025-03-24")
    }

    @Test func acceptsToday() {
        var (builder, _) = born()
        builder.record(.ploPreProceedings, "2025-03-24", asOf: "2025-03-24")
        #expect(builder.journey.contains(.ploPreProceedings))
    }

    // MARK: A born child

    @Test func refusesABornOnlyKindBeforeTheRecordedBirth() {
        let (builder, birth) = born()
        let error = builder.refusal(recording: .enteredCare, "2025-03-08", asOf: "2025-03-20")
        expectRefusal(error, .chronologyConflict, field: "/occurred_on", conflictsWith: birth)
        #expect(error?.detail.contains("2025-03-10") == true)
    }

    @Test func refusesABornOnlyKindOnAnUnbornCaseWithNoBirth() {
        var builder = JourneyBuilder.unborn(expected: "2025-07", reference: "EP-2025-051")
        builder.record(.preBirthConference, "2025-04-07", .preBirthConference(gestationWeeks: 28))
        expectRefusal(builder.refusal(recording: .proceedingsIssued, "2025-04-14"), .chronologyConflict, field: "/kind")
        expectRefusal(builder.refusal(recording: .epPlacement, "2025-04-14", .ffa(from: .hospital)), .chronologyConflict, field: "/kind")
    }

    @Test func allowsPlanningKindsBeforeBirth() {
        var builder = JourneyBuilder.unborn(expected: "2025-07", reference: "EP-2025-052")
        builder.record(.preBirthAssessmentStarted, "2025-03-03")
        builder.record(.ploPreProceedings, "2025-03-10")
        builder.record(.preBirthConference, "2025-04-07", .preBirthConference(gestationWeeks: 28))
        builder.record(.viabilityAssessment, "2025-04-08", .viabilityStarted("VA-1", .maternalFamily))
        builder.record(.epConsideration, "2025-04-09", .recommended)
        builder.record(.epCarersLinked, "2025-04-10", .reg25aRoute)
        builder.record(.reg25aDecision, "2025-04-11", .reg25aApproved)
        #expect(builder.journey.milestones.count == 7)
        #expect(builder.journey.state == .preBirth)
    }

    // MARK: Court

    @Test func refusesACourtDecisionWithoutProceedings() {
        let (builder, _) = born()
        expectRefusal(builder.refusal(recording: .courtDecision, "2025-09-01", .placementOrder), .chronologyConflict, field: "/kind")
    }

    @Test func refusesACourtDecisionBeforeProceedingsWereIssued() {
        var (builder, _) = born()
        let issued = builder.record(.proceedingsIssued, "2025-03-17")
        let error = builder.refusal(recording: .courtDecision, "2025-03-14", .placementOrder, asOf: "2025-03-20")
        expectRefusal(error, .chronologyConflict, field: "/occurred_on", conflictsWith: issued)
    }

    @Test func refusesATimetableExtensionWithoutProceedings() {
        let (builder, _) = born()
        expectRefusal(builder.refusal(recording: .timetableExtension, "2025-06-02", .timetable(weeks: 8)), .chronologyConflict, field: "/kind")
    }

    // MARK: Formal match

    @Test func refusesAnADMMatchWithoutAuthorityToPlace() {
        var (builder, _) = born("EP-2024-072", on: "2024-02-05")
        builder.record(.proceedingsIssued, "2024-03-04")
        builder.record(.adoptionPanel, "2024-10-03", .panelRecommended)
        let error = builder.refusal(recording: .admMatchDecision, "2024-10-10", .matchedWithEPCarers)
        expectRefusal(error, .chronologyConflict, field: "/occurred_on")
        #expect(error?.detail.contains("placement order") == true)
        #expect(error?.detail.contains("consent to placement") == true)
    }

    @Test func refusesAnADMMatchDatedBeforeThePlacementOrder() {
        let (builder, order, _) = readyForMatch()
        let error = builder.refusal(recording: .admMatchDecision, "2024-08-12", .matchedWithEPCarers, asOf: "2024-10-10")
        // Dated before the panel too; the placement order is checked first.
        expectRefusal(error, .chronologyConflict, field: "/occurred_on", conflictsWith: order)
    }

    /// A section 19 application asks the court for guidance; it is not authority to place.
    @Test func refusesAnADMMatchOnASection19ApplicationAlone() {
        var (builder, _) = born("EP-2025-053", on: "2025-01-08")
        builder.record(.section19Application, "2025-01-20")
        builder.record(.adoptionPanel, "2025-04-03", .panelRecommended)
        let error = builder.refusal(recording: .admMatchDecision, "2025-04-10", .matchedWithEPCarers)
        expectRefusal(error, .chronologyConflict, field: "/occurred_on")
        #expect(error?.detail.contains("a section 19 application is not authority to place") == true)
    }

    @Test func acceptsAnADMMatchAfterConsentToPlacementForAConsensualAdoption() {
        var (builder, _) = born("EP-2025-053", on: "2025-01-08")
        builder.record(.adoptionRequest, "2025-01-09")
        builder.record(.section19Application, "2025-01-20")
        builder.record(.placementConsent, "2025-02-24", .consentGiven)
        builder.record(.adoptionPanel, "2025-04-03", .panelRecommended)
        builder.record(.admMatchDecision, "2025-04-10", .matchedWithEPCarers)
        #expect(builder.journey.state == .formallyMatched)
    }

    /// Consent given, then withdrawn before the match: no authority to place.
    @Test func refusesAnADMMatchAfterConsentWasWithdrawn() {
        var (builder, _) = born("EP-2025-054", on: "2025-01-08")
        builder.record(.placementConsent, "2025-02-24", .consentGiven)
        let withdrawn = builder.record(.placementConsent, "2025-03-10", .consentWithdrawn)
        builder.record(.adoptionPanel, "2025-04-03", .panelRecommended)
        let error = builder.refusal(recording: .admMatchDecision, "2025-04-10", .matchedWithEPCarers)
        expectRefusal(error, .chronologyConflict, field: "/occurred_on", conflictsWith: withdrawn)
    }

    /// Withdrawing consent after the match does not make the match impossible (it is recorded;
    /// what follows is for the court).
    @Test func acceptsConsentWithdrawnAfterTheMatch() {
        var (builder, _) = born("EP-2025-055", on: "2025-01-08")
        builder.record(.placementConsent, "2025-02-24", .consentGiven)
        builder.record(.adoptionPanel, "2025-04-03", .panelRecommended)
        builder.record(.admMatchDecision, "2025-04-10", .matchedWithEPCarers)
        builder.record(.placementConsent, "2025-04-20", .consentWithdrawn)
        #expect(builder.journey.all(.placementConsent).count == 2)
    }

    @Test func refusesPanelMinutesBeforeThePanel() {
        let (builder, _, panel) = readyForMatch()
        let error = builder.refusal(recording: .panelMinutesReceived, "2024-10-01", asOf: "2024-10-10")
        expectRefusal(error, .chronologyConflict, field: "/occurred_on", conflictsWith: panel)
    }

    @Test func refusesPlacedForAdoptionWithoutAMatch() {
        let (builder, _, _) = readyForMatch()
        expectRefusal(builder.refusal(recording: .placedForAdoption, "2024-10-10"), .chronologyConflict, field: "/occurred_on")
    }

    @Test func acceptsPlacedForAdoptionAfterTheMatch() {
        var (builder, _, _) = readyForMatch()
        builder.record(.panelMinutesReceived, "2024-10-07")
        builder.record(.admMatchDecision, "2024-10-10", .matchedWithOtherAdopters)
        builder.record(.placedForAdoption, "2024-10-21")
        #expect(builder.journey.state == .formallyMatched)
    }

    @Test func refusesConsentToPlacementBeforeTheBirth() {
        var builder = JourneyBuilder.unborn(expected: "2025-07", reference: "EP-2025-056")
        builder.record(.adoptionRequest, "2025-04-01")
        expectRefusal(builder.refusal(recording: .placementConsent, "2025-04-14", .consentGiven), .chronologyConflict, field: "/kind")
    }

    @Test func refusesAnADMMatchWithoutAPanel() {
        var (builder, _) = born("EP-2024-073", on: "2024-02-05")
        builder.record(.proceedingsIssued, "2024-03-04")
        builder.record(.courtDecision, "2024-08-19", .placementOrder)
        let error = builder.refusal(recording: .admMatchDecision, "2024-10-10", .matchedWithEPCarers)
        expectRefusal(error, .chronologyConflict, field: "/occurred_on")
        #expect(error?.detail.contains("panel") == true)
    }

    @Test func refusesAnADMMatchBeforeThePanel() {
        let (builder, _, panel) = readyForMatch()
        let error = builder.refusal(recording: .admMatchDecision, "2024-10-01", .matchedWithEPCarers, asOf: "2024-10-10")
        expectRefusal(error, .chronologyConflict, field: "/occurred_on", conflictsWith: panel)
    }

    @Test func acceptsAnADMMatchOnThePanelDay() {
        var (builder, _, _) = readyForMatch()
        builder.record(.admMatchDecision, "2024-10-03", .matchedWithEPCarers)
        #expect(builder.journey.state == .formallyMatched)
    }

    // MARK: Reunification and a formal match

    @Test func refusesReunificationAfterAnApprovedMatch() {
        var (builder, _, _) = readyForMatch()
        let match = builder.record(.admMatchDecision, "2024-10-10", .matchedWithEPCarers)
        let error = builder.refusal(recording: .reunification, "2024-11-04")
        expectRefusal(error, .chronologyConflict, field: "/kind", conflictsWith: match)
    }

    @Test func refusesAnApprovedMatchAfterReunification() {
        var (builder, _, _) = readyForMatch()
        let home = builder.record(.reunification, "2024-10-07")
        let error = builder.refusal(recording: .admMatchDecision, "2024-10-10", .matchedWithEPCarers)
        expectRefusal(error, .chronologyConflict, field: "/kind", conflictsWith: home)
    }

    @Test func allowsADeclinedMatchAfterReunification() {
        var (builder, _, _) = readyForMatch()
        builder.record(.reunification, "2024-10-07")
        builder.record(.admMatchDecision, "2024-10-10", .admMatchDecision(outcome: .declined, adopters: .epCarers))
        #expect(builder.journey.state == .reunified)
    }

    /// Home under the interim order, back in care three weeks later, then placed and matched:
    /// the earlier return home does not stand in the way.
    @Test func allowsAMatchWhenTheChildWasPlacedAgainAfterAReturnHome() {
        var (builder, _) = born("EP-2024-074", on: "2024-02-05")
        builder.record(.proceedingsIssued, "2024-03-04")
        builder.record(.enteredCare, "2024-03-04")
        builder.record(.interimPlacement, "2024-03-04", .fosterCare)
        builder.record(.reunification, "2024-05-06")
        #expect(builder.journey.state == .inProceedings)
        builder.record(.interimPlacement, "2024-05-27", .fosterCare)
        builder.record(.courtDecision, "2024-08-19", .placementOrder)
        builder.record(.adoptionPanel, "2024-10-03", .panelRecommended)
        builder.record(.admMatchDecision, "2024-10-10", .matchedWithOtherAdopters)
        #expect(builder.journey.state == .formallyMatched)
    }

    // MARK: The end of a journey

    @Test func refusesAnythingAfterTheCaseIsClosed() {
        var (builder, _) = born()
        builder.record(.ploPreProceedings, "2025-03-24")
        let closed = builder.record(.caseClosed, "2025-06-30", .closed("stepped down to child in need"))
        let error = builder.refusal(recording: .familyGroupConference, "2025-07-07")
        expectRefusal(error, .chronologyConflict, field: "/kind", conflictsWith: closed)
    }

    @Test func refusesAnythingAfterTheAdoptionOrder() {
        var (builder, _, _) = readyForMatch()
        builder.record(.admMatchDecision, "2024-10-10", .matchedWithEPCarers)
        let order = builder.record(.adoptionOrder, "2025-03-17")
        let error = builder.refusal(recording: .familyTime, "2025-03-24", .attended)
        expectRefusal(error, .chronologyConflict, field: "/kind", conflictsWith: order)
    }

    @Test func refusesACorrectionThatMovesAMilestonePastTheClosure() {
        var (builder, _) = born()
        let plo = builder.record(.ploPreProceedings, "2025-03-24")
        let closed = builder.record(.caseClosed, "2025-06-30", .closed("stepped down to child in need"))
        let input = MilestoneInput(kind: .ploPreProceedings, occurredOn: .day("2025-07-03"))
        let error = builder.refusal(.correct(plo, replacement: input, reason: "wrong year keyed"), asOf: "2025-07-10")
        expectRefusal(error, .chronologyConflict, field: "/occurred_on", conflictsWith: closed)
    }

    /// The placement order corrected to a care order on the same day leaves the match without
    /// authority to place: refused, naming the outcome that changed (the date was right).
    @Test func aCorrectedOutcomeThatTakesTheMatchsAuthorityAwayIsRefusedNamingTheOutcome() {
        var (builder, order, _) = readyForMatch()
        let match = builder.record(.admMatchDecision, "2024-10-10", .matchedWithEPCarers)
        let input = MilestoneInput(kind: .courtDecision, occurredOn: .day("2024-08-19"), details: .careOrder)
        let error = builder.refusal(.correct(order, replacement: input, reason: "the court refused the placement order"), asOf: "2024-10-20")
        expectRefusal(error, .chronologyConflict, field: "/details/outcome", conflictsWith: match)
    }

    // MARK: Once-only milestones

    @Test func refusesASecondBirth() {
        let (builder, birth) = born()
        let error = builder.refusal(recording: .birth, "2025-03-12")
        expectRefusal(error, .chronologyConflict, field: "/kind", conflictsWith: birth)
    }

    @Test func refusesASecondEntryToCare() {
        var (builder, _) = born()
        let entered = builder.record(.enteredCare, "2025-03-14")
        let error = builder.refusal(recording: .enteredCare, "2025-04-01")
        expectRefusal(error, .chronologyConflict, field: "/kind", conflictsWith: entered)
    }

    /// The first EP carers withdrew: a second link, a Reg 25A decision on it and a second EP
    /// placement are each recorded again (docs/design.md §2.5).
    @Test func allowsLinksDecisionsAndEPPlacementsToRecur() {
        var (builder, _) = born()
        builder.record(.epCarersLinked, "2025-03-12", .dualApproval)
        builder.record(.enteredCare, "2025-03-14")
        builder.record(.epPlacement, "2025-03-14", .ffa(from: .hospital))
        builder.record(.familyTimePlan, "2025-03-18")
        builder.record(.interimPlacement, "2025-04-01", .fosterCare)
        builder.record(.epCarersLinked, "2025-04-07", .reg25aRoute)
        builder.record(.reg25aDecision, "2025-04-09", .reg25aDeclined)
        builder.record(.epCarersLinked, "2025-04-14", .reg25aRoute)
        builder.record(.reg25aDecision, "2025-04-16", .reg25aApproved)
        builder.record(.epPlacement, "2025-04-17", .ffa(from: .interimCare))
        builder.record(.familyTimePlan, "2025-04-22")
        #expect(builder.journey.all(.epCarersLinked).count == 3)
        #expect(builder.journey.all(.reg25aDecision).count == 2)
        #expect(builder.journey.all(.epPlacement).count == 2)
        #expect(builder.journey.all(.familyTimePlan).count == 2)
        #expect(builder.journey.state == .epPlaced)
    }

    @Test func theKindsThatMayRecurAreDesignSectionTwos() {
        #expect(Set(MilestoneKind.allCases.filter(\.isRepeatable)) == [
            .familyGroupConference, .viabilityAssessment, .paternityTest, .epConsideration, .timetableExtension,
            .placementConsent, .epCarersLinked, .reg25aDecision, .interimPlacement, .epPlacement, .familyTimePlan, .familyTime,
            .adoptionPanel, .panelMinutesReceived, .admMatchDecision,
        ])
    }

    /// A match that falls through goes to panel again: the ADM declined the first proposed
    /// adopters on 2024-10-10; the next went to panel on 2025-01-09 and were approved on
    /// 2025-01-16 (Adoption Agencies Regulations 2005 regs 32–33: each proposed placement is put
    /// to the panel, then decided).
    @Test func aMatchThatFellThroughGoesToPanelAgain() {
        var (builder, _, _) = readyForMatch()
        builder.record(.panelMinutesReceived, "2024-10-07")
        builder.record(.admMatchDecision, "2024-10-10", .matchDeclined)
        builder.record(.adoptionPanel, "2025-01-09", .panelRecommended)
        builder.record(.panelMinutesReceived, "2025-01-13")
        builder.record(.admMatchDecision, "2025-01-16", .matchedWithOtherAdopters)
        #expect(builder.journey.all(.admMatchDecision).count == 2)
        #expect(builder.journey.state == .formallyMatched)
        #expect(builder.journey.standingMatch?.occurredOn == .day("2025-01-16"))
    }

    /// Each decision needs its own panel: a second decision with one panel behind it is refused,
    /// naming the field; so are second minutes.
    @Test func refusesASecondADMDecisionWithoutASecondPanel() {
        var (builder, _, _) = readyForMatch()
        builder.record(.admMatchDecision, "2024-10-10", .matchDeclined)
        let error = builder.refusal(recording: .admMatchDecision, "2024-11-14", .matchedWithOtherAdopters, asOf: "2024-11-20")
        expectRefusal(error, .chronologyConflict, field: "/occurred_on")
        #expect(error?.detail.contains("its own adoption panel") == true, "\(error?.detail ?? "")")
        builder.record(.panelMinutesReceived, "2024-10-07")
        expectRefusal(builder.refusal(recording: .panelMinutesReceived, "2024-11-14", asOf: "2024-11-20"), .chronologyConflict, field: "/occurred_on")
        // A second panel dated after the second decision does not serve it: the refusal names it.
        let second = builder.record(.adoptionPanel, "2024-12-05", .panelRecommended)
        let early = builder.refusal(recording: .admMatchDecision, "2024-11-14", .matchedWithOtherAdopters, asOf: "2024-12-10")
        expectRefusal(early, .chronologyConflict, field: "/occurred_on", conflictsWith: second)
    }

    @Test func allowsRepeatableKindsManyTimes() {
        var (builder, _) = born()
        builder.record(.familyGroupConference, "2025-03-20")
        builder.record(.familyGroupConference, "2025-04-17")
        builder.record(.paternityTest, "2025-03-20", .paternityRequested)
        builder.record(.paternityTest, "2025-03-27", .paternityRequested)
        #expect(builder.journey.all(.familyGroupConference).count == 2)
        #expect(builder.journey.all(.paternityTest).count == 2)
    }

    // MARK: Notes and reasons

    @Test func refusesANoteLongerThan500Characters() {
        let (builder, _) = born()
        let input = MilestoneInput(kind: .ploPreProceedings, occurredOn: .day("2025-03-24"), note: String(repeating: "x", count: 501))
        expectRefusal(builder.refusal(.record(input), asOf: "2025-03-24"), .invalidField, field: "/note")
    }

    @Test func refusesACorrectionWithABlankReason() {
        let (builder, birth) = born()
        let input = MilestoneInput(kind: .birth, occurredOn: .day("2025-03-09"))
        expectRefusal(builder.refusal(.correct(birth, replacement: input, reason: "   "), asOf: "2025-03-20"), .invalidField, field: "/reason")
    }
}
