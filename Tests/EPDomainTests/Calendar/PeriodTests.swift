import EPDomain
import Testing

@Suite struct PeriodTests {
    let calendar = Policies.england.calendar

    @Test func printsInPolicyFormAndReadsAloud() {
        #expect(Period(20, .workingDays).description == "20 working_days")
        #expect(Period(26, .weeks).description == "26 weeks")
        #expect(Period(20, .workingDays).spoken == "20 working days")
        #expect(Period(1, .workingDays).spoken == "1 working day")
        #expect(Period(1, .weeks).spoken == "1 week")
        #expect(Period(1, .days).spoken == "1 day")
        #expect(Period(42, .days).spoken == "42 days")
        #expect(Period(4, .months).spoken == "4 months")
        #expect(Period(1, .months).spoken == "1 month")
        #expect(Period.Unit(rawValue: "working_days") == .workingDays)
        #expect(Period.Unit(rawValue: "fortnights") == nil)
    }

    @Test func movesADateForwardInEachUnit() {
        #expect(Period(42, .days).after(.day("2025-03-05"), in: calendar) == .day("2025-04-16"))
        #expect(Period(26, .weeks).after(.day("2025-01-06"), in: calendar) == .day("2025-07-07"))
        #expect(Period(4, .months).after(.day("2024-10-31"), in: calendar) == .day("2025-02-28"))
        #expect(Period(4, .months).after(.day("2023-10-31"), in: calendar) == .day("2024-02-29"))
        #expect(Period(20, .workingDays).after(.day("2025-04-03"), in: calendar) == .day("2025-05-06"))
    }

    @Test func movesADateBackForWarningWindows() {
        #expect(Period(7, .days).before(.day("2025-04-16"), in: calendar) == .day("2025-04-09"))
        #expect(Period(4, .weeks).before(.day("2025-07-07"), in: calendar) == .day("2025-06-09"))
        #expect(Period(1, .months).before(.day("2025-02-28"), in: calendar) == .day("2025-01-28"))
        #expect(Period(2, .months).before(.day("2025-02-28"), in: calendar) == .day("2024-12-28"))
        #expect(Period(2, .workingDays).before(.day("2025-04-23"), in: calendar) == .day("2025-04-17"))
        #expect(Period(0, .days).before(.day("2025-04-23"), in: calendar) == .day("2025-04-23"))
    }
}
