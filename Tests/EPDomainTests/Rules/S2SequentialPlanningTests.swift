import EPDomain
import Testing

/// S2-sequential-planning (pattern): EP must not be considered only after the family track has
/// finished (every viability assessment negative).
@Suite struct S2SequentialPlanningTests {
    static let rule = "S2-sequential-planning"

    /// Two family members assessed: maternal grandmother negative on 2025-03-20, paternal uncle
    /// negative on 2025-04-10 (the last negative).
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

    @Test func metWhenConsideredWhileAssessmentsWereRunning() {
        var builder = twoNegatives()
        builder.record(.epConsideration, "2025-03-12", .recommended)
        expectResult(builder.result(Self.rule, asOf: "2025-05-01"), .met, anchor: "2025-04-10", due: "2025-04-10", mentions: ["2025-03-12", "2025-04-10"])
    }

    @Test func metWhenConsideredOnTheDayOfTheLastNegative() {
        var builder = twoNegatives()
        builder.record(.epConsideration, "2025-04-10", .recommended)
        expectResult(builder.result(Self.rule, asOf: "2025-05-01"), .met, anchor: "2025-04-10", due: "2025-04-10")
    }

    /// First considered 2025-04-24: 14 days after the last negative on 2025-04-10.
    @Test func lateWhenConsideredOnlyAfterEveryAssessmentFailed() {
        var builder = twoNegatives()
        builder.record(.epConsideration, "2025-04-24", .recommended)
        let result = builder.result(Self.rule, asOf: "2025-05-01")
        expectResult(result, .late, anchor: "2025-04-10", due: "2025-04-10", overdue: 14, mentions: ["2025-04-24", "2025-04-10"])
        #expect(result.message == "Sequential planning: EP was first considered on 2025-04-24, 14 days after the last of 2 negative viability assessments on 2025-04-10.")
    }

    /// Still no consideration on 2025-05-01: 21 days since the last negative.
    @Test func overdueWhenEveryAssessmentFailedAndEPNotConsidered() {
        expectResult(twoNegatives().result(Self.rule, asOf: "2025-05-01"), .overdue, anchor: "2025-04-10", due: "2025-04-10", overdue: 21, mentions: ["2025-04-10"])
    }

    /// A third assessment is still running: the family track is open, so nothing is flagged yet.
    @Test func notApplicableWhileAnAssessmentIsStillRunning() {
        var builder = twoNegatives()
        builder.record(.viabilityAssessment, "2025-04-14", .viabilityStarted("VA-3", .friend))
        expectResult(builder.result(Self.rule, asOf: "2025-05-01"), .notApplicable, anchor: nil, due: nil)
    }

    @Test func metWhenConsideredWhileAPositiveAssessmentKeepsTheFamilyTrackOpen() {
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
}
