import EPDomain
import Foundation
import Testing

@Suite struct CalendarDateTests {
    @Test func parsesTheStrictISOForm() throws {
        let goodFriday = try #require(CalendarDate(iso: "2025-04-18"))
        #expect(goodFriday.components == (2025, 4, 18))
        #expect(goodFriday.iso == "2025-04-18")
        #expect(goodFriday.description == "2025-04-18")
        #expect(CalendarDate(year: 2025, month: 4, day: 18) == goodFriday)
    }

    @Test(arguments: [
        "2023-02-29", // 2023 is not a leap year
        "2025-13-01", // no month 13
        "2025-1-01", // month must have two digits
        "2025-00-10", "2025-04-00", "2025-04-31", "1900-02-29", "2100-02-29",
        "2025/04/18", "20250418", " 2025-04-18", "2025-04-18 ", "2025-04-1a", "", "2025-04-18T00:00",
    ])
    func refusesADayThatIsNotStrictISOOrDoesNotExist(text: String) {
        #expect(CalendarDate(iso: text) == nil)
    }

    @Test func acceptsLeapDays() {
        #expect(CalendarDate(iso: "2024-02-29") != nil)
        #expect(CalendarDate(iso: "2000-02-29") != nil)
        #expect(CalendarDate(year: 2023, month: 2, day: 29) == nil)
        #expect(CalendarDate(year: 2025, month: 13, day: 1) == nil)
    }

    @Test func leapYearsFollowTheGregorianRule() {
        #expect(CalendarDate.isLeap(2024))
        #expect(!CalendarDate.isLeap(2025))
        #expect(!CalendarDate.isLeap(1900))
        #expect(CalendarDate.isLeap(2000))
        #expect(CalendarDate.daysIn(year: 2024, month: 2) == 29)
        #expect(CalendarDate.daysIn(year: 2025, month: 2) == 28)
        #expect(CalendarDate.daysIn(year: 2025, month: 4) == 30)
        #expect(CalendarDate.daysIn(year: 2025, month: 12) == 31)
    }

    /// 1970-01-01 is day 0; 2000-01-01 is 30 years later with 7 leap days (1972–1996): 10,957;
    /// 2000-03-01 adds 31 + 29 days: 11,017.
    @Test func countsDaysFromTheUnixEpoch() {
        #expect(CalendarDate.day("1970-01-01").dayNumber == 0)
        #expect(CalendarDate.day("1969-12-31").dayNumber == -1)
        #expect(CalendarDate.day("2000-01-01").dayNumber == 10_957)
        #expect(CalendarDate.day("2000-03-01").dayNumber == 11_017)
        #expect(CalendarDate(dayNumber: 11_017).iso == "2000-03-01")
    }

    @Test func weekdaysAreISONumbered() {
        #expect(CalendarDate.day("1970-01-01").isoWeekday == 4) // Thursday
        #expect(CalendarDate.day("1969-12-31").isoWeekday == 3) // Wednesday, before the epoch
        #expect(CalendarDate.day("2025-04-18").isoWeekday == 5) // Good Friday
        #expect(CalendarDate.day("2025-04-21").isoWeekday == 1) // Easter Monday
        #expect(CalendarDate.day("2026-12-25").isoWeekday == 5) // Christmas 2026, a Friday
        #expect(CalendarDate.day("2026-12-26").isoWeekday == 6)
        #expect(CalendarDate.day("2026-12-27").isoWeekday == 7)
        #expect(CalendarDate.day("2026-12-26").isWeekend)
        #expect(CalendarDate.day("2026-12-27").isWeekend)
        #expect(!CalendarDate.day("2026-12-28").isWeekend)
    }

    @Test func addingMonthsClampsToTheEndOfTheMonth() {
        #expect(CalendarDate.day("2025-01-31").adding(months: 1) == .day("2025-02-28"))
        #expect(CalendarDate.day("2024-01-31").adding(months: 1) == .day("2024-02-29"))
        #expect(CalendarDate.day("2024-10-31").adding(months: 4) == .day("2025-02-28"))
        #expect(CalendarDate.day("2023-10-31").adding(months: 4) == .day("2024-02-29"))
        #expect(CalendarDate.day("2023-12-31").adding(months: 14) == .day("2025-02-28"))
        #expect(CalendarDate.day("2024-02-29").adding(months: 12) == .day("2025-02-28"))
        #expect(CalendarDate.day("2025-08-31").adding(months: 1) == .day("2025-09-30"))
        #expect(CalendarDate.day("2025-01-15").adding(months: 4) == .day("2025-05-15"))
    }

    @Test func addingMonthsCrossesYears() {
        #expect(CalendarDate.day("2025-12-15").adding(months: 1) == .day("2026-01-15"))
        #expect(CalendarDate.day("2025-01-15").adding(months: -1) == .day("2024-12-15"))
        #expect(CalendarDate.day("2025-03-31").adding(months: -1) == .day("2025-02-28"))
        #expect(CalendarDate.day("2025-02-28").adding(months: -1) == .day("2025-01-28"))
        #expect(CalendarDate.day("2025-02-28").adding(months: -24) == .day("2023-02-28"))
    }

    @Test func addingDaysAndCountingThem() {
        #expect(CalendarDate.day("2024-02-28").adding(days: 1) == .day("2024-02-29"))
        #expect(CalendarDate.day("2025-02-28").adding(days: 1) == .day("2025-03-01"))
        #expect(CalendarDate.day("2024-12-31").adding(days: 1) == .day("2025-01-01"))
        #expect(CalendarDate.day("2025-01-01").adding(days: -1) == .day("2024-12-31"))
        #expect(CalendarDate.day("2025-01-06").days(until: .day("2025-07-07")) == 182)
        #expect(CalendarDate.day("2025-07-07").days(until: .day("2025-01-06")) == -182)
        #expect(CalendarDate.day("2024-01-01").days(until: .day("2025-01-01")) == 366)
    }

    @Test func ordersByDay() {
        #expect(CalendarDate.day("2024-12-31") < .day("2025-01-01"))
        #expect(!(CalendarDate.day("2025-01-01") < .day("2025-01-01")))
        #expect([CalendarDate.day("2025-04-21"), .day("2025-04-18")].max() == .day("2025-04-21"))
    }

    @Test func encodesAsAnISOStringAndRefusesAnImpossibleOne() throws {
        let encoded = try JSONEncoder().encode([CalendarDate.day("2025-04-18")])
        #expect(String(decoding: encoded, as: UTF8.self) == #"["2025-04-18"]"#)
        #expect(try JSONDecoder().decode([CalendarDate].self, from: Data(#"["2024-02-29"]"#.utf8)) == [.day("2024-02-29")])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([CalendarDate].self, from: Data(#"["2023-02-29"]"#.utf8))
        }
    }
}
