import EPDomain
import Foundation

/// The dashboard's work without a database: the journeys as digests (as stored), then read and
/// counted as `DashboardService` does, on one core and split over two. Best of three passes.
enum DashboardBenchmark {
    static func run(_ journeys: [Journey], policy: Policy, asOf: CalendarDate) {
        let digests = journeys.map(JourneyDigest.init)
        let bytes = digests.reduce(0) { $0 + $1.text.utf8.count }
        let request = DashboardRequest(
            from: CalendarDate(iso: "2020-01-01")!, to: CalendarDate(iso: "2026-12-31")!, asOf: asOf, suppressSmallNumbers: true
        )
        var (read, counted, both, split, decided, decidedSix) = (Double.infinity, Double.infinity, Double.infinity, Double.infinity, Double.infinity, Double.infinity)
        for _ in 0..<3 {
            let start = ContinuousClock.now
            var reader = JourneyDigest.Reader()
            let journeys = digests.map { try! reader.journey($0) }
            let afterReading = ContinuousClock.now
            var tally = DashboardTally(policy: policy, request: request)
            for journey in journeys { tally.add(journey) }
            _ = DashboardBuilder.build(tally)
            let afterCounting = ContinuousClock.now
            read = min(read, (afterReading - start).seconds)
            counted = min(counted, (afterCounting - afterReading).seconds)
            both = min(both, (afterCounting - start).seconds)

            let splitStart = ContinuousClock.now
            let half = (digests.count + 1) / 2
            DispatchQueue.concurrentPerform(iterations: 2) { part in
                var reader = JourneyDigest.Reader()
                var tally = DashboardTally(policy: policy, request: request)
                for digest in digests[min(part * half, digests.count)..<min((part + 1) * half, digests.count)] {
                    tally.add(try! reader.journey(digest))
                }
            }
            split = min(split, (ContinuousClock.now - splitStart).seconds)

            // The controlled view an RAA of two LAs sees (the halves): the reporting grid's
            // decision over the sum and each LA, counted beforehand.
            let halves = [digests[..<half], digests[half...]].map { part in
                var reader = JourneyDigest.Reader()
                var tally = DashboardTally(policy: policy, request: request)
                for digest in part { tally.add(try! reader.journey(digest)) }
                return tally
            }
            let decideStart = ContinuousClock.now
            _ = DashboardBuilder.build(parts: halves, showing: nil)
            decided = min(decided, (ContinuousClock.now - decideStart).seconds)

            // An RAA of six LAs (the journeys in six parts): the grid's largest equations to
            // solve exactly.
            let sixth = (digests.count + 5) / 6
            let sixths = (0..<6).map { part in
                var reader = JourneyDigest.Reader()
                var tally = DashboardTally(policy: policy, request: request)
                for digest in digests[min(part * sixth, digests.count)..<min((part + 1) * sixth, digests.count)] {
                    tally.add(try! reader.journey(digest))
                }
                return tally
            }
            let sixStart = ContinuousClock.now
            _ = DashboardBuilder.build(parts: sixths, showing: nil)
            decidedSix = min(decidedSix, (ContinuousClock.now - sixStart).seconds)
        }
        let perJourney = { (seconds: Double) in String(format: "%.2f", seconds / Double(digests.count) * 1e6) }
        print("digest text:         \(bytes / max(digests.count, 1)) bytes per journey on average")
        print("reading digests:     \(String(format: "%.3f", read)) s on one core (\(perJourney(read)) µs a journey)")
        print("counting figures:    \(String(format: "%.3f", counted)) s on one core (\(perJourney(counted)) µs a journey)")
        print("both, one core:      \(String(format: "%.3f", both)) s")
        print("both, two threads:   \(String(format: "%.3f", split)) s")
        print("two LAs' view:       \(String(format: "%.3f", decided)) s deciding what to withhold (\(request.from.iso) to \(request.to.iso))")
        print("six LAs' view:       \(String(format: "%.3f", decidedSix)) s deciding what to withhold")
    }
}
