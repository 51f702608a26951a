import EPDomain
import Testing

/// Plausible random journeys for property tests, recorded through the product's validation (a
/// journey the product refuses fails the test that builds it). Deterministic for a seed.
enum RandomJourneys {
    typealias Step = (kind: MilestoneKind, on: CalendarDate, details: MilestoneDetails)

    static func pool(count: Int, seed: UInt64) -> [Case] {
        var rng = SeededGenerator(seed: seed)
        return (0..<count).map { make(index: $0, &rng) }
    }

    static func make(index: Int, _ rng: inout SeededGenerator) -> Case {
        func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &rng) < percent }
        func days(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &rng) }

        let start = CalendarDate.day("2024-01-01").adding(days: days(0...760))
        let unborn = chance(25)
        let birth = unborn ? start.adding(days: days(40...110)) : start.adding(days: -days(0...900))
        let profile = ChildProfile(
            sex: [.male, .female][days(0...1)], ethnicity: Ethnicity.allCases.randomElement(using: &rng)!,
            siblingGroupSize: chance(70) ? 1 : days(2...4), disability: chance(20), unborn: unborn,
            expectedBirthMonth: unborn ? YearMonth(year: birth.components.year, month: birth.components.month) : nil
        )
        var steps: [Step] = []
        func add(_ kind: MilestoneKind, _ on: CalendarDate, _ details: MilestoneDetails = .none) { steps.append((kind, on, details)) }

        if unborn {
            add(.preBirthConference, start)
        } else if chance(90) {
            add(.ploPreProceedings, start)
        } else {
            add(.familyGroupConference, start)   // no start of planning: counted by its first milestone
        }
        if unborn || chance(95) { add(.birth, birth) }
        let born = max(start, birth)

        var recommended: CalendarDate?
        if chance(80) {
            let on = start.adding(days: days(-10...70))
            let outcome: EPConsiderationOutcome = chance(60) ? .recommended : (chance(50) ? .notSuitable : .deferred)
            add(.epConsideration, on, .epConsideration(outcome: outcome, reason: nil))
            if outcome == .recommended { recommended = on }
        }
        var issued: CalendarDate?
        if steps.contains(where: { $0.kind == .birth }), chance(75) {
            let on = born.adding(days: days(1...80))
            issued = on
            add(.proceedingsIssued, on)
            add(.enteredCare, on)
        }
        var placed: CalendarDate?
        if let recommended, steps.contains(where: { $0.kind == .birth }), chance(75) {
            let on = max(recommended, issued ?? born, born).adding(days: days(0...40))
            placed = on
            add(.epCarersLinked, recommended, .epCarersLinked(route: .dualApproval))
            add(.epPlacement, on, .epPlacement(scheme: chance(70) ? .ffa : .concurrency, placedFrom: .hospital))
        }
        if let from = placed ?? issued {
            var day = from
            for _ in 0..<days(0...5) {
                day = day.adding(days: days(1...14))
                add(.familyTime, day, .familyTime(status: FamilyTimeStatus.allCases.randomElement(using: &rng)!, supervised: nil))
            }
        }
        var last = steps.map(\.on).max()!
        if let issued, chance(70) {
            let on = max(issued.adding(days: days(90...260)), last)
            last = on
            let roll = days(0...99)
            let outcome: CourtOutcome = roll < 55 ? .placementOrder : roll < 75 ? .returnHome : roll < 88 ? .specialGuardianship : roll < 95 ? .otherFamilyOrder : .withdrawn
            add(.courtDecision, on, .courtDecision(outcome: outcome))
            if outcome == .placementOrder, chance(65) {
                let panel = on.adding(days: days(20...160))
                let match = panel.adding(days: days(0...14))
                add(.adoptionPanel, panel, .adoptionPanel(outcome: .recommended))
                add(.admMatchDecision, match, .admMatchDecision(outcome: .approved, adopters: placed != nil && chance(85) ? .epCarers : .other))
                last = match
                if chance(50) {
                    last = match.adding(days: days(60...200))
                    add(.adoptionOrder, last)
                }
            } else if outcome == .returnHome, chance(70) {
                last = on.adding(days: days(5...30))
                add(.reunification, last)
            }
        }
        if !steps.contains(where: { $0.kind == .adoptionOrder }), chance(12) {
            add(.caseClosed, last.adding(days: days(1...60)), .caseClosed(reason: "closed in test"))
        }

        var builder = JourneyBuilder(reference: "RJ-\(index)", profile: profile)
        // Date order; on the same day, in the order written above (birth before what needs it).
        let ordered = steps.enumerated().sorted { ($0.element.on, $0.offset) < ($1.element.on, $1.offset) }.map(\.element)
        for step in ordered {
            builder.apply(.record(MilestoneInput(kind: step.kind, occurredOn: step.on, details: step.details)), asOf: step.on)
        }
        return builder.subject
    }
}
