import EPDomain
import Testing

/// A view across agencies is counted as of a quarter that is over: on a quarter's last day that
/// day's milestones may still be recorded, so the quarter is not over until the next day.
@Suite struct WholeQuartersTests {
    @Test func aQuartersLastDayIsOverOnlyTheDayAfter() throws {
        let (from, to, end) = (CalendarDate.day("2026-01-01"), CalendarDate.day("2026-03-31"), CalendarDate.day("2026-03-31"))
        let refused = #expect(throws: ValidationError.self) { try WholeQuarters.check(from: from, to: to, asOf: end, today: .day("2026-03-31")) }
        #expect(refused?.field == "as_of" && refused?.detail.contains("2025-12-31 or earlier") == true, "\(refused?.detail ?? "")")
        try WholeQuarters.check(from: from, to: to, asOf: end, today: .day("2026-04-01"))
        #expect(WholeQuarters.latestEnded(today: .day("2026-03-31")) == .day("2025-12-31"))
        #expect(WholeQuarters.latestEnded(today: .day("2026-04-01")) == .day("2026-03-31"))
    }
}
