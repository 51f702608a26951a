@testable import EPDomain
import Foundation
import Testing

extension DisclosureProperties {
    /// Where a group gives something away, the count withheld to mend it is one its deduction
    /// rests on. A complement (the children in a rate's denominator but not its numerator) may
    /// be worked out from other complements, as the sum of the authorities', while its own
    /// numerator and denominator are withheld already; such a fix once fell on the last resort,
    /// the first count shown anywhere, then the next, until the leak happened to close: over
    /// a thousand needless withholdings in an agency of six LAs' view of seven years.
    @Suite struct NeedlessWithholdingTests {
        @Test(arguments: [1, 2, 6])
        func noFixFallsOnTheLastResort(authorities: Int) {
            let policy = Policies.england
            let request = DashboardRequest(from: .day("2024-01-01"), to: .day("2025-12-31"), asOf: .day("2026-03-31"), suppressSmallNumbers: true)
            var lastResorts = 0
            var fixes = 0
            for seed in UInt64(1)...2 {
                // The demo's journeys (shaped like a service's), a few hundred for each LA.
                var generator = SyntheticJourneys(seed: seed * 7 + UInt64(authorities))
                let parts = (0..<authorities).map { _ in
                    var tally = DashboardTally(policy: policy, request: request)
                    for _ in 0..<400 {
                        let (profile, inputs) = generator.next(startingBefore: .day("2025-12-31"))
                        let records = inputs.map { Milestone(id: UUID(), kind: $0.kind, occurredOn: $0.occurredOn, details: $0.details, recordedAt: Date(timeIntervalSince1970: 1_767_000_000), recordedBy: "sw") }
                        tally.add(Journey(profile: profile, records: records))
                    }
                    return tally
                }
                var sum = parts[0]
                for part in parts.dropFirst() { sum.merge(part) }
                let views = authorities > 1 ? [sum] + parts : [sum]
                for year in [0, 4] {
                    let layout = YearLayout(views, year: year)
                    let decision = SmallNumberSuppression.decide(layout.joint, threshold: 5, keep: layout.keep)
                    lastResorts += decision.lastResorts
                    let small = layout.joint.values.indices.filter { layout.joint.isPublished(CountCells.ID(index: $0)) && (1...5).contains(layout.joint.values[$0]) }
                    fixes += decision.withheld.filter { $0 }.count - small.count
                }
            }
            #expect(lastResorts == 0, "\(lastResorts) fixes fell on the first shown count")
            #expect(fixes > 0, "the cohorts need secondary suppression")
        }
    }
}
