import EPDomain
import Testing

/// S4-reg25a-timely: each Reg 25A link decided by the nominated officer within 5 working days of
/// the later of the link and the child becoming looked after (warning 2 working days); an
/// undecided link waits, pending, while the child is unborn or not looked after.
@Suite struct S4Reg25aTimelyTests {
    static let rule = "S4-reg25a-timely"

    /// Looked after from the issue of proceedings, linked Mon 2025-04-14, Easter week. 5 working
    /// days: Tue 15, Wed 16, Thu 17, (Good Friday 18 and Easter Monday 21 skipped), Tue 22, Wed
    /// 23 → 2025-04-23. The warning opens 2 working days before: Tue 22, Thu 17 → 2025-04-17.
    func linked(lookedAfter: String? = "2025-04-01") -> JourneyBuilder {
        var builder = JourneyBuilder(reference: "EP-2025-029", profile: ChildProfile(sex: .female, ethnicity: .MWAS))
        builder.record(.birth, "2025-03-28")
        builder.record(.proceedingsIssued, "2025-04-01")
        if let lookedAfter { builder.record(.enteredCare, lookedAfter) }
        builder.record(.epConsideration, "2025-04-08", .recommended)
        builder.record(.epCarersLinked, "2025-04-14", .reg25aRoute)
        return builder
    }

    @Test func pendingOnTheLastDayBeforeTheWarningWindow() {
        expectResult(linked().result(Self.rule, asOf: "2025-04-16"), .pending, anchor: "2025-04-14", due: "2025-04-23", remaining: 7, mentions: ["2025-04-23"])
    }

    @Test func dueSoonOnMaundyThursday() {
        expectResult(linked().result(Self.rule, asOf: "2025-04-17"), .dueSoon, anchor: "2025-04-14", due: "2025-04-23", remaining: 6, mentions: ["2025-04-23"])
    }

    @Test func dueSoonOnTheDueDay() {
        expectResult(linked().result(Self.rule, asOf: "2025-04-23"), .dueSoon, anchor: "2025-04-14", due: "2025-04-23", remaining: 0, mentions: ["2025-04-23"])
    }

    @Test func overdueTheDayAfterTheDueDate() {
        expectResult(linked().result(Self.rule, asOf: "2025-04-24"), .overdue, anchor: "2025-04-14", due: "2025-04-23", overdue: 1, mentions: ["2025-04-23"])
    }

    @Test func metWhenDecidedOnTheFifthWorkingDay() {
        var builder = linked()
        builder.record(.reg25aDecision, "2025-04-23", .reg25aApproved)
        expectResult(builder.result(Self.rule, asOf: "2025-04-30"), .met, anchor: "2025-04-14", due: "2025-04-23", mentions: ["2025-04-23"])
    }

    /// Decided Tue 2025-04-29, 9 working days after the link: 6 calendar days after 2025-04-23.
    @Test func lateWhenDecidedNineWorkingDaysAfterTheLink() {
        var builder = linked()
        builder.record(.reg25aDecision, "2025-04-29", .reg25aApproved)
        expectResult(builder.result(Self.rule, asOf: "2025-04-30"), .late, anchor: "2025-04-14", due: "2025-04-23", overdue: 6, mentions: ["2025-04-29", "2025-04-23"])
    }

    @Test func lateCountsADeclineTooForTimeliness() {
        var builder = linked()
        builder.record(.reg25aDecision, "2025-04-24", .reg25aDeclined)
        expectResult(builder.result(Self.rule, asOf: "2025-04-30"), .late, anchor: "2025-04-14", due: "2025-04-23", overdue: 1)
    }

    /// Linked Mon 2025-04-14 while the baby was still at home; looked after from Tue 2025-04-22
    /// (approval is for a looked-after child): 5 working days from then → Tue 2025-04-29.
    @Test func theClockRunsFromEntryToCareWhenTheCarersWereLinkedFirst() {
        var builder = linked(lookedAfter: nil)
        expectResult(builder.result(Self.rule, asOf: "2025-04-21"), .pending, anchor: "2025-04-14", due: nil, mentions: ["starts when the child becomes looked after"])
        builder.record(.enteredCare, "2025-04-22")
        expectResult(builder.result(Self.rule, asOf: "2025-04-24"), .pending, anchor: "2025-04-22", due: "2025-04-29", remaining: 5, mentions: ["the child became looked after", "linked on 2025-04-14"])
        builder.record(.reg25aDecision, "2025-04-29", .reg25aApproved)
        expectResult(builder.result(Self.rule, asOf: "2025-04-30"), .met, anchor: "2025-04-22", due: "2025-04-29")
    }

    /// The first carers were declined in time (2025-04-16); new Reg 25A carers linked Thu
    /// 2025-04-24 are their own episode: due Thu 2025-05-01, still undecided on 2025-05-02.
    @Test func eachLinkIsDecidedInItsOwnEpisode() {
        var builder = linked()
        builder.record(.reg25aDecision, "2025-04-16", .reg25aDeclined)
        builder.record(.epCarersLinked, "2025-04-24", .reg25aRoute)
        expectResult(builder.result(Self.rule, asOf: "2025-05-02"), .overdue, anchor: "2025-04-24", due: "2025-05-01", overdue: 1)
        builder.record(.reg25aDecision, "2025-05-01", .reg25aApproved)
        expectResult(builder.result(Self.rule, asOf: "2025-05-02"), .met, anchor: "2025-04-14", due: "2025-04-23")
    }

    /// The Reg 25A link of 2025-04-14 was never decided (due 2025-04-23); dual-approved carers were
    /// linked instead on 2025-04-28. The old link can no longer be decided: late (5 days to the new
    /// link), not an open alert for ever.
    @Test func lateWhenALinkWasLeftUndecidedAndOtherCarersWereLinked() {
        var builder = linked()
        builder.record(.epCarersLinked, "2025-04-28", .dualApproval)
        let result = builder.result(Self.rule, asOf: "2025-05-06")
        expectResult(result, .late, anchor: "2025-04-14", due: "2025-04-23", overdue: 5, mentions: ["other EP carers were linked on 2025-04-28"])
        #expect(!result.status.isOpen)
    }

    @Test func notApplicableWhenOtherCarersWereLinkedBeforeTheDecisionWasDue() {
        var builder = linked()
        builder.record(.epCarersLinked, "2025-04-16", .dualApproval)
        expectResult(builder.result(Self.rule, asOf: "2025-05-06"), .notApplicable, anchor: "2025-04-14", due: "2025-04-23", mentions: ["2025-04-16"])
    }

    @Test func notApplicableForDualApprovedCarers() {
        var builder = JourneyBuilder(reference: "EP-2025-030", profile: ChildProfile(sex: .male, ethnicity: .WBRI))
        builder.record(.birth, "2025-03-28")
        builder.record(.epCarersLinked, "2025-04-14", .dualApproval)
        expectResult(builder.result(Self.rule, asOf: "2025-05-01"), .notApplicable, anchor: nil, due: nil)
    }

    @Test func notApplicableWhenTheJourneyEndedBeforeTheDueDate() {
        var builder = linked()
        builder.record(.courtDecision, "2025-04-15", .courtDecision(outcome: .withdrawn))
        builder.record(.caseClosed, "2025-04-16", .closed("proceedings withdrawn"))
        expectResult(builder.result(Self.rule, asOf: "2025-05-01"), .notApplicable, anchor: "2025-04-14", due: "2025-04-23", mentions: ["2025-04-16"])
    }

    /// Fostering for Adoption before birth (the usual way): the carers linked at 30 weeks' gestation
    /// on Mon 2026-10-05, the baby born Fri 2026-11-20 and looked after from Mon 2026-11-23. Reg 25A
    /// approval is for a looked-after child, so nothing is due before then: pending, no deadline,
    /// however long the wait (no alert on 2026-11-19, 33 days after the link). From entry to care,
    /// 5 working days → Mon 2026-11-30.
    @Test func aLinkBeforeBirthWaitsForTheChildToBeLookedAfter() {
        var builder = JourneyBuilder.unborn(expected: "2026-12", ethnicity: .WBRI, reference: "EP-2026-114")
        builder.record(.preBirthConference, "2026-09-28")
        builder.record(.epConsideration, "2026-09-30", .recommended)
        builder.record(.epCarersLinked, "2026-10-05", .reg25aRoute)
        let unborn = builder.result(Self.rule, asOf: "2026-11-19")
        expectResult(unborn, .pending, anchor: "2026-10-05", due: nil, mentions: ["2026-10-05", "starts when the child becomes looked after"])
        #expect(unborn.daysOverdue == nil && unborn.daysRemaining == nil)
        builder.record(.birth, "2026-11-20")
        expectResult(builder.result(Self.rule, asOf: "2026-11-21"), .pending, anchor: "2026-10-05", due: nil)
        builder.record(.enteredCare, "2026-11-23")
        expectResult(builder.result(Self.rule, asOf: "2026-11-24"), .pending, anchor: "2026-11-23", due: "2026-11-30", remaining: 6, mentions: ["the child became looked after", "linked on 2026-10-05"])
        builder.record(.reg25aDecision, "2026-11-25", .reg25aApproved)
        expectResult(builder.result(Self.rule, asOf: "2026-11-26"), .met, anchor: "2026-11-23", due: "2026-11-30")
    }

    /// A baby who never became looked after (the mother kept her baby and the case closed) leaves
    /// the link with nothing to decide.
    @Test func notApplicableWhenTheJourneyEndedBeforeTheChildWasLookedAfter() {
        var builder = JourneyBuilder.unborn(expected: "2026-11", ethnicity: .WBRI, reference: "EP-2026-115")
        builder.record(.epConsideration, "2026-09-30", .recommended)
        builder.record(.epCarersLinked, "2026-10-05", .reg25aRoute)
        builder.record(.birth, "2026-11-02")
        builder.record(.caseClosed, "2026-11-10", .closed("baby remained with mother"))
        expectResult(builder.result(Self.rule, asOf: "2026-11-20"), .notApplicable, anchor: nil, due: nil, mentions: ["2026-11-10", "before the child became looked after"])
    }

    /// Carers A linked before the birth withdrew, carers B were linked before the child was looked
    /// after: A's clock never started, so it is neither late nor open; B's waits.
    @Test func aLinkOvertakenBeforeTheChildWasLookedAfterCountsForNothing() {
        var builder = JourneyBuilder.unborn(expected: "2026-12", ethnicity: .WBRI, reference: "EP-2026-116")
        builder.record(.epConsideration, "2026-08-03", .recommended)
        builder.record(.epCarersLinked, "2026-08-10", .reg25aRoute)
        builder.record(.epCarersLinked, "2026-10-05", .reg25aRoute)
        expectResult(builder.result(Self.rule, asOf: "2026-11-02"), .pending, anchor: "2026-10-05", due: nil)
    }
}
