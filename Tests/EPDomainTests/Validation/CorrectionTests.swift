import EPDomain
import Foundation
import Testing

/// Corrections and retractions: new records that supersede an earlier one, never edits.
@Suite struct CorrectionTests {
    /// A baby born on 2025-03-02, keyed wrongly as 2025-03-12; EP recommended 2025-02-24.
    func mistypedBirth() -> (builder: JourneyBuilder, birth: Milestone.ID) {
        var builder = JourneyBuilder(reference: "EP-2025-054", profile: ChildProfile(sex: .male, ethnicity: .ABAN))
        builder.record(.epConsideration, "2025-02-24", .recommended)
        let birth = builder.record(.birth, "2025-03-12", asOf: "2025-03-14")
        return (builder, birth)
    }

    @Test func refusesCorrectingAMilestoneTheCaseDoesNotHave() {
        let (builder, _) = mistypedBirth()
        let input = MilestoneInput(kind: .birth, occurredOn: .day("2025-03-02"))
        let error = builder.refusal(.correct(UUID(), replacement: input, reason: "date mistyped"), asOf: "2025-03-14")
        expectRefusal(error, .unknownMilestone, field: "/milestone_id")
    }

    @Test func refusesRetractingAMilestoneTheCaseDoesNotHave() {
        let (builder, _) = mistypedBirth()
        expectRefusal(builder.refusal(.retract(UUID(), reason: "recorded on the wrong case"), asOf: "2025-03-14"), .unknownMilestone, field: "/milestone_id")
    }

    @Test func refusesCorrectingARecordThatWasAlreadyCorrected() {
        var (builder, birth) = mistypedBirth()
        let correction = builder.correct(birth, to: .birth, "2025-03-02", reason: "date mistyped", asOf: "2025-03-14")
        let input = MilestoneInput(kind: .birth, occurredOn: .day("2025-03-03"))
        let error = builder.refusal(.correct(birth, replacement: input, reason: "date mistyped again"), asOf: "2025-03-14")
        expectRefusal(error, .chronologyConflict, field: "/milestone_id", conflictsWith: correction)
        #expect(error?.detail.contains("corrected since: correct or retract its latest version (\(correction.uuidString.lowercased()))") == true, "\(String(describing: error))")
    }

    /// Corrected twice: the refusal points past the first correction to the record that stands now.
    @Test func refusingAnOldVersionNamesTheLatestNotTheNext() {
        var (builder, birth) = mistypedBirth()
        let first = builder.correct(birth, to: .birth, "2025-03-03", reason: "date mistyped", asOf: "2025-03-14")
        let second = builder.correct(first, to: .birth, "2025-03-02", reason: "checked against the discharge summary", asOf: "2025-03-14")
        let error = builder.refusal(.retract(birth, reason: "wrong case"), asOf: "2025-03-14")
        expectRefusal(error, .chronologyConflict, field: "/milestone_id", conflictsWith: second)
    }

    /// A retracted record has nothing left to change, and the refusal says so rather than
    /// pointing at a later version to correct.
    @Test func refusesChangingARetractedRecordSayingItWasRetracted() {
        var (builder, _) = mistypedBirth()
        let interim = builder.record(.interimPlacement, "2025-03-13", .fosterCare)
        builder.retract(interim, reason: "recorded on the wrong case", asOf: "2025-03-14")
        let error = builder.refusal(.retract(interim, reason: "recorded on the wrong case"), asOf: "2025-03-14")
        #expect(error?.category == .chronologyConflict && error?.detail.contains("has already been retracted: nothing of it is left") == true, "\(String(describing: error))")
    }

    /// A record corrected into a second birth dated before the one recorded: the refusal names
    /// the birth already there, its date and its id (not the correction's own date).
    @Test func aCorrectionIntoASecondBirthNamesTheBirthAlreadyThere() {
        var (builder, birth) = mistypedBirth()
        let plo = builder.record(.ploPreProceedings, "2025-03-13", asOf: "2025-03-14")
        let input = MilestoneInput(kind: .birth, occurredOn: .day("2025-03-01"))
        let error = builder.refusal(.correct(plo, replacement: input, reason: "wrong kind chosen"), asOf: "2025-03-14")
        expectRefusal(error, .chronologyConflict, field: "/kind", conflictsWith: birth)
        #expect(error?.detail == "a case has only one birth (already recorded on 2025-03-12); correct that record instead", "\(error?.detail ?? "")")
    }

    /// On a case opened for an unborn child, proceedings need the birth: withdrawing it would
    /// leave them impossible.
    @Test func refusesRetractingABirthThatProceedingsDependOn() {
        var builder = JourneyBuilder.unborn(expected: "2025-05", reference: "EP-2025-055")
        builder.record(.preBirthConference, "2025-02-17", .preBirthConference(gestationWeeks: 29))
        let birth = builder.record(.birth, "2025-05-08")
        let issued = builder.record(.proceedingsIssued, "2025-05-09")
        let error = builder.refusal(.retract(birth, reason: "recorded on the wrong case"), asOf: "2025-05-12")
        expectRefusal(error, .chronologyConflict, field: "/retract", conflictsWith: issued)
    }

    @Test func refusesACorrectionThatMovesTheBirthAfterEnteringCare() {
        var (builder, birth) = mistypedBirth()
        let entered = builder.record(.enteredCare, "2025-03-13")
        let input = MilestoneInput(kind: .birth, occurredOn: .day("2025-03-14"))
        let error = builder.refusal(.correct(birth, replacement: input, reason: "date mistyped"), asOf: "2025-03-14")
        expectRefusal(error, .chronologyConflict, field: "/occurred_on", conflictsWith: entered)
    }

    /// The birth date is fixed: the journey and the rules use the new date, and the mistyped record
    /// stays in the history, superseded. (Placed from hospital on 2025-03-13, with no entry to
    /// care recorded, so the placement clock runs from the later of the recommendation and birth.)
    @Test func acceptsACorrectedBirthDateAndKeepsTheHistory() {
        var (builder, birth) = mistypedBirth()
        builder.record(.epPlacement, "2025-03-13", .ffa(from: .hospital), asOf: "2025-03-14")
        // Recommended before birth, so the placement was due 14 days after the birth.
        #expect(builder.result("S4-placement-after-recommendation", asOf: "2025-03-14").dueOn == .day("2025-03-26"))
        let correction = builder.correct(birth, to: .birth, "2025-03-02", reason: "date mistyped", asOf: "2025-03-14")

        #expect(builder.journey.birth == .day("2025-03-02"))
        #expect(builder.journey.all(.birth).map(\.id) == [correction])
        #expect(builder.subject.records.map(\.id).contains(birth))
        #expect(builder.subject.records.count == 4)
        let record = builder.subject.records.last
        #expect(record?.correction?.supersedes == birth)
        #expect(record?.correction?.reason == "date mistyped")
        #expect(record?.correction?.retracted == false)
        // 2025-03-02 + 14 days = 2025-03-16.
        let result = builder.result("S4-placement-after-recommendation", asOf: "2025-03-14")
        expectResult(result, .met, anchor: "2025-03-02", due: "2025-03-16", mentions: ["2025-03-13"])
        #expect(builder.journey.state == .epPlaced)
    }

    @Test func acceptsACorrectionOfTheCorrection() {
        var (builder, birth) = mistypedBirth()
        let first = builder.correct(birth, to: .birth, "2025-03-03", reason: "date mistyped", asOf: "2025-03-14")
        builder.correct(first, to: .birth, "2025-03-02", reason: "checked against the hospital discharge summary", asOf: "2025-03-14")
        #expect(builder.journey.birth == .day("2025-03-02"))
        #expect(builder.journey.all(.birth).count == 1)
        #expect(builder.subject.records.count == 4)
    }

    @Test func acceptsARetractionAndTheMilestoneLeavesTheJourney() {
        var (builder, _) = mistypedBirth()
        let interim = builder.record(.interimPlacement, "2025-03-13", .fosterCare)
        #expect(builder.journey.state == .preProceedings)
        builder.retract(interim, reason: "recorded on the wrong case", asOf: "2025-03-14")
        #expect(!builder.journey.contains(.interimPlacement))
        #expect(builder.subject.records.contains { $0.id == interim })
        #expect(builder.subject.records.last?.correction?.retracted == true)
    }

    /// A correction can change the kind: a PLO meeting keyed as a family group conference.
    @Test func acceptsACorrectionThatChangesTheKind() {
        var (builder, _) = mistypedBirth()
        let keyed = builder.record(.familyGroupConference, "2025-03-13")
        builder.correct(keyed, to: .ploPreProceedings, "2025-03-13", reason: "wrong milestone type chosen", asOf: "2025-03-14")
        #expect(!builder.journey.contains(.familyGroupConference))
        #expect(builder.journey.startOfPlanning == .day("2025-03-13"))
    }
}
