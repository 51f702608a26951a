import EPDomain
import Foundation

/// Evaluates the full England policy over synthetic journeys and prints cases/second; with
/// `dashboard`, times the dashboard's reading and counting of journey digests instead.
/// Run in release from the repository root: `swift run -c release eptrack-bench [dashboard] [cases]`.
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
        print("journeys:            \(count) (\(milestones) milestones, \(String(format: "%.1f", Double(milestones) / Double(count))) per journey; generated in \(generated))")
        if dashboard {
            DashboardBenchmark.run(journeys, policy: policy, asOf: asOf)
            return
        }

        // One warm-up pass, then the measured pass.
        var open = evaluate(journeys, policy, asOf)
        let start = ContinuousClock.now
        open = evaluate(journeys, policy, asOf)
        let elapsed = ContinuousClock.now - start
        let seconds = elapsed.seconds

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

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
