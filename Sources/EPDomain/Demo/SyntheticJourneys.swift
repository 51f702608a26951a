/// Deterministic synthetic journeys for demos and benchmarks, shaped like real ones so a leader
/// trying the product recognises their service: about a third referred unborn; most children
/// going to an interim foster placement when they enter care, and only a minority ever living
/// with EP carers (how many depends on the `Practice`); EP never considered for some, deferred
/// or decided only after the family track failed for others; recommendations withdrawn when a
/// relative is assessed positively; proceedings that mostly overrun 26 weeks; special
/// guardianship, returns home (some before the final hearing), care orders and placement orders;
/// family finding that takes months for children not with EP carers; a few EP placements
/// ending early; and one in twenty-five a consensual adoption. About 20 milestones each. The
/// same seed gives the same journeys.
public struct SyntheticJourneys: Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    /// A child's profile and milestones, in date order, for a journey that starts (the referral,
    /// or the start of planning for a child already born) in the 900 days before `end`, in a
    /// service whose EP practice is `practice`.
    public mutating func next(startingBefore end: CalendarDate, practice: Practice = .typical) -> (profile: ChildProfile, milestones: [MilestoneInput]) {
        let start = end.adding(days: -900 + random(900))
        var script = Script()
        let profile: ChildProfile
        if random(25) == 0 {
            consensual(start: start, practice, &script)
            profile = makeProfile(unborn: false, birth: script.birth)
        } else {
            let unborn = random(3) == 0
            contested(start: start, unborn: unborn, practice, &script)
            profile = makeProfile(unborn: unborn, birth: script.birth)
        }
        return (profile, script.ordered)
    }

    // MARK: Randomness

    /// SplitMix64: small, fast, and the same on every platform.
    private mutating func random(_ upper: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(upper))
    }

    private mutating func chance(_ percent: Int) -> Bool { random(100) < percent }

    private mutating func days(_ range: ClosedRange<Int>) -> Int { range.lowerBound + random(range.count) }

    /// One of `choices`, each as likely as its weight.
    private mutating func pick<T>(_ choices: KeyValuePairs<T, Int>) -> T {
        var roll = random(choices.reduce(0) { $0 + $1.value })
        for (choice, weight) in choices {
            if roll < weight { return choice }
            roll -= weight
        }
        return choices[choices.startIndex].key
    }

    // MARK: The child

    /// Ethnicity roughly as among children in care in England (mostly white British), sibling
    /// groups mostly of one, a disability for one in ten.
    private mutating func makeProfile(unborn: Bool, birth: CalendarDate) -> ChildProfile {
        let ethnicity: Ethnicity = pick([
            .WBRI: 64, .WIRI: 1, .WOTH: 5, .WIRT: 1, .WROM: 1, .MWBC: 4, .MWBA: 2, .MWAS: 2, .MOTH: 3, .AIND: 1, .APKN: 2,
            .ABAN: 1, .AOTH: 1, .BCRB: 1, .BAFR: 3, .BOTH: 1, .CHNE: 1, .OOTH: 2, .REFU: 1, .NOBT: 1,
        ])
        return ChildProfile(
            sex: unborn ? .notKnown : (random(2) == 0 ? .female : .male), ethnicity: ethnicity,
            siblingGroupSize: pick([1: 60, 2: 25, 3: 10, 4: 5]), disability: chance(10), unborn: unborn,
            expectedBirthMonth: unborn ? YearMonth(year: birth.components.year, month: birth.components.month) : nil
        )
    }

    /// A born child's age in days at the start of planning: mostly babies, some toddlers.
    private mutating func ageAtStart() -> Int {
        switch pick(["newborn": 25, "months": 30, "older baby": 20, "toddler": 15, "older": 10]) {
        case "newborn": days(2...29)
        case "months": days(31...180)
        case "older baby": days(183...360)
        case "toddler": days(366...725)
        default: days(732...1_400)
        }
    }

    // MARK: Care proceedings

    /// Pre-birth or born, PLO or straight to court: twin tracking (or not), the EP placement for
    /// the minority the service finds carers for, the court's decision and what follows it.
    private mutating func contested(start: CalendarDate, unborn: Bool, _ practice: Practice, _ script: inout Script) {
        // Referral and the start of planning.
        let planning: CalendarDate
        var issued: CalendarDate
        if unborn {
            script.add(.preBirthAssessmentStarted, start)
            let weeks = 18 + random(14)
            let conference = start.adding(days: days(7...28))
            script.add(.preBirthConference, conference, .preBirthConference(gestationWeeks: weeks))
            script.birth = conference.adding(days: 7 * (40 - weeks) + days(-14...7))
            if chance(75) { script.add(.ploPreProceedings, conference.adding(days: days(0...14))) }
            planning = conference
            script.add(.birth, script.birth)
            issued = script.birth.adding(days: days(0...3))
        } else {
            script.birth = start.adding(days: -ageAtStart())
            script.add(.birth, script.birth)
            planning = start
            if chance(70) {
                script.add(.ploPreProceedings, start)
                // Some pre-proceedings end with the family supported at home.
                if chance(10) {
                    closeWithoutProceedings(planning: planning, practice, &script)
                    return
                }
                issued = start.adding(days: days(28...110))
            } else {
                issued = start
            }
        }
        let babyFactor = script.birth.adding(days: 183) > planning ? 100 : (script.birth.adding(days: 366) > planning ? 60 : 25)

        // The family track: relatives and friends assessed, most ruled out.
        let family = familyTrack(from: planning, &script)

        // EP: never decided, decided in time (sometimes after a deferral), or only once the family
        // track had failed.
        var recommended: CalendarDate?
        var withdrawn = false
        if chance(practice.decides) {
            let sequential = family.failedOn != nil && chance(practice.plansSequentially)
            var decided = planning.adding(days: days(5...35))
            if sequential, let failed = family.failedOn {
                if chance(70) { script.add(.epConsideration, planning.adding(days: days(7...20)), .epConsideration(outcome: .deferred, reason: nil)) }
                decided = failed.adding(days: days(1...35))
            } else if chance(12) {
                script.add(.epConsideration, decided, .epConsideration(outcome: .deferred, reason: nil))
                decided = decided.adding(days: days(14...42))
            }
            if chance(practice.recommends * babyFactor / 100) {
                script.add(.epConsideration, decided, .epConsideration(outcome: .recommended, reason: nil))
                if chance(85) { script.add(.parentsInformedOfEP, decided.adding(days: days(0...10))) }
                recommended = decided
                // Twin tracking that worked: a relative assessed positively, EP withdrawn.
                if let positive = family.positiveOn, positive > decided, chance(75) {
                    script.add(.epConsideration, positive.adding(days: days(1...14)), .epConsideration(outcome: .notSuitable, reason: nil))
                    withdrawn = true
                }
            } else {
                script.add(.epConsideration, decided, .epConsideration(outcome: .notSuitable, reason: nil))
            }
        }

        // The court: 26 weeks is the law, most proceedings take longer.
        issued = max(issued, script.birth)
        script.add(.proceedingsIssued, issued)
        let length = switch pick(["in time": 25, "months over": 45, "long": 30]) {
        case "in time": days(110...181)
        case "months over": days(182...300)
        default: days(301...480)
        }
        // The court hears a relative found positive before deciding.
        let hearing = max(issued.adding(days: length), family.positiveOn?.adding(days: days(14...60)) ?? issued)
        // Half the overrunning cases have the timetable extended, once or twice.
        if issued.days(until: hearing) > 181, chance(50) {
            script.add(.timetableExtension, issued.adding(days: days(140...175)), .timetableExtension(weeks: days(4...8)))
            if issued.days(until: hearing) > 294 {
                script.add(.timetableExtension, issued.adding(days: days(220...236)), .timetableExtension(weeks: 8))
            }
        }

        // Into care: with EP carers straight away where they are ready and the service does it,
        // otherwise to an interim foster placement (most children move at least once).
        let entered = issued.adding(days: days(0...2))
        script.add(.enteredCare, entered)
        var carersReady: CalendarDate?
        if let recommended, !withdrawn, chance(practice.findsCarers) {
            carersReady = link(on: recommended.adding(days: days(3...45)), &script)
        }
        var withEPCarers: CalendarDate?
        if let ready = carersReady, ready <= entered, chance(practice.placesDirectly) {
            withEPCarers = entered
            script.add(.epPlacement, entered, .epPlacement(scheme: chance(20) ? .concurrency : .ffa, placedFrom: unborn ? .hospital : .birthFamily))
        } else {
            script.add(.interimPlacement, entered, .interimPlacement(placementType: chance(95) ? .fosterCare : .other))
            if let ready = carersReady {
                let moved = max(ready, entered).adding(days: days(5...50))
                withEPCarers = moved
                script.add(.epPlacement, moved, .epPlacement(scheme: chance(20) ? .concurrency : .ffa, placedFrom: .interimCare))
            }
        }
        var lastMove = withEPCarers ?? entered
        familyTime(from: lastMove, plan: withEPCarers != nil, &script)
        // A few EP placements end early (the carers withdraw, or it disrupts), well before the
        // final hearing; some children then go to new EP carers.
        if let placed = withEPCarers, chance(10) {
            let ended = placed.adding(days: days(20...90))
            if ended.adding(days: 60) < hearing {
                script.add(.interimPlacement, ended, .interimPlacement(placementType: .fosterCare))
                withEPCarers = nil
                lastMove = ended
                if chance(40) {
                    let ready = link(on: ended.adding(days: days(7...30)), &script, dualApproval: true)
                    let moved = ready.adding(days: days(3...21))
                    script.add(.epPlacement, moved, .epPlacement(scheme: .ffa, placedFrom: .interimCare))
                    script.add(.familyTimePlan, moved.adding(days: days(2...8)))
                    withEPCarers = moved
                    lastMove = moved
                }
            }
        }

        let outcome: CourtOutcome = if family.positiveOn != nil {
            pick([.specialGuardianship: 65, .otherFamilyOrder: 20, .returnHome: 10, .placementOrder: 5])
        } else if withEPCarers != nil {
            pick([.placementOrder: 75, .returnHome: 14, .specialGuardianship: 5, .otherFamilyOrder: 3, .careOrder: 3])
        } else {
            pick([.placementOrder: 45, .returnHome: 22, .careOrder: 13, .specialGuardianship: 12, .otherFamilyOrder: 5, .withdrawn: 3])
        }
        switch outcome {
        case .returnHome:
            returnHome(hearing: hearing, after: lastMove, &script)
        case .placementOrder:
            script.add(.courtDecision, hearing, .courtDecision(outcome: .placementOrder))
            familyFinding(order: hearing, withEPCarers: withEPCarers != nil, &script)
        case .withdrawn:
            script.add(.courtDecision, hearing, .courtDecision(outcome: .withdrawn))
            script.add(.reunification, hearing.adding(days: days(1...10)))
            script.close(after: hearing.adding(days: days(20...60)), reason: "proceedings withdrawn")
        default:
            script.add(.courtDecision, hearing, .courtDecision(outcome: outcome))
            if chance(50) { script.close(after: hearing.adding(days: days(30...120)), reason: "permanence achieved") }
        }
    }

    /// What the assessments of relatives and friends found (paternity tests beside them): the day
    /// the last was ruled out, if all were, or the day one was first found positive at the full
    /// stage.
    private struct FamilyTrackOutcome {
        var failedOn: CalendarDate?
        var positiveOn: CalendarDate?
    }

    private mutating func familyTrack(from planning: CalendarDate, _ script: inout Script) -> FamilyTrackOutcome {
        // A paternity test for about half the children, its result weeks later.
        if chance(50) {
            let requested = planning.adding(days: days(3...20))
            script.add(.paternityTest, requested, .paternityTest(status: .requested))
            script.add(.paternityTest, requested.adding(days: days(10...45)), .paternityTest(status: .resultReceived))
        }
        let people = pick([0: 15, 1: 45, 2: 30, 3: 10])
        var outcome = FamilyTrackOutcome()
        var lastNegative: CalendarDate?
        let relationships: [ViabilityAssessment.Relationship] = [.maternalFamily, .paternalFamily, .friend]
        for person in 0..<people {
            let label = "VA-\(person + 1)"
            let relationship = relationships[person]
            let started = planning.adding(days: days(5...40))
            let completed = started.adding(days: days(21...63))
            script.add(.viabilityAssessment, started, .viabilityAssessment(.init(assessment: label, relationship: relationship, status: .started)))
            guard chance(22) else {
                script.add(.viabilityAssessment, completed, .viabilityAssessment(.init(assessment: label, relationship: relationship, status: .completed, outcome: .negative)))
                lastNegative = max(lastNegative ?? completed, completed)
                continue
            }
            script.add(.viabilityAssessment, completed, .viabilityAssessment(.init(assessment: label, relationship: relationship, status: .completed, outcome: .positive)))
            let full = completed.adding(days: days(7...21))
            let concluded = full.adding(days: days(60...120))
            let positive = chance(55)
            script.add(.viabilityAssessment, full, .viabilityAssessment(.init(assessment: label, relationship: relationship, stage: .full, status: .started)))
            script.add(.viabilityAssessment, concluded, .viabilityAssessment(.init(
                assessment: label, relationship: relationship, stage: .full, status: .completed, outcome: positive ? .positive : .negative
            )))
            if positive {
                outcome.positiveOn = min(outcome.positiveOn ?? concluded, concluded)
            } else {
                lastNegative = max(lastNegative ?? concluded, concluded)
            }
        }
        if people > 0, outcome.positiveOn == nil {
            outcome.failedOn = lastNegative
        }
        return outcome
    }

    /// EP carers linked on `day`, dual approved or approved under Reg 25A a few days later;
    /// returns the day they could take the child.
    private mutating func link(on day: CalendarDate, _ script: inout Script, dualApproval: Bool = false) -> CalendarDate {
        if dualApproval || chance(60) {
            script.add(.epCarersLinked, day, .epCarersLinked(route: .dualApproval))
            return day
        }
        script.add(.epCarersLinked, day, .epCarersLinked(route: .reg25a))
        let approved = day.adding(days: days(1...8))
        script.add(.reg25aDecision, approved, .reg25aDecision(outcome: .approved))
        return approved
    }

    /// The family time plan for an EP placement, and the first few sessions, not all attended.
    private mutating func familyTime(from placed: CalendarDate, plan: Bool, _ script: inout Script) {
        if plan { script.add(.familyTimePlan, placed.adding(days: days(2...10))) }
        var day = placed
        for _ in 0..<days(2...6) {
            day = day.adding(days: days(3...10))
            let status: FamilyTimeStatus = pick([.attended: 70, .cancelledByFamily: 12, .cancelledByAgency: 8, .notAttended: 10])
            script.add(.familyTime, day, .familyTime(status: status, supervised: true))
        }
    }

    /// Home to the family: after the final hearing, or (one in three) under the interim order
    /// before it; the plan usually agreed first.
    private mutating func returnHome(hearing: CalendarDate, after placed: CalendarDate, _ script: inout Script) {
        let early = chance(35)
        let home = early ? max(hearing.adding(days: -days(20...60)), placed.adding(days: 14)) : hearing.adding(days: days(3...21))
        if chance(80) { script.add(.reunificationPlan, home.adding(days: -days(7...21))) }
        script.add(.reunification, home)
        script.add(.courtDecision, early ? max(hearing, home) : hearing, .courtDecision(outcome: .returnHome))
    }

    /// After a placement order: a child with EP carers is matched with them within months and
    /// adopted; family finding for anyone else takes longer, and not every child is matched.
    private mutating func familyFinding(order: CalendarDate, withEPCarers: Bool, _ script: inout Script) {
        let epCarers = withEPCarers && chance(92)
        guard epCarers || chance(85) else { return }
        let panel = order.adding(days: epCarers ? days(35...130) : days(60...300))
        script.add(.adoptionPanel, panel, .adoptionPanel(outcome: .recommended))
        let minutes = panel.adding(days: days(1...5))
        script.add(.panelMinutesReceived, minutes)
        let match = minutes.adding(days: days(2...10))
        script.add(.admMatchDecision, match, .admMatchDecision(outcome: .approved, adopters: epCarers ? .epCarers : .other))
        // With the EP carers, placed for adoption is the day their status changes: no move.
        let placed = epCarers ? match : match.adding(days: days(14...42))
        script.add(.placedForAdoption, placed)
        script.add(.adoptionOrder, placed.adding(days: days(80...300)))
    }

    /// Pre-proceedings that end with the child at home: EP may have been considered, the case
    /// closes.
    private mutating func closeWithoutProceedings(planning: CalendarDate, _ practice: Practice, _ script: inout Script) {
        if chance(practice.decides / 2) {
            script.add(.epConsideration, planning.adding(days: days(10...40)), .epConsideration(outcome: .notSuitable, reason: nil))
        }
        script.close(after: planning.adding(days: days(60...180)), reason: "pre-proceedings ended: family support")
    }

    // MARK: Consensual adoption

    /// A parent asks for the baby to be adopted: EP recommended, EP carers from hospital where the
    /// service finds them, otherwise foster care and adopters found later; the mother's consent to placement
    /// once the baby is six weeks old, no proceedings.
    private mutating func consensual(start: CalendarDate, _ practice: Practice, _ script: inout Script) {
        script.birth = start.adding(days: -random(14))
        script.add(.birth, script.birth)
        script.add(.adoptionRequest, start)
        let decided = start.adding(days: days(1...10))
        script.add(.epConsideration, decided, .epConsideration(outcome: .recommended, reason: nil))
        script.add(.parentsInformedOfEP, decided)
        let entered = start.adding(days: days(1...5))
        script.add(.enteredCare, entered)
        let ep = chance(practice.findsCarers)
        if ep {
            let ready = link(on: decided, &script, dualApproval: true)
            let placed = max(ready, entered)
            script.add(.epPlacement, placed, .epPlacement(scheme: .ffa, placedFrom: placed == entered ? .hospital : .birthFamily))
            script.add(.familyTimePlan, placed.adding(days: days(2...7)))
        } else {
            script.add(.interimPlacement, entered, .interimPlacement(placementType: .fosterCare))
        }
        script.add(.section19Application, start.adding(days: days(7...14)))
        let consent = max(script.birth.adding(days: 42), start.adding(days: 14))
        script.add(.placementConsent, consent, .placementConsent(outcome: .given))
        let panel = consent.adding(days: ep ? days(30...60) : days(60...150))
        script.add(.adoptionPanel, panel, .adoptionPanel(outcome: .recommended))
        script.add(.panelMinutesReceived, panel.adding(days: 2))
        let match = panel.adding(days: days(5...10))
        script.add(.admMatchDecision, match, .admMatchDecision(outcome: .approved, adopters: ep ? .epCarers : .other))
        let placed = ep ? match : match.adding(days: days(14...28))
        script.add(.placedForAdoption, placed)
        script.add(.adoptionOrder, placed.adding(days: days(90...150)))
    }
}

/// The milestones of one synthetic journey as they are written, put in journey order at the
/// end (by day; on one day, in the order written, so a birth comes before what needs it).
private struct Script {
    var inputs: [MilestoneInput] = []
    var birth = CalendarDate(year: 2000, month: 1, day: 1)!

    mutating func add(_ kind: MilestoneKind, _ day: CalendarDate, _ details: MilestoneDetails = .none) {
        inputs.append(MilestoneInput(kind: kind, occurredOn: day, details: details))
    }

    /// Closes the case on `day`, or the day after the latest milestone if that is later:
    /// nothing can be recorded after a closure.
    mutating func close(after day: CalendarDate, reason: String) {
        let latest = inputs.map(\.occurredOn).max() ?? day
        add(.caseClosed, max(day, latest.adding(days: 1)), .caseClosed(reason: reason))
    }

    var ordered: [MilestoneInput] {
        inputs.enumerated().sorted { ($0.element.occurredOn, $0.offset) < ($1.element.occurredOn, $1.offset) }.map(\.element)
    }
}
