import EPDomain
import Testing

/// Whole journeys told as a social worker would, evaluated against the whole England policy.
@Suite struct WholeJourneyTests {
    /// Checks the status of each listed rule in `results`.
    func expectStatuses(
        _ results: [String: RuleResult], _ expected: [String: RuleStatus], sourceLocation: SourceLocation = #_sourceLocation
    ) {
        for (rule, status) in expected.sorted(by: { $0.key < $1.key }) {
            #expect(results[rule]?.status == status, "\(rule): \(results[rule]?.message ?? "no result")", sourceLocation: sourceLocation)
        }
    }

    func openAlerts(_ results: [String: RuleResult]) -> [String] {
        results.values.filter(\.status.isOpen).map { "\($0.ruleID): \($0.message)" }.sorted()
    }

    // MARK: (a) Early permanence as it should be

    /// Mum is known to children's services from an earlier child's adoption. The pre-birth
    /// assessment starts in February; PLO pre-proceedings begin on 10 March and the multi-agency
    /// pre-birth conference meets on 17 March at 28 weeks. Maternal grandmother is assessed
    /// alongside; EP is recommended at the twin-track meeting on 26 March, mum is given the EP
    /// leaflet and talked through it on 31 March, and dual-approved FfA carers are linked on
    /// 7 April. Grandmother's viability comes back negative on 28 April.
    /// Baby is born on 9 June; proceedings are issued the next day and on 12 June, at the first
    /// hearing, the court makes an interim care order and baby goes home from hospital with the
    /// FfA carers. The family time plan is agreed on 16 June. The court makes a placement order
    /// on 24 November; panel recommends the match on 4 December and the ADM approves it on
    /// 11 December, 17 days after the order. The adoption order is made in May 2026.
    @Test func ffaFromHospitalAfterPreBirthConferenceMeetsEveryRule() {
        typealias Step = (kind: MilestoneKind, on: String, details: MilestoneDetails, state: JourneyState)
        let steps: [Step] = [
            (.preBirthAssessmentStarted, "2025-02-03", .none, .preBirth),
            (.ploPreProceedings, "2025-03-10", .none, .preBirth),
            (.preBirthConference, "2025-03-17", .preBirthConference(gestationWeeks: 28), .preBirth),
            (.viabilityAssessment, "2025-03-24", .viabilityStarted("VA-1", .maternalFamily), .preBirth),
            (.epConsideration, "2025-03-26", .recommended, .preBirth),
            (.parentsInformedOfEP, "2025-03-31", .none, .preBirth),
            (.epCarersLinked, "2025-04-07", .dualApproval, .preBirth),
            (.viabilityAssessment, "2025-04-28", .viabilityCompleted("VA-1", .maternalFamily, .negative), .preBirth),
            (.birth, "2025-06-09", .none, .preProceedings),
            (.proceedingsIssued, "2025-06-10", .none, .inProceedings),
            (.enteredCare, "2025-06-12", .none, .inProceedings),
            (.epPlacement, "2025-06-12", .ffa(from: .hospital), .epPlaced),
            (.familyTimePlan, "2025-06-16", .none, .epPlaced),
            (.familyTime, "2025-06-18", .attended, .epPlaced),
            (.familyTime, "2025-06-25", .attended, .epPlaced),
            (.courtDecision, "2025-11-24", .placementOrder, .placementOrder),
            (.adoptionPanel, "2025-12-04", .panelRecommended, .placementOrder),
            (.admMatchDecision, "2025-12-11", .matchedWithEPCarers, .formallyMatched),
            (.adoptionOrder, "2026-05-18", .none, .adopted),
        ]
        var builder = JourneyBuilder.unborn(expected: "2025-06", ethnicity: .WBRI, reference: "EP-2025-101")
        for step in steps {
            builder.record(step.kind, step.on, step.details)
            #expect(builder.journey.state == step.state, "after \(step.kind.rawValue) on \(step.on)")
            // A journey run well raises nothing to act on at any point.
            #expect(openAlerts(builder.results(asOf: step.on)) == [], "on \(step.on)")
        }

        // Before birth, the placement and the move are still ahead: pending, not alerts. The EP
        // carers were linked on 2025-04-07, well before week 36 (EDD from the conference at 28
        // weeks: 2025-03-17 + 12 weeks = 2025-06-09; week 36 = 2025-05-12).
        expectStatuses(builder.results(asOf: "2025-04-28"), [
            "S4-placement-after-recommendation": .pending, "S4-avoidable-move": .pending,
            "S2-sequential-planning": .met, "S2-prebirth-conference-timely": .met, "S4-approval-before-placement": .met,
            "S2-ep-ready-before-birth": .met,
        ])

        let final = builder.results(asOf: "2026-06-01")
        let notApplicable: Set = ["S2-paternity-prompt", "S4-reg25a-timely", "S7-reunification-planned"]
        #expect(final.count == 18)
        for (rule, result) in final {
            #expect(result.status == (notApplicable.contains(rule) ? .notApplicable : .met), "\(rule): \(result.message)")
        }
        // Matched 17 days after the placement order, well inside 4 months (due 2026-03-24).
        #expect(final["S4-formal-match-timely"]?.dueOn == .day("2026-03-24"))
        // Recommended before birth, born 2025-06-09, looked after from 2025-06-12: 14 days from the
        // latest of the three, 2025-06-12 → 2025-06-26.
        #expect(final["S4-placement-after-recommendation"]?.anchorOn == .day("2025-06-12"))
        #expect(final["S4-placement-after-recommendation"]?.dueOn == .day("2025-06-26"))
    }

    // MARK: (b) Sequential planning

    /// A baby born in November 2024 stays at home with mum under a safety plan. PLO starts on
    /// 18 November; maternal grandmother (VA-1) and paternal grandfather (VA-2) are assessed.
    /// Proceedings are issued on 9 December. Nobody talks about EP while the assessments run.
    /// Grandmother is ruled out on 6 January, grandfather on 20 January. Only then, on 3 February,
    /// is EP considered and recommended. There are no EP carers ready, so when the interim care
    /// order is made on 5 February baby goes to a short-term foster carer. Reg 25A carers are
    /// linked on 24 February, approved on 27 February, and baby moves to them on 3 March: a move
    /// that twin-track planning would have avoided. The placement order is made on 2 June.
    @Test func familyTrackFirstIsSequentialPlanningAndAnAvoidableMove() {
        var builder = JourneyBuilder(reference: "EP-2024-118", profile: ChildProfile(sex: .male, ethnicity: .MWBC))
        builder.record(.birth, "2024-11-04")
        builder.record(.ploPreProceedings, "2024-11-18")
        #expect(builder.journey.state == .preProceedings)
        builder.record(.viabilityAssessment, "2024-11-25", .viabilityStarted("VA-1", .maternalFamily))
        builder.record(.viabilityAssessment, "2024-11-27", .viabilityStarted("VA-2", .paternalFamily))
        builder.record(.proceedingsIssued, "2024-12-09")
        #expect(builder.journey.state == .inProceedings)
        builder.record(.viabilityAssessment, "2025-01-06", .viabilityCompleted("VA-1", .maternalFamily, .negative))
        builder.record(.viabilityAssessment, "2025-01-20", .viabilityCompleted("VA-2", .paternalFamily, .negative))

        // A week after the second negative, with EP still not considered, the IRO sees it open.
        // Start of planning 2024-11-18 + 20 working days → 2024-12-16 (no holidays in between).
        let waiting = builder.results(asOf: "2025-01-27")
        expectResult(waiting["S2-sequential-planning"]!, .overdue, anchor: "2025-01-20", due: "2025-01-20", overdue: 7)
        // 2024-12-16 → 2025-01-27: 15 + 27 = 42 days.
        expectResult(waiting["S2-ep-considered-early"]!, .overdue, anchor: "2024-11-18", due: "2024-12-16", overdue: 42)
        // Issued 2024-12-09 → 2025-01-27: 22 + 27 = 49 days.
        expectResult(waiting["S2-ep-before-issue"]!, .overdue, anchor: "2024-11-18", due: "2024-12-09", overdue: 49)

        builder.record(.epConsideration, "2025-02-03", .recommended)
        builder.record(.enteredCare, "2025-02-05")
        builder.record(.interimPlacement, "2025-02-05", .fosterCare)
        #expect(builder.journey.state == .inProceedings)
        builder.record(.parentsInformedOfEP, "2025-02-10")
        builder.record(.epCarersLinked, "2025-02-24", .reg25aRoute)
        builder.record(.reg25aDecision, "2025-02-27", .reg25aApproved)
        builder.record(.epPlacement, "2025-03-03", .ffa(from: .interimCare))
        #expect(builder.journey.state == .epPlaced)
        builder.record(.familyTimePlan, "2025-03-06")
        builder.record(.courtDecision, "2025-06-02", .placementOrder)
        #expect(builder.journey.state == .placementOrder)

        let results = builder.results(asOf: "2025-06-10")
        // Considered 2025-02-03, 14 days after the last negative on 2025-01-20.
        expectResult(results["S2-sequential-planning"]!, .late, anchor: "2025-01-20", due: "2025-01-20", overdue: 14, mentions: ["2025-02-03"])
        // Recommended 2025-02-03, interim move 2025-02-05, EP carers 2025-03-03: 26 days in between.
        expectResult(results["S4-avoidable-move"]!, .late, anchor: "2025-02-03", due: "2025-02-05", overdue: 26, mentions: ["2025-02-05", "2025-03-03"])
        // 2024-12-16 → 2025-02-03: 15 + 31 + 3 = 49 days.
        expectResult(results["S2-ep-considered-early"]!, .late, anchor: "2024-11-18", due: "2024-12-16", overdue: 49)
        // 2024-12-09 → 2025-02-03: 22 + 31 + 3 = 56 days.
        expectResult(results["S2-ep-before-issue"]!, .late, anchor: "2024-11-18", due: "2024-12-09", overdue: 56)
        // VA-2 started 2024-11-27, due 2025-01-08, completed 2025-01-20: 12 days late.
        expectResult(results["S2-viability-timely"]!, .late, anchor: "2024-11-27", due: "2025-01-08", overdue: 12)
        // Recommended 2025-02-03 while baby was at home; looked after from 2025-02-05: 14 days
        // from then = 2025-02-19; placed 2025-03-03: 12 days late.
        expectResult(results["S4-placement-after-recommendation"]!, .late, anchor: "2025-02-05", due: "2025-02-19", overdue: 12)
        expectStatuses(results, [
            "S4-reg25a-timely": .met, "S4-approval-before-placement": .met, "S2-parents-informed": .met,
            "S4-family-time-plan": .met, "S2-26-weeks": .met, "S4-formal-match-timely": .pending,
            // With the EP carers, not yet matched: it counts only once they are.
            "S4-entry-to-family": .pending, "S2-prebirth-conference-timely": .notApplicable,
        ])
        #expect(openAlerts(results) == [])
    }

    // MARK: (c) Concurrency ending in reunification

    /// A baby born on 14 January is removed under an emergency application on 20 January and
    /// spends a week with a foster carer. The twin-track meeting on 22 January recommends
    /// concurrent planning; mum is told what that means the next day, and dual-approved
    /// concurrent carers take baby on 27 January. Family time is several times a week and mum
    /// attends; her own mother's viability assessment comes back positive. Mum completes
    /// residential treatment, and on 30 June the court decides baby goes home. The concurrent
    /// carers support the move and baby returns to mum on 14 July. The case closes in October.
    @Test func concurrencyEndingInReunificationNeedsNoFormalMatch() {
        var builder = JourneyBuilder(reference: "EP-2025-047", profile: ChildProfile(sex: .female, ethnicity: .BAFR))
        builder.record(.birth, "2025-01-14")
        #expect(builder.journey.state == .preProceedings)
        builder.record(.proceedingsIssued, "2025-01-20")
        builder.record(.enteredCare, "2025-01-20")
        builder.record(.interimPlacement, "2025-01-20", .fosterCare)
        #expect(builder.journey.state == .inProceedings)
        builder.record(.epConsideration, "2025-01-22", .recommended)
        builder.record(.parentsInformedOfEP, "2025-01-23")
        builder.record(.epCarersLinked, "2025-01-24", .dualApproval)
        builder.record(.epPlacement, "2025-01-27", .concurrency(from: .interimCare))
        builder.record(.viabilityAssessment, "2025-01-27", .viabilityStarted("VA-1", .maternalFamily))
        #expect(builder.journey.state == .epPlaced)
        builder.record(.familyTimePlan, "2025-01-29")
        builder.record(.familyTime, "2025-02-04", .attended)
        builder.record(.familyTime, "2025-02-11", .attended)
        builder.record(.viabilityAssessment, "2025-03-07", .viabilityCompleted("VA-1", .maternalFamily, .positive))
        builder.record(.courtDecision, "2025-06-30", .returnHome)
        // The decision alone changes nothing until the child is home.
        #expect(builder.journey.state == .epPlaced)
        builder.record(.reunificationPlan, "2025-07-01")
        builder.record(.reunification, "2025-07-14")
        #expect(builder.journey.state == .reunified)
        builder.record(.caseClosed, "2025-10-13", .closed("child home; supervision order made"))
        #expect(builder.journey.state == .reunified)
        #expect(!builder.journey.state.isOpen)

        let results = builder.results(asOf: "2025-10-20")
        expectStatuses(results, [
            "S4-formal-match-timely": .notApplicable, "S4-entry-to-family": .notApplicable,
            "S4-adm-after-panel": .notApplicable, "S2-ep-before-issue": .notApplicable,
            // EP was decided while grandmother's assessment was running and it came back positive.
            "S2-sequential-planning": .met, "S7-reunification-planned": .met,
            "S2-ep-considered-early": .met, "S4-placement-after-recommendation": .met, "S4-avoidable-move": .met,
            "S4-approval-before-placement": .met, "S2-parents-informed": .met, "S4-family-time-plan": .met,
            "S2-viability-timely": .met, "S2-26-weeks": .met,
        ])
        // Issued 2025-01-20: the 26 weeks beginning that day end on 2025-07-20; decided 2025-06-30.
        #expect(results["S2-26-weeks"]?.dueOn == .day("2025-07-20"))
        #expect(openAlerts(results) == [])
    }

    // MARK: (d) Proceedings past 26 weeks

    /// Proceedings are issued on Monday 6 January 2025. An independent social work assessment of
    /// dad is ordered late, and the final hearing cannot be listed inside 26 weeks.
    func longProceedings() -> JourneyBuilder {
        var builder = JourneyBuilder(reference: "EP-2025-052", profile: ChildProfile(sex: .male, ethnicity: .APKN))
        builder.record(.birth, "2024-12-02")
        builder.record(.ploPreProceedings, "2024-12-16")
        builder.record(.epConsideration, "2025-01-03", .recommended)
        builder.record(.proceedingsIssued, "2025-01-06")
        builder.record(.enteredCare, "2025-01-08")
        builder.record(.interimPlacement, "2025-01-08", .fosterCare)
        return builder
    }

    /// Without an extension on record, the 26 weeks beginning with the day of issue ran out on
    /// Sunday 2025-07-06: two weeks later the IRO sees it overdue by 15 days.
    @Test func overdueAfterTwentySixWeeksWithoutARecordedExtension() {
        let builder = longProceedings()
        #expect(builder.journey.state == .inProceedings)
        let result = builder.results(asOf: "2025-07-21")["S2-26-weeks"]!
        expectResult(result, .overdue, anchor: "2025-01-06", due: "2025-07-06", overdue: 15, mentions: ["2025-07-06"])
    }

    /// The court extends the timetable by 8 weeks on 30 June, inside the 26 weeks: the deadline
    /// moves 56 days from their end, to 2025-08-31. On 21 July that is 41 days away (pending); it
    /// is due soon from 3 August; the final hearing on 8 September is 8 days late.
    @Test func anEightWeekExtensionMovesTheDeadlineByEightWeeks() {
        var builder = longProceedings()
        builder.record(.timetableExtension, "2025-06-30", .timetable(weeks: 8))
        expectResult(builder.results(asOf: "2025-07-21")["S2-26-weeks"]!, .pending, anchor: "2025-01-06", due: "2025-08-31", remaining: 41, mentions: ["2025-08-31", "extended by 8 weeks"])
        expectResult(builder.results(asOf: "2025-08-02")["S2-26-weeks"]!, .pending, anchor: "2025-01-06", due: "2025-08-31", remaining: 29)
        expectResult(builder.results(asOf: "2025-08-03")["S2-26-weeks"]!, .dueSoon, anchor: "2025-01-06", due: "2025-08-31", remaining: 28)
        builder.record(.courtDecision, "2025-09-08", .placementOrder)
        #expect(builder.journey.state == .placementOrder)
        expectResult(builder.results(asOf: "2025-09-15")["S2-26-weeks"]!, .late, anchor: "2025-01-06", due: "2025-08-31", overdue: 8, mentions: ["2025-09-08"])
    }

    /// A 3-week extension moves it 21 days, to 2025-07-27: a decision on 21 July is in time.
    @Test func aThreeWeekExtensionCoversAHearingTwoWeeksOver() {
        var builder = longProceedings()
        builder.record(.timetableExtension, "2025-06-30", .timetable(weeks: 3))
        builder.record(.courtDecision, "2025-07-21", .placementOrder)
        expectResult(builder.results(asOf: "2025-07-22")["S2-26-weeks"]!, .met, anchor: "2025-01-06", due: "2025-07-27")
    }

    // MARK: (e) Reg 25A across Easter

    /// A baby born on 28 March goes into foster care on 3 April under an interim care order.
    /// EP is recommended on 8 April and connected-person carers, approved as adopters but not as
    /// foster carers, are linked on Monday 14 April through Reg 25A. Easter falls in between:
    /// the nominated officer signs the temporary approval on Tuesday 29 April, 9 working days
    /// after the link (15, 16, 17, 22, 23, 24, 25, 28, 29 April). With a 5-working-day threshold
    /// the decision was due on Wednesday 23 April (15, 16, 17, 22, 23): 6 calendar days late.
    /// Baby moves to the carers the next day.
    @Test func reg25aDecisionNineWorkingDaysAfterTheLinkAcrossEaster() {
        var builder = JourneyBuilder(reference: "EP-2025-064", profile: ChildProfile(sex: .female, ethnicity: .MWAS))
        builder.record(.birth, "2025-03-28")
        builder.record(.proceedingsIssued, "2025-04-01")
        builder.record(.enteredCare, "2025-04-03")
        builder.record(.interimPlacement, "2025-04-03", .fosterCare)
        builder.record(.epConsideration, "2025-04-08", .recommended)
        builder.record(.parentsInformedOfEP, "2025-04-09")
        builder.record(.epCarersLinked, "2025-04-14", .reg25aRoute)
        #expect(Policies.england.rules.first { $0.rule.id == "S4-reg25a-timely" }?.threshold == Period(5, .workingDays))

        // Maundy Thursday: inside the 2-working-day warning (opens 17 April), 6 days to go.
        expectResult(builder.results(asOf: "2025-04-17")["S4-reg25a-timely"]!, .dueSoon, anchor: "2025-04-14", due: "2025-04-23", remaining: 6)
        expectResult(builder.results(asOf: "2025-04-24")["S4-reg25a-timely"]!, .overdue, anchor: "2025-04-14", due: "2025-04-23", overdue: 1)

        builder.record(.reg25aDecision, "2025-04-29", .reg25aApproved)
        builder.record(.epPlacement, "2025-04-30", .ffa(from: .interimCare))
        #expect(builder.journey.state == .epPlaced)

        let results = builder.results(asOf: "2025-05-01")
        expectResult(results["S4-reg25a-timely"]!, .late, anchor: "2025-04-14", due: "2025-04-23", overdue: 6, mentions: ["2025-04-29", "2025-04-23"])
        expectStatuses(results, [
            "S4-approval-before-placement": .met, "S4-avoidable-move": .met, "S2-parents-informed": .met,
            // Recommended 2025-04-08 + 14 days = 2025-04-22; placed 2025-04-30.
            "S4-placement-after-recommendation": .late,
            // Placed Wed 2025-04-30 + 5 working days (1, 2, then 5 May is a bank holiday, 6, 7, 8) = 2025-05-08.
            "S4-family-time-plan": .pending,
        ])
        #expect(results["S4-placement-after-recommendation"]?.daysOverdue == 8)
        #expect(results["S4-family-time-plan"]?.dueOn == .day("2025-05-08"))
    }

    // MARK: Other endings

    /// Paternal aunt's viability is positive and the court makes a special guardianship order:
    /// other permanence, and the adoption-only rules stand down.
    @Test func specialGuardianshipIsOtherPermanence() {
        var builder = JourneyBuilder(reference: "EP-2025-088", profile: ChildProfile(sex: .male, ethnicity: .BCRB, siblingGroupSize: 2))
        builder.record(.birth, "2024-10-01")
        builder.record(.proceedingsIssued, "2024-10-14")
        builder.record(.enteredCare, "2024-10-14")
        builder.record(.interimPlacement, "2024-10-14", .fosterCare)
        builder.record(.viabilityAssessment, "2024-10-21", .viabilityStarted("VA-1", .paternalFamily))
        builder.record(.viabilityAssessment, "2024-11-25", .viabilityCompleted("VA-1", .paternalFamily, .positive))
        builder.record(.courtDecision, "2025-03-31", .courtDecision(outcome: .specialGuardianship))
        #expect(builder.journey.state == .otherPermanence)
        let results = builder.results(asOf: "2025-04-07")
        expectStatuses(results, [
            "S4-entry-to-family": .notApplicable, "S4-formal-match-timely": .notApplicable, "S2-26-weeks": .met,
            "S2-sequential-planning": .notApplicable,
        ])
    }

    /// The local authority withdraws its application and the case closes.
    @Test func withdrawnProceedingsThenClosureIsClosed() {
        var builder = JourneyBuilder(reference: "EP-2025-089", profile: ChildProfile(sex: .female, ethnicity: .WBRI))
        builder.record(.birth, "2025-01-10")
        builder.record(.proceedingsIssued, "2025-02-03")
        builder.record(.epConsideration, "2025-02-10", .considered(.notSuitable, reason: "rehabilitation plan with mother"))
        builder.record(.courtDecision, "2025-03-03", .courtDecision(outcome: .withdrawn))
        // Withdrawal alone changes nothing until the case is closed.
        #expect(builder.journey.state == .inProceedings)
        builder.record(.caseClosed, "2025-03-10", .closed("proceedings withdrawn"))
        #expect(builder.journey.state == .closed)
        #expect(openAlerts(builder.results(asOf: "2025-09-01")) == [])
    }
}
