import EPDomain
import Foundation

/// Evaluates the full England policy over synthetic journeys and prints cases/second.
/// Run in release: `swift run -c release eptrack-bench [cases]` from the repository root.
@main
struct RulesBenchmark {
    static func main() throws {
        let arguments = Array(CommandLine.arguments.dropFirst())
        let dashboard = arguments.first == "dashboard"
        let count = arguments.last.flatMap(Int.init) ?? 100_000
        let folder = URL(fileURLWithPath: "Policies")
        let text = try String(contentsOf: folder.appendingPathComponent("england-default.yaml"), encoding: .utf8)
        let policy = try PolicyLoader.load(yaml: text, file: "england-default.yaml") { path in
            try? String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
        }
        var generator = SyntheticJourneys(seed: 20_251_123)
        let generationStart = ContinuousClock.now
        let recordedAt = Date(timeIntervalSince1970: 1_750_000_000)
        let journeys = (0..<count).map { _ in
            let (profile, inputs) = generator.next(startingBefore: CalendarDate(iso: "2026-06-30")!)
            let records = inputs.map { Milestone(id: UUID(), kind: $0.kind, occurredOn: $0.occurredOn, details: $0.details, recordedAt: recordedAt, recordedBy: "bench") }
            return Journey(profile: profile, records: records)
        }
        let generated = ContinuousClock.now - generationStart
        let milestones = journeys.reduce(0) { $0 + $1.milestones.count }
        let asOf = CalendarDate(iso: "2026-11-23")!
        if dashboard {
            let digests = journeys.map(JourneyDigest.init)
            let request = DashboardRequest(from: CalendarDate(iso: "2020-01-01")!, to: CalendarDate(iso: "2026-12-31")!, asOf: asOf, suppressSmallNumbers: true)
            for _ in 0..<3 {
                let t0 = ContinuousClock.now
                var reader = JourneyDigest.Reader()
                let read = try digests.map { try reader.journey($0) }
                let t1 = ContinuousClock.now
                var tally = DashboardTally(policy: policy, request: request)
                for journey in read { tally.add(journey) }
                let t2 = ContinuousClock.now
                let board = DashboardBuilder.build(tally)
                print("read digests \(t1 - t0)  tally \(t2 - t1)  build \(ContinuousClock.now - t2)  figures \(board.figures.count)")
                let t3 = ContinuousClock.now
                let half = digests.count / 2
                DispatchQueue.concurrentPerform(iterations: 2) { part in
                    var reader = JourneyDigest.Reader()
                    var tally = DashboardTally(policy: policy, request: request)
                    for digest in digests[(part * half)..<((part + 1) * half)] { tally.add(try! reader.journey(digest)) }
                }
                print("two threads, read and tally: \(ContinuousClock.now - t3)")
            }
            return
        }

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
