import EPDomain
import Foundation
import Testing

/// The dashboards read each case's journey from its digest: it must give back the journey the
/// records make (profile, and every effective milestone's kind, day and details, in order), and
/// the figures must come out the same whether counted from records or from digests, in one part
/// or several.
@Suite struct JourneyDigestTests {
    static func readBack(_ journey: Journey) throws -> Journey {
        try JourneyDigest(journey).journey()
    }

    static func expectSame(_ read: Journey, _ original: Journey, _ reference: String) {
        #expect(read.profile == original.profile, "\(reference): profile")
        #expect(read.milestones.map(\.kind) == original.milestones.map(\.kind), "\(reference): kinds in journey order")
        #expect(read.milestones.map(\.occurredOn) == original.milestones.map(\.occurredOn), "\(reference): days")
        #expect(read.milestones.map(\.details) == original.milestones.map(\.details), "\(reference): details")
    }

    @Test func everyHandWorkedAndRandomJourneyReadsBackAsItWasRecorded() throws {
        let cases = HandWorkedSet.cases + RandomJourneys.pool(count: 300, seed: 2026_11_25)
        for subject in cases {
            Self.expectSame(try Self.readBack(subject.journey), subject.journey, subject.reference)
        }
    }

    @Test func aCorrectedMilestoneIsReadBackWithItsReplacementOnly() throws {
        // HW-10's EP consideration was recorded as not suitable, then corrected to recommended.
        let corrected = try #require(HandWorkedSet.cases.first { $0.records.contains { $0.correction != nil } })
        let read = try Self.readBack(corrected.journey)
        #expect(read.milestones.count == corrected.records.count - corrected.records.filter { $0.correction != nil }.count)
        #expect(read.first(.epConsideration)?.details == .epConsideration(outcome: .recommended, reason: nil))
        Self.expectSame(read, corrected.journey, corrected.reference)
    }

    @Test func freeTextDetailsKeepEveryCharacter() throws {
        // A closing reason with the digest's own separators (a line break among them), JSON's
        // specials, a control character and non-ASCII text.
        let reason = #"Court ordered "return home"; placement ended \ see IRO minute — café 🙂"# + "\n\tsee the order"
        let journey = Journey(profile: ChildProfile(sex: .female, ethnicity: .BAFR, siblingGroupSize: 3, disability: true), records: [
            Milestone(id: UUID(), kind: .ploPreProceedings, occurredOn: .day("2025-03-03"), recordedAt: Date(), recordedBy: "sw"),
            Milestone(id: UUID(), kind: .preBirthConference, occurredOn: .day("2025-03-10"), details: .preBirthConference(gestationWeeks: 30), recordedAt: Date(), recordedBy: "sw"),
            Milestone(id: UUID(), kind: .familyTime, occurredOn: .day("2025-04-01"), details: .familyTime(status: .cancelledByFamily, supervised: false), recordedAt: Date(), recordedBy: "sw"),
            Milestone(id: UUID(), kind: .caseClosed, occurredOn: .day("2025-06-30"), details: .caseClosed(reason: reason), recordedAt: Date(), recordedBy: "sw"),
        ])
        let read = try Self.readBack(journey)
        Self.expectSame(read, journey, "free text")
        #expect(read.first(.caseClosed)?.details == .caseClosed(reason: reason))

        // The stored details JSON is JSON any parser reads back to the same values, escaped or
        // (with nothing to escape, non-ASCII text included) appended whole.
        for text in [reason, "Placement ended — café 🙂"] {
            let json = DetailsJSON.write(.caseClosed(reason: text))
            #expect(try JSONDecoder().decode([String: DetailValue].self, from: Data(json.utf8)) == ["reason": .string(text)])
            #expect(try DetailsJSON.parse(json) == ["reason": .string(text)])
        }
    }

    @Test(arguments: [
        "", "2;male;WBRI;1;0;0;", "1;male;WBRI;1;0;0;\nbirth", "1;male;WBRI;1;0;0;\nbirth;2o100",
        "1;male;XXXX;1;0;0;", "1;male;WBRI;1;2;0;", "1;male;WBRI;1;0;0;2025-13",
        "1;male;WBRI;1;0;0;\n30;20100", "1;male;WBRI;1;0;0;\n-1;20100", "1;male;WBRI;1;0;0;\n18;20100;{\"status\":\"danced\"}",
    ])
    func anUnreadableDigestIsAnErrorNotAJourney(text: String) {
        #expect(throws: JourneyDigest.Unreadable.self) { try JourneyDigest(text: text).journey() }
    }

    /// Stored digests outlive a release: format 1 must keep reading as it was written. If this
    /// fails, a kind code was reused or a field moved: change the format version and clear the
    /// stored digests in a migration instead.
    @Test func formatOneReadsAsWritten() throws {
        let stored = """
            1;female;MWBA;2;1;1;2025-04
            1;20103
            3;20110
            8;20124;{"outcome":"recommended"}
            2;20186
            16;20189;{"placed_from":"hospital","scheme":"ffa"}
            25;20400;{"reason":"Moved to another LA; file transferred"}
            """
        let journey = try JourneyDigest(text: stored).journey()
        #expect(journey.profile == ChildProfile(
            sex: .female, ethnicity: .MWBA, siblingGroupSize: 2, disability: true, unborn: true, expectedBirthMonth: YearMonth(year: 2025, month: 4)
        ))
        #expect(journey.milestones.map(\.kind) == [.preBirthConference, .ploPreProceedings, .epConsideration, .birth, .epPlacement, .caseClosed])
        #expect(journey.milestones.first?.occurredOn == .day("2025-01-15"))
        #expect(journey.first(.epPlacement)?.details == .epPlacement(scheme: .ffa, placedFrom: .hospital))
        #expect(journey.first(.caseClosed)?.details == .caseClosed(reason: "Moved to another LA; file transferred"))
        #expect(JourneyDigest(journey).text == stored, "and writes the same text back")
    }

    /// The kinds and details added for the consensual route, recurring episodes and pregnancy
    /// read back as recorded, on format 1 (the new kinds take codes 26 to 29).
    @Test func newKindsAndDetailsReadBackOnFormatOne() throws {
        let at = Date(timeIntervalSince1970: 1_750_000_000)
        func record(_ kind: MilestoneKind, _ day: String, _ details: MilestoneDetails = .none) -> Milestone {
            Milestone(id: UUID(), kind: kind, occurredOn: .day(day), details: details, recordedAt: at, recordedBy: "sw")
        }
        let journey = Journey(profile: ChildProfile(sex: .notKnown, ethnicity: .WBRI, unborn: true, expectedBirthMonth: YearMonth(year: 2025, month: 6)), records: [
            record(.preBirthAssessmentStarted, "2025-01-06", .gestation(weeks: 18)),
            record(.adoptionRequest, "2025-01-13"),
            record(.viabilityAssessment, "2025-01-20", .fullStarted("VA-1", .maternalFamily)),
            record(.birth, "2025-06-02", .gestation(weeks: 39)),
            record(.placementConsent, "2025-07-14", .consentGiven),
            record(.epPlacement, "2025-07-14", .ffa(from: .hospital)),
            record(.interimPlacement, "2025-07-28", .fosterCare),
            record(.epPlacement, "2025-08-04", .ffa(from: .interimCare)),
            record(.adoptionPanel, "2025-09-01", .panelRecommended),
            record(.panelMinutesReceived, "2025-09-04"),
            record(.admMatchDecision, "2025-09-08", .matchedWithEPCarers),
            record(.placedForAdoption, "2025-09-08"),
        ])
        let digest = JourneyDigest(journey)
        #expect(digest.text.hasPrefix("1;"))
        #expect(digest.text.contains("\n26;"))
        let read = try digest.journey()
        Self.expectSame(read, journey, "new kinds")
        #expect(read.livesWithEPCarers)
        #expect(read.expectedDeliveryDate == .day("2025-06-09"))
        #expect(JourneyDigest.kindCodes[26...] == [.adoptionRequest, .placementConsent, .panelMinutesReceived, .placedForAdoption])
    }

    @Test func everyKindHasOneCode() {
        #expect(Set(JourneyDigest.kindCodes) == Set(MilestoneKind.allCases))
        #expect(JourneyDigest.kindCodes.count == MilestoneKind.allCases.count)
    }

    @Test func figuresFromDigestsCountedInPartsMatchFiguresFromRecords() throws {
        let cases = HandWorkedSet.cases + RandomJourneys.pool(count: 400, seed: 77)
        let policy = Policies.england
        let request = DashboardRequest(
            from: .day("2024-01-01"), to: .day("2026-06-30"), asOf: .day("2026-03-31"), suppressSmallNumbers: true
        )
        let fromRecords = DashboardBuilder.build(cases: cases, policy: policy, request: request)

        let journeys = try cases.map { try JourneyDigest($0.journey).journey() }
        var parts = [DashboardTally](repeating: DashboardTally(policy: policy, request: request), count: 3)
        for (index, journey) in journeys.enumerated() { parts[index % 3].add(journey) }
        var merged = DashboardTally(policy: policy, request: request)
        for part in parts { merged.merge(part) }
        let fromDigests = DashboardBuilder.build(merged)

        #expect(fromDigests.figures.count == fromRecords.figures.count)
        #expect(fromDigests.csv == fromRecords.csv)
        #expect(fromRecords.figures.contains { $0.name == "ep_conversion" && ($0.value ?? 0) > 0 }, "the comparison has figures to compare")
    }
}
