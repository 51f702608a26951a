import EPDomain
import Testing

/// S4-adm-after-panel: the ADM's decision within 7 working days of the final panel minutes
/// reaching the decision maker, or of the panel while that is not recorded (warning 2 working days).
@Suite struct S4ADMAfterPanelTests {
    static let rule = "S4-adm-after-panel"

    /// Panel on Thu 2024-12-19. 7 working days: Fri 20 (1), Mon 23 (2), Tue 24 (3), Christmas
    /// and Boxing Day skipped, Fri 27 (4), Mon 30 (5), Tue 31 (6), New Year's Day skipped, Thu
    /// 2 January (7) → 2025-01-02. The warning opens 2 working days before: 2024-12-30.
    func panel() -> JourneyBuilder {
        var builder = JourneyBuilder(reference: "EP-2024-052", profile: ChildProfile(sex: .male, ethnicity: .BOTH))
        builder.record(.birth, "2024-01-10")
        builder.record(.proceedingsIssued, "2024-03-11")
        builder.record(.courtDecision, "2024-09-16", .placementOrder)
        builder.record(.adoptionPanel, "2024-12-19", .panelRecommended)
        return builder
    }

    @Test func pendingOnTheLastWorkingDayBeforeTheWarningWindow() {
        expectResult(panel().result(Self.rule, asOf: "2024-12-27"), .pending, anchor: "2024-12-19", due: "2025-01-02", remaining: 6, mentions: ["2025-01-02"])
    }

    @Test func dueSoonOnTheFirstDayOfTheWarningWindow() {
        expectResult(panel().result(Self.rule, asOf: "2024-12-30"), .dueSoon, anchor: "2024-12-19", due: "2025-01-02", remaining: 3, mentions: ["2025-01-02"])
    }

    @Test func dueSoonOnTheDueDay() {
        expectResult(panel().result(Self.rule, asOf: "2025-01-02"), .dueSoon, anchor: "2024-12-19", due: "2025-01-02", remaining: 0, mentions: ["2025-01-02"])
    }

    @Test func overdueTheDayAfterTheDueDate() {
        expectResult(panel().result(Self.rule, asOf: "2025-01-03"), .overdue, anchor: "2024-12-19", due: "2025-01-02", overdue: 1, mentions: ["2025-01-02"])
    }

    @Test func metWhenDecidedOnTheSeventhWorkingDay() {
        var builder = panel()
        builder.record(.admMatchDecision, "2025-01-02", .matchedWithOtherAdopters)
        expectResult(builder.result(Self.rule, asOf: "2025-01-10"), .met, anchor: "2024-12-19", due: "2025-01-02", mentions: ["2025-01-02"])
    }

    /// Decided Mon 2025-01-06: 4 calendar days after 2025-01-02.
    @Test func lateWhenDecidedAfterTheHolidays() {
        var builder = panel()
        builder.record(.admMatchDecision, "2025-01-06", .matchedWithOtherAdopters)
        expectResult(builder.result(Self.rule, asOf: "2025-01-10"), .late, anchor: "2024-12-19", due: "2025-01-02", overdue: 4, mentions: ["2025-01-06", "2025-01-02"])
    }

    /// The final minutes reached the ADM on Mon 2025-01-06: 7 working days from then → Wed
    /// 2025-01-15. Decided 2025-01-10: in time (from the panel it would have been 8 days late).
    @Test func theClockRunsFromThePanelMinutesWhenRecorded() {
        var builder = panel()
        builder.record(.panelMinutesReceived, "2025-01-06")
        expectResult(builder.result(Self.rule, asOf: "2025-01-08"), .pending, anchor: "2025-01-06", due: "2025-01-15", remaining: 7, mentions: ["final panel minutes", "The panel met on 2024-12-19."])
        builder.record(.admMatchDecision, "2025-01-10", .matchedWithOtherAdopters)
        expectResult(builder.result(Self.rule, asOf: "2025-01-20"), .met, anchor: "2025-01-06", due: "2025-01-15", mentions: ["2025-01-10"])
    }

    @Test func lateFromThePanelMinutes() {
        var builder = panel()
        builder.record(.panelMinutesReceived, "2025-01-06")
        builder.record(.admMatchDecision, "2025-01-20", .matchedWithOtherAdopters)
        expectResult(builder.result(Self.rule, asOf: "2025-01-20"), .late, anchor: "2025-01-06", due: "2025-01-15", overdue: 5)
    }

    @Test func notApplicableBeforeThePanel() {
        var builder = JourneyBuilder(reference: "EP-2024-053", profile: ChildProfile(sex: .female, ethnicity: .WBRI))
        builder.record(.birth, "2024-01-10")
        builder.record(.proceedingsIssued, "2024-03-11")
        builder.record(.courtDecision, "2024-09-16", .placementOrder)
        expectResult(builder.result(Self.rule, asOf: "2025-01-10"), .notApplicable, anchor: nil, due: nil)
    }

    /// The ADM declined the first adopters on 2025-01-02 (in time). The next proposed adopters
    /// went to panel on Thu 2025-03-06: 7 working days → Mon 2025-03-17; undecided on 2025-03-18,
    /// that panel's episode is overdue, whatever the first's. Decided 2025-03-14: both met.
    @Test func eachPanelIsDecidedInItsOwnEpisode() {
        var builder = panel()
        builder.record(.admMatchDecision, "2025-01-02", .matchDeclined)
        builder.record(.adoptionPanel, "2025-03-06", .panelRecommended)
        expectResult(builder.result(Self.rule, asOf: "2025-03-18"), .overdue, anchor: "2025-03-06", due: "2025-03-17", overdue: 1)
        builder.record(.admMatchDecision, "2025-03-14", .matchedWithOtherAdopters)
        expectResult(builder.result(Self.rule, asOf: "2025-03-18"), .met, anchor: "2024-12-19", due: "2025-01-02")
    }

    /// The panel of 2024-12-19 (due 2025-01-02) was never decided: the adopters withdrew, and new
    /// ones went to panel on 2025-02-06. The old panel can no longer be decided: late by the 35
    /// days to the new panel, not an open alert for ever; the new panel's own clock runs.
    @Test func aPanelLeftUndecidedWhenTheMatchWentToPanelAgainIsLate() {
        var builder = panel()
        builder.record(.adoptionPanel, "2025-02-06", .panelRecommended)
        let result = builder.result(Self.rule, asOf: "2025-02-07")
        expectResult(result, .late, anchor: "2024-12-19", due: "2025-01-02", overdue: 35, mentions: ["the match went to panel again on 2025-02-06"])
        #expect(!result.status.isOpen)
    }

    /// Panel 2 and its decision on one day, the decision recorded first: it is panel 2's, not the
    /// undecided panel 1's (which the new panel ended).
    @Test func aDecisionOnTheNextPanelsDayIsThatPanels() {
        var builder = panel()
        builder.record(.admMatchDecision, "2025-02-06", .matchedWithOtherAdopters, asOf: "2025-02-06")
        builder.record(.adoptionPanel, "2025-02-06", .panelRecommended)
        let episodes = builder.journey.panelEpisodes()
        #expect(episodes.map(\.decided) == [nil, .day("2025-02-06")], "\(episodes)")
    }

    /// An approved match that fell through, then a new panel not yet decided: no match stands.
    @Test func noMatchStandsWhileANewPanelIsUndecided() {
        var builder = panel()
        builder.record(.admMatchDecision, "2024-12-23", .matchedWithOtherAdopters)
        #expect(builder.journey.standingMatch?.occurredOn == .day("2024-12-23"))
        builder.record(.adoptionPanel, "2025-03-06", .panelRecommended)
        #expect(builder.journey.standingMatch == nil)
    }
}
