import EPDomain
import Foundation

/// Evaluates the full England policy over synthetic journeys and prints cases/second.
/// Run in release: `swift run -c release eptrack-bench [cases]` from the repository root.
@main
struct RulesBenchmark {
    static func main() throws {
        let count = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 100_000
        let folder = URL(fileURLWithPath: "Policies")
        let text = try String(contentsOf: folder.appendingPathComponent("england-default.yaml"), encoding: .utf8)
        let policy = try PolicyLoader.load(yaml: text, file: "england-default.yaml") { path in
            try? String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
        }
        var generator = SyntheticJourneys(seed: 20_251_123)
        let generationStart = ContinuousClock.now
        let journeys = (0..<count).map { _ in generator.next() }
        let generated = ContinuousClock.now - generationStart
        let milestones = journeys.reduce(0) { $0 + $1.milestones.count }
        let asOf = CalendarDate(iso: "2026-11-23")!

        // One warm-up pass, then the measured pass.
        var open = evaluate(journeys, policy, asOf)
        let start = ContinuousClock.now
        open = evaluate(journeys, policy, asOf)
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18

        print("journeys:            \(count) (\(milestones) milestones, \(String(format: "%.1f", Double(milestones) / Double(count))) per journey; generated in \(generated))")
        print("rules evaluated:     \(count * policy.rules.filter(\.enabled).count)")
        print("open alerts:         \(open)")
        print("time:                \(String(format: "%.3f", seconds)) s on one core")
        print("throughput:          \(String(format: "%.0f", Double(count) / seconds)) cases/s")
        print("per case:            \(String(format: "%.2f", seconds / Double(count) * 1e6)) µs")
    }

    static func evaluate(_ journeys: [Journey], _ policy: Policy, _ asOf: CalendarDate) -> Int {
        var open = 0
        for journey in journeys {
            for result in policy.evaluate(journey, asOf: asOf) where result.status.isOpen { open += 1 }
        }
        return open
    }
}

/// Journeys with a realistic mix: some unborn at referral, some run the family track first,
/// some reunified, most ending in a placement order and a match with the EP carers.
struct SyntheticJourneys {
    private var state: UInt64
    private let recordedAt = Date(timeIntervalSince1970: 1_750_000_000)

    init(seed: UInt64) {
        state = seed
    }

    private mutating func random(_ upper: Int) -> Int {
        // SplitMix64: deterministic, so every run measures the same journeys.
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(upper))
    }

    mutating func next() -> Journey {
        let unborn = random(3) == 0
        let start = CalendarDate(iso: "2024-01-01")!.adding(days: random(900))
        var records: [Milestone] = []
        func add(_ kind: MilestoneKind, _ day: CalendarDate, _ details: MilestoneDetails = .none) {
            records.append(Milestone(id: UUID(), kind: kind, occurredOn: day, details: details, recordedAt: recordedAt, recordedBy: "bench"))
        }
        var day = start
        if unborn {
            add(.preBirthConference, day, .preBirthConference(gestationWeeks: 24 + random(12)))
        }
        add(.ploPreProceedings, day.adding(days: random(10)))
        let sequential = random(4) == 0
        let considered = day.adding(days: sequential ? 60 + random(40) : 5 + random(30))
        add(.viabilityAssessment, day.adding(days: 3), .viabilityAssessment(.init(assessment: "VA-1", relationship: .maternalFamily, status: .started)))
        add(.viabilityAssessment, day.adding(days: 30 + random(30)), .viabilityAssessment(.init(assessment: "VA-1", relationship: .maternalFamily, status: .completed, outcome: .negative)))
        add(.paternityTest, day.adding(days: 5), .paternityTest(status: .requested))
        add(.paternityTest, day.adding(days: 20 + random(20)), .paternityTest(status: .resultReceived))
        add(.epConsideration, considered, .epConsideration(outcome: .recommended, reason: nil))
        day = considered.adding(days: 2)
        add(.birth, unborn ? day : start.adding(days: -30 - random(60)))
        add(.parentsInformedOfEP, day.adding(days: random(5)))
        add(.epCarersLinked, day.adding(days: 3), .epCarersLinked(route: random(2) == 0 ? .reg25a : .dualApproval))
        add(.reg25aDecision, day.adding(days: 5 + random(6)), .reg25aDecision(outcome: .approved))
        add(.proceedingsIssued, day.adding(days: 7))
        add(.enteredCare, day.adding(days: 8))
        let placed = day.adding(days: 10 + random(14))
        add(.epPlacement, placed, .epPlacement(scheme: random(5) == 0 ? .concurrency : .ffa, placedFrom: .hospital))
        add(.familyTimePlan, placed.adding(days: 2 + random(8)))
        add(.familyTime, placed.adding(days: 7), .familyTime(status: .attended, supervised: true))
        if random(6) == 0 {
            add(.courtDecision, placed.adding(days: 150 + random(60)), .courtDecision(outcome: .returnHome))
            add(.reunification, placed.adding(days: 220))
        } else {
            let order = day.adding(days: 7 + 150 + random(60))
            add(.courtDecision, order, .courtDecision(outcome: .placementOrder))
            add(.adoptionPanel, order.adding(days: 40 + random(60)), .adoptionPanel(outcome: .recommended))
        }
        let profile = ChildProfile(
            sex: random(2) == 0 ? .female : .male, ethnicity: Ethnicity.allCases[random(Ethnicity.allCases.count)],
            siblingGroupSize: 1 + random(2), unborn: unborn,
            expectedBirthMonth: unborn ? YearMonth(year: day.components.year, month: day.components.month) : nil
        )
        return Journey(profile: profile, records: records)
    }
}
