import EPDomain
import Testing

/// S2-ep-before-issue (order): where pre-proceedings happened, EP is decided (recommended or not
/// suitable) before care proceedings are issued; a deferral decides nothing.
@Suite struct S2EPBeforeIssueTests {
    static let rule = "S2-ep-before-issue"

    func plo() -> JourneyBuilder {
        var builder = JourneyBuilder(reference: "EP-2025-008", profile: ChildProfile(sex: .female, ethnicity: .WIRT))
        builder.record(.birth, "2024-12-02")
        builder.record(.ploPreProceedings, "2025-01-13")
        return builder
    }

    @Test func pendingDuringPreProceedingsBeforeAnyConsideration() {
        expectResult(plo().result(Self.rule, asOf: "2025-02-10"), .pending, anchor: "2025-01-13", due: nil, mentions: ["2025-01-13"])
    }

    @Test func metWhenConsideredDuringPreProceedings() {
        var builder = plo()
        builder.record(.epConsideration, "2025-01-29", .recommended)
        expectResult(builder.result(Self.rule, asOf: "2025-02-10"), .met, anchor: "2025-01-13", due: nil, mentions: ["2025-01-29"])
    }

    @Test func metWhenConsideredOnTheDayProceedingsAreIssued() {
        var builder = plo()
        builder.record(.epConsideration, "2025-03-03", .recommended)
        builder.record(.proceedingsIssued, "2025-03-03")
        expectResult(builder.result(Self.rule, asOf: "2025-03-10"), .met, anchor: "2025-01-13", due: "2025-03-03", mentions: ["2025-03-03"])
    }

    /// Issued 2025-03-03, first considered 2025-03-17: 14 days after.
    @Test func lateWhenFirstConsideredAfterIssue() {
        var builder = plo()
        builder.record(.proceedingsIssued, "2025-03-03")
        builder.record(.epConsideration, "2025-03-17", .recommended)
        expectResult(builder.result(Self.rule, asOf: "2025-04-01"), .late, anchor: "2025-01-13", due: "2025-03-03", overdue: 14, mentions: ["2025-03-17", "2025-03-03"])
    }

    /// Issued 2025-03-03 and still no consideration on 2025-03-31: 28 days.
    @Test func overdueWhenIssuedWithoutConsideration() {
        var builder = plo()
        builder.record(.proceedingsIssued, "2025-03-03")
        expectResult(builder.result(Self.rule, asOf: "2025-03-31"), .overdue, anchor: "2025-01-13", due: "2025-03-03", overdue: 28, mentions: ["2025-03-03"])
    }

    @Test func metWhenJudgedNotSuitableBeforeIssue() {
        var builder = plo()
        builder.record(.epConsideration, "2025-02-20", .considered(.notSuitable, reason: "paternal grandparents' full assessment positive"))
        builder.record(.proceedingsIssued, "2025-03-03")
        expectResult(builder.result(Self.rule, asOf: "2025-03-10"), .met, anchor: "2025-01-13", due: "2025-03-03", mentions: ["2025-02-20"])
    }

    /// Deferred during pre-proceedings, issued, still undecided: the deferral silenced nothing.
    @Test func overdueWhenOnlyDeferredBeforeIssue() {
        var builder = plo()
        builder.record(.epConsideration, "2025-02-03", .deferred)
        expectResult(builder.result(Self.rule, asOf: "2025-02-10"), .pending, anchor: "2025-01-13", due: nil, mentions: ["deferred on 2025-02-03"])
        builder.record(.proceedingsIssued, "2025-03-03")
        expectResult(builder.result(Self.rule, asOf: "2025-03-31"), .overdue, anchor: "2025-01-13", due: "2025-03-03", overdue: 28, mentions: ["deferred on 2025-02-03", "still not been decided"])
    }

    @Test func notApplicableWithoutPreProceedings() {
        var builder = JourneyBuilder(reference: "EP-2025-009", profile: ChildProfile(sex: .male, ethnicity: .BCRB))
        builder.record(.birth, "2025-01-20")
        builder.record(.proceedingsIssued, "2025-01-22")
        expectResult(builder.result(Self.rule, asOf: "2025-03-01"), .notApplicable, anchor: nil, due: nil)
    }

    /// Pre-proceedings worked: the case stepped down with no proceedings and no EP consideration
    /// needed. Nothing is pending on a closed case.
    @Test func notApplicableWhenTheCaseClosedDuringPreProceedings() {
        var builder = plo()
        builder.record(.caseClosed, "2025-04-14", .closed("stepped down: pre-proceedings concluded"))
        expectResult(builder.result(Self.rule, asOf: "2025-05-01"), .notApplicable, anchor: nil, due: nil, mentions: ["2025-04-14"])
    }
}
