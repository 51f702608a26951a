import EPDomain
import Testing

/// "What was overdue on 1 March?" (docs/design.md §3.1): evaluating as of a past day answers from
/// what had happened by that day, ignoring milestones that occurred after it.
@Suite struct AsOfTests {
    typealias Step = (kind: MilestoneKind, on: String, details: MilestoneDetails)

    /// A whole FfA journey as a social worker recorded it, 2025-01 to 2025-12.
    static let steps: [Step] = [
        (.birth, "2025-01-14", .none),
        (.ploPreProceedings, "2025-01-20", .none),
        (.viabilityAssessment, "2025-01-27", .viabilityStarted("VA-1", .maternalFamily)),
        (.paternityTest, "2025-01-27", .paternityRequested),
        (.epConsideration, "2025-02-24", .recommended),
        (.proceedingsIssued, "2025-03-03", .none),
        (.paternityTest, "2025-03-04", .paternityResult),
        (.viabilityAssessment, "2025-03-14", .viabilityCompleted("VA-1", .maternalFamily, .negative)),
        (.parentsInformedOfEP, "2025-03-17", .none),
        (.epCarersLinked, "2025-03-18", .reg25aRoute),
        (.reg25aDecision, "2025-03-27", .reg25aApproved),
        (.enteredCare, "2025-03-28", .none),
        (.epPlacement, "2025-03-28", .ffa(from: .birthFamily)),
        (.familyTimePlan, "2025-04-09", .none),
        (.courtDecision, "2025-09-29", .placementOrder),
        (.adoptionPanel, "2025-11-06", .panelRecommended),
        (.admMatchDecision, "2025-11-20", .matchedWithEPCarers),
    ]

    static func journey(upTo day: String? = nil) -> JourneyBuilder {
        var builder = JourneyBuilder(reference: "EP-2025-077", profile: ChildProfile(sex: .male, ethnicity: .WBRI))
        for step in steps where day.map({ step.on <= $0 }) ?? true {
            builder.record(step.kind, step.on, step.details)
        }
        return builder
    }

    /// The whole journey asked about a past day gives exactly what the journey as it stood on that
    /// day gives (ISO dates compare correctly as text).
    @Test(arguments: ["2025-02-10", "2025-02-21", "2025-03-03", "2025-03-25", "2025-04-03", "2025-07-01", "2025-11-12"])
    func evaluatingAPastDayIgnoresLaterMilestones(asOf: String) {
        let whole = Policies.england.evaluate(Self.journey().journey, asOf: .day(asOf))
        let then = Policies.england.evaluate(Self.journey(upTo: asOf).journey, asOf: .day(asOf))
        #expect(whole.count == then.count)
        for (fromWhole, fromThen) in zip(whole, then) {
            #expect(fromWhole == fromThen, "\(fromWhole.ruleID)")
        }
    }

    /// PLO on Thu 2025-04-03, EP considered late on 2025-05-12. Asked about Fri 2025-04-25, the
    /// consideration had not happened yet: pending (due 2025-05-06, 11 days away), not late.
    @Test func pendingOnAPastDayBeforeALateConsideration() {
        var builder = JourneyBuilder(reference: "EP-2025-078", profile: ChildProfile(sex: .female, ethnicity: .BAFR))
        builder.record(.birth, "2025-02-11")
        builder.record(.ploPreProceedings, "2025-04-03")
        builder.record(.epConsideration, "2025-05-12", .recommended)
        expectResult(builder.result("S2-ep-considered-early", asOf: "2025-04-25"), .pending, anchor: "2025-04-03", due: "2025-05-06", remaining: 11)
        expectResult(builder.result("S2-ep-considered-early", asOf: "2025-05-08"), .overdue, anchor: "2025-04-03", due: "2025-05-06", overdue: 2)
        expectResult(builder.result("S2-ep-considered-early", asOf: "2025-05-12"), .late, anchor: "2025-04-03", due: "2025-05-06", overdue: 6)
    }

    /// The case later closed (2025-05-20) without a consideration. Before the due date it was
    /// still pending; it is never "overdue by a negative number of days".
    @Test func pendingOnAPastDayBeforeTheJourneyEnded() {
        var builder = JourneyBuilder(reference: "EP-2025-079", profile: ChildProfile(sex: .female, ethnicity: .BAFR))
        builder.record(.birth, "2025-02-11")
        builder.record(.ploPreProceedings, "2025-04-03")
        builder.record(.caseClosed, "2025-05-20", .closed("family moved out of the area"))
        expectResult(builder.result("S2-ep-considered-early", asOf: "2025-04-25"), .pending, anchor: "2025-04-03", due: "2025-05-06", remaining: 11)
        expectResult(builder.result("S2-ep-considered-early", asOf: "2025-05-13"), .overdue, anchor: "2025-04-03", due: "2025-05-06", overdue: 7)
        expectResult(builder.result("S2-ep-considered-early", asOf: "2025-06-30"), .overdue, anchor: "2025-04-03", due: "2025-05-06", overdue: 14)
    }
}
