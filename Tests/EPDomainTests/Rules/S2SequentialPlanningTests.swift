import EPDomain
import Testing

/// S2-sequential-planning (pattern): EP must be decided (recommended or not suitable) no later
/// than the day the family track failed: the day no assessment is in progress and every assessed
/// person's latest completed assessment, viability or full, is negative.
@Suite struct S2SequentialPlanningTests {
    static let rule = "S2-sequential-planning"

    /// Two family members assessed: maternal grandmother negative on 2025-03-20, paternal uncle
    /// negative on 2025-04-10: the family track failed that day.
    func twoNegatives() -> JourneyBuilder {
        var builder = JourneyBuilder(reference: "EP-2025-044", profile: ChildProfile(sex: .male, ethnicity: .MWBA))
        builder.record(.birth, "2025-01-15")
        builder.record(.ploPreProceedings, "2025-02-03")
        builder.record(.viabilityAssessment, "2025-02-17", .viabilityStarted("VA-1", .maternalFamily))
        builder.record(.viabilityAssessment, "2025-03-03", .viabilityStarted("VA-2", .paternalFamily))
        builder.record(.viabilityAssessment, "2025-03-20", .viabilityCompleted("VA-1", .maternalFamily, .negative))
        builder.record(.viabilityAssessment, "2025-04-10", .viabilityCompleted("VA-2", .paternalFamily, .negative))
        return builder
    }

    @Test func metWhenDecidedWhileAssessmentsWereRunning() {
        var builder = twoNegatives()
        builder.record(.epConsideration, "2025-03-12", .recommended)
        expectResult(builder.result(Self.rule, asOf: "2025-05-01"), .met, anchor: "2025-04-10", due: "2025-04-10", mentions: ["2025-03-12", "2025-04-10"])
    }

    @Test func metWhenDecidedOnTheDayTheFamilyTrackFailed() {
        var builder = twoNegatives()
        builder.record(.epConsideration, "2025-04-10", .recommended)
        expectResult(builder.result(Self.rule, asOf: "2025-05-01"), .met, anchor: "2025-04-10", due: "2025-04-10")
    }

    /// First decided 2025-04-24: 14 days after the family track failed on 2025-04-10.
    @Test func lateWhenDecidedOnlyAfterEveryAssessmentFailed() {
        var builder = twoNegatives()
        builder.record(.epConsideration, "2025-04-24", .recommended)
        let result = builder.result(Self.rule, asOf: "2025-05-01")
        expectResult(result, .late, anchor: "2025-04-10", due: "2025-04-10", overdue: 14, mentions: ["2025-04-24", "2025-04-10"])
        #expect(result.message == "Sequential planning: EP was first decided on 2025-04-24, 14 days after the family track failed on 2025-04-10, when the last of 2 people assessed was ruled out.")
    }

    /// Deferred while the assessments ran: that decided nothing, so the recommendation after the
    /// track failed is still sequential planning.
    @Test func lateWhenOnlyDeferredWhileTheAssessmentsRan() {
        var builder = twoNegatives()
        builder.record(.epConsideration, "2025-03-05", .considered(.deferred, reason: "wait for the viability assessments"))
        builder.record(.epConsideration, "2025-04-24", .recommended)
        expectResult(builder.result(Self.rule, asOf: "2025-05-01"), .late, anchor: "2025-04-10", due: "2025-04-10", overdue: 14, mentions: ["2025-04-24"])
    }

    /// Still no decision on 2025-05-01: 21 days since the family track failed.
    @Test func overdueWhenEveryAssessmentFailedAndEPNotDecided() {
        expectResult(twoNegatives().result(Self.rule, asOf: "2025-05-01"), .overdue, anchor: "2025-04-10", due: "2025-04-10", overdue: 21, mentions: ["2025-04-10"])
    }

    /// A friend comes forward on 2025-04-14, after the family track failed: a new assessment does
    /// not undo the wait, so the alert stays open until EP is decided.
    @Test func overdueStillWhenANewAssessmentStartsAfterTheTrackFailed() {
        var builder = twoNegatives()
        builder.record(.viabilityAssessment, "2025-04-14", .viabilityStarted("VA-3", .friend))
        expectResult(builder.result(Self.rule, asOf: "2025-05-01"), .overdue, anchor: "2025-04-10", due: "2025-04-10", overdue: 21, mentions: ["another assessment has started"])
    }

    /// The friend's assessment started on 2025-04-07, before the uncle was ruled out: the track
    /// has not failed, so nothing is flagged yet.
    @Test func notApplicableWhileAnAssessmentIsStillRunning() {
        var builder = twoNegatives()
        builder.record(.viabilityAssessment, "2025-04-07", .viabilityStarted("VA-3", .friend))
        expectResult(builder.result(Self.rule, asOf: "2025-05-01"), .notApplicable, anchor: nil, due: nil)
    }

    /// The commonest sequential plan: grandmother's viability is positive (2025-03-20), her full
    /// connected-person assessment negative three months later (2025-06-23), and only then is EP
    /// considered (2025-07-07). The positive viability kept her option open only until her full
    /// assessment completed.
    func grandmotherRuledOutAtTheFullAssessment() -> JourneyBuilder {
        var builder = JourneyBuilder(reference: "EP-2025-047", profile: ChildProfile(sex: .female, ethnicity: .WBRI))
        builder.record(.birth, "2025-01-20")
        builder.record(.ploPreProceedings, "2025-02-03")
        builder.record(.viabilityAssessment, "2025-02-10", .viabilityStarted("VA-1", .maternalFamily))
        builder.record(.viabilityAssessment, "2025-03-20", .viabilityCompleted("VA-1", .maternalFamily, .positive))
        builder.record(.viabilityAssessment, "2025-03-24", .fullStarted("VA-1", .maternalFamily))
        builder.record(.viabilityAssessment, "2025-06-23", .fullCompleted("VA-1", .maternalFamily, .negative))
        return builder
    }

    @Test func lateWhenDecidedOnlyAfterTheFullAssessmentFailed() {
        var builder = grandmotherRuledOutAtTheFullAssessment()
        builder.record(.epConsideration, "2025-07-07", .recommended)
        expectResult(builder.result(Self.rule, asOf: "2025-07-14"), .late, anchor: "2025-06-23", due: "2025-06-23", overdue: 14, mentions: ["2025-07-07", "2025-06-23", "the only person assessed"])
    }

    @Test func overdueWhileTheFullAssessmentFailedAndEPIsUndecided() {
        expectResult(grandmotherRuledOutAtTheFullAssessment().result(Self.rule, asOf: "2025-06-30"), .overdue, anchor: "2025-06-23", due: "2025-06-23", overdue: 7)
    }

    /// Positive viability, full assessment still running: the family track is open.
    @Test func notApplicableWhileAFullAssessmentFollowsAPositiveViability() {
        var builder = grandmotherRuledOutAtTheFullAssessment()
        let fullNegative = builder.journey.all(.viabilityAssessment).last!.id
        builder.retract(fullNegative, reason: "recorded ahead of the report", asOf: "2025-06-24")
        expectResult(builder.result(Self.rule, asOf: "2025-06-30"), .notApplicable, anchor: nil, due: nil)
    }

    @Test func metWhenDecidedWhileAPositiveAssessmentKeepsTheFamilyTrackOpen() {
        var builder = JourneyBuilder(reference: "EP-2025-045", profile: ChildProfile(sex: .female, ethnicity: .AIND))
        builder.record(.birth, "2025-01-15")
        builder.record(.viabilityAssessment, "2025-02-17", .viabilityStarted("VA-1", .maternalFamily))
        builder.record(.viabilityAssessment, "2025-02-18", .viabilityStarted("VA-2", .paternalFamily))
        builder.record(.viabilityAssessment, "2025-03-20", .viabilityCompleted("VA-1", .maternalFamily, .negative))
        builder.record(.viabilityAssessment, "2025-03-25", .viabilityCompleted("VA-2", .paternalFamily, .positive))
        builder.record(.epConsideration, "2025-04-02", .considered(.notSuitable, reason: "positive family assessment"))
        expectResult(builder.result(Self.rule, asOf: "2025-05-01"), .met, anchor: nil, due: nil, mentions: ["2025-04-02"])
    }

    @Test func notApplicableWhenNoAssessmentCameBackNegative() {
        var builder = JourneyBuilder(reference: "EP-2025-046", profile: ChildProfile(sex: .female, ethnicity: .WBRI))
        builder.record(.birth, "2025-01-15")
        builder.record(.viabilityAssessment, "2025-02-17", .viabilityStarted("VA-1", .maternalFamily))
        builder.record(.viabilityAssessment, "2025-03-20", .viabilityCompleted("VA-1", .maternalFamily, .positive))
        expectResult(builder.result(Self.rule, asOf: "2025-05-01"), .notApplicable, anchor: nil, due: nil)
    }

    @Test func notApplicableWithoutAnyAssessment() {
        var builder = JourneyBuilder(reference: "EP-2025-048", profile: ChildProfile(sex: .male, ethnicity: .WBRI))
        builder.record(.birth, "2025-01-15")
        builder.record(.epConsideration, "2025-02-03", .recommended)
        expectResult(builder.result(Self.rule, asOf: "2025-05-01"), .notApplicable, anchor: nil, due: nil, mentions: ["No family or friends assessment"])
    }
}
