import EPDomain
import Testing

/// S2-ep-considered-early: EP decided (recommended or not suitable) within 20 working days of
/// the start of planning (warning 5 working days); a deferral decides nothing.
@Suite struct S2EPConsideredEarlyTests {
    static let rule = "S2-ep-considered-early"

    /// PLO letter before proceedings on Thu 2025-04-03. 20 working days after it, skipping Good
    /// Friday 18 April, Easter Monday 21 April and the early May bank holiday 5 May → Tue 2025-05-06.
    /// The warning opens 5 working days earlier: 2, 1 May, 30, 29, 28 April → Mon 2025-04-28.
    func plo() -> JourneyBuilder {
        var builder = JourneyBuilder(reference: "EP-2025-031", profile: ChildProfile(sex: .male, ethnicity: .WBRI))
        builder.record(.birth, "2025-02-11")
        builder.record(.ploPreProceedings, "2025-04-03")
        return builder
    }

    @Test func pendingOnTheLastDayBeforeTheWarningWindow() {
        // Fri 2025-04-25 → Tue 2025-05-06 is 11 days.
        expectResult(plo().result(Self.rule, asOf: "2025-04-25"), .pending, anchor: "2025-04-03", due: "2025-05-06", remaining: 11, mentions: ["2025-05-06", "2025-04-03"])
    }

    @Test func dueSoonOnTheFirstDayOfTheWarningWindow() {
        expectResult(plo().result(Self.rule, asOf: "2025-04-28"), .dueSoon, anchor: "2025-04-03", due: "2025-05-06", remaining: 8, mentions: ["2025-05-06"])
    }

    @Test func dueSoonOnTheDueDayItself() {
        let result = plo().result(Self.rule, asOf: "2025-05-06")
        expectResult(result, .dueSoon, anchor: "2025-04-03", due: "2025-05-06", remaining: 0, mentions: ["2025-05-06"])
        #expect(result.message.contains("today"))
    }

    @Test func overdueWhenNoConsiderationTwentyWorkingDaysAfterPLO() {
        expectResult(plo().result(Self.rule, asOf: "2025-05-07"), .overdue, anchor: "2025-04-03", due: "2025-05-06", overdue: 1, mentions: ["2025-05-06"])
    }

    @Test func metWhenDecidedOnTheDueDay() {
        var builder = plo()
        builder.record(.epConsideration, "2025-05-06", .recommended)
        expectResult(builder.result(Self.rule, asOf: "2025-05-20"), .met, anchor: "2025-04-03", due: "2025-05-06", mentions: ["2025-05-06"])
    }

    @Test func lateWhenDecidedTheDayAfterTheDueDay() {
        var builder = plo()
        builder.record(.epConsideration, "2025-05-07", .considered(.notSuitable, reason: "placement with maternal aunt being assessed"))
        expectResult(builder.result(Self.rule, asOf: "2025-05-20"), .late, anchor: "2025-04-03", due: "2025-05-06", overdue: 1, mentions: ["2025-05-07", "2025-05-06"])
    }

    /// "Wait for the viability assessments" is not a decision: the clock runs on past it, and the
    /// message says the consideration was only deferred.
    @Test func aDeferralDecidesNothingAndStopsNoClock() {
        var builder = plo()
        builder.record(.epConsideration, "2025-04-10", .considered(.deferred, reason: "awaiting viability assessments"))
        expectResult(builder.result(Self.rule, asOf: "2025-04-28"), .dueSoon, anchor: "2025-04-03", due: "2025-05-06", remaining: 8, mentions: ["deferred on 2025-04-10"])
        expectResult(builder.result(Self.rule, asOf: "2025-05-20"), .overdue, anchor: "2025-04-03", due: "2025-05-06", overdue: 14, mentions: ["deferred on 2025-04-10: a deferral is not a decision"])
        builder.record(.epConsideration, "2025-05-21", .recommended)
        expectResult(builder.result(Self.rule, asOf: "2025-05-21"), .late, anchor: "2025-04-03", due: "2025-05-06", overdue: 15, mentions: ["2025-05-21"])
    }

    /// A parent asked the local authority to place her baby for adoption on Mon 2025-03-03: that
    /// starts planning (the consensual route), 20 working days → Mon 2025-03-31.
    @Test func anAdoptionRequestStartsPlanning() {
        var builder = JourneyBuilder(reference: "EP-2025-038", profile: ChildProfile(sex: .female, ethnicity: .WBRI))
        builder.record(.birth, "2025-02-26")
        builder.record(.adoptionRequest, "2025-03-03")
        #expect(builder.journey.startOfPlanning == .day("2025-03-03"))
        expectResult(builder.result(Self.rule, asOf: "2025-04-04"), .overdue, anchor: "2025-03-03", due: "2025-03-31", overdue: 4)
    }

    /// The start of planning is the earliest of PLO, pre-birth conference and proceedings: here
    /// urgent proceedings on Mon 2025-03-03 came before any PLO. 20 working days → Mon 2025-03-31.
    @Test func overdueCountedFromProceedingsWhenTheyComeFirst() {
        var builder = JourneyBuilder(reference: "EP-2025-036", profile: ChildProfile(sex: .female, ethnicity: .BAFR))
        builder.record(.birth, "2025-02-26")
        builder.record(.proceedingsIssued, "2025-03-03")
        builder.record(.ploPreProceedings, "2025-03-10")
        expectResult(builder.result(Self.rule, asOf: "2025-04-04"), .overdue, anchor: "2025-03-03", due: "2025-03-31", overdue: 4, mentions: ["2025-03-31"])
    }

    /// The case closed on 2025-05-20 with no consideration: still overdue, counted to the closure
    /// (2025-05-06 → 2025-05-20 = 14 days), not to the day asked about.
    @Test func overdueCountedUpToTheJourneyEnd() {
        var builder = plo()
        builder.record(.caseClosed, "2025-05-20", .closed("family moved out of the area"))
        expectResult(builder.result(Self.rule, asOf: "2025-09-01"), .overdue, anchor: "2025-04-03", due: "2025-05-06", overdue: 14, mentions: ["2025-05-06"])
    }

    @Test func notApplicableBeforePlanningStarts() {
        var builder = JourneyBuilder(reference: "EP-2025-037", profile: ChildProfile(sex: .male, ethnicity: .APKN))
        builder.record(.birth, "2025-01-09")
        builder.record(.familyGroupConference, "2025-02-04")
        expectResult(builder.result(Self.rule, asOf: "2025-03-01"), .notApplicable, anchor: nil, due: nil)
    }

    @Test func notApplicableWhenTheCaseClosedBeforeTheDueDate() {
        var builder = plo()
        builder.record(.caseClosed, "2025-04-24", .closed("stepped down to child in need"))
        expectResult(builder.result(Self.rule, asOf: "2025-06-01"), .notApplicable, anchor: "2025-04-03", due: "2025-05-06", mentions: ["2025-04-24"])
    }
}
