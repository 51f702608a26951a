import EPDomain
import Testing

@Suite struct SmokeTests {
    @Test func shippedPolicyLoadsEveryRule() throws {
        let policy = try Policies.load()
        #expect(policy.rules.map(\.rule.id) == RuleCatalogue.all.map(\.id))
        #expect(policy.calendar.bankHolidays.contains(.day("2025-04-18")))
    }

    @Test func ffaBabyFromHospitalMeetsEarlyConsideration() {
        var builder = JourneyBuilder.unborn(expected: "2025-06")
        builder.record(.preBirthConference, "2025-03-10", .preBirthConference(gestationWeeks: 27))
        builder.record(.epConsideration, "2025-03-20", .epConsideration(outcome: .recommended, reason: nil))
        let result = builder.result("S2-ep-considered-early", asOf: "2025-03-21")
        #expect(result.status == .met)
        #expect(result.anchorOn == .day("2025-03-10"))
    }
}
