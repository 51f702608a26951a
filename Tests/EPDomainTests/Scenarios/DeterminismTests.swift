import EPDomain
import Testing

/// Same inputs, same alerts (docs/design.md §3.1).
@Suite struct DeterminismTests {
    @Test func sameJourneyPolicyAndDayGiveEqualResults() throws {
        let journey = AsOfTests.journey().journey
        let policy = try Policies.load()
        let first = policy.evaluate(journey, asOf: .day("2025-06-02"))
        let second = policy.evaluate(journey, asOf: .day("2025-06-02"))
        #expect(first == second)
        #expect(first.count == RuleCatalogue.all.count)
        // And a policy loaded separately from the same file agrees with the shared one.
        #expect(Policies.england.evaluate(journey, asOf: .day("2025-06-02")) == first)
    }
}
