import EPDomain
import Testing

/// Working days in England and Wales, with the shipped bank holidays file.
@Suite struct WorkingCalendarTests {
    let calendar = Policies.england.calendar

    @Test func weekendsAndBankHolidaysAreNotWorkingDays() {
        #expect(calendar.isWorkingDay(.day("2025-04-17"))) // Maundy Thursday
        #expect(!calendar.isWorkingDay(.day("2025-04-18"))) // Good Friday
        #expect(!calendar.isWorkingDay(.day("2025-04-19")))
        #expect(!calendar.isWorkingDay(.day("2025-04-20")))
        #expect(!calendar.isWorkingDay(.day("2025-04-21"))) // Easter Monday
        #expect(calendar.isWorkingDay(.day("2025-04-22")))
        #expect(!calendar.isWorkingDay(.day("2024-12-25")))
        #expect(!calendar.isWorkingDay(.day("2024-12-26")))
        #expect(calendar.isWorkingDay(.day("2024-12-27")))
    }

    /// Christmas 2026 is a Friday and Boxing Day a Saturday, so Monday 28 December is the
    /// substitute bank holiday.
    @Test func boxingDay2026IsSubstitutedOnMonday28December() {
        #expect(!calendar.isWorkingDay(.day("2026-12-25")))
        #expect(!calendar.isWorkingDay(.day("2026-12-26")))
        #expect(!calendar.isWorkingDay(.day("2026-12-28")))
        #expect(calendar.isWorkingDay(.day("2026-12-29")))
    }

    @Test func theStartDayNeverCounts() {
        // "5 working days after Friday" is the next Friday.
        #expect(calendar.adding(workingDays: 5, to: .day("2025-03-07")) == .day("2025-03-14"))
        #expect(calendar.adding(workingDays: 0, to: .day("2025-03-08")) == .day("2025-03-08"))
        #expect(calendar.adding(workingDays: 1, to: .day("2025-03-08")) == .day("2025-03-10"))
    }

    @Test func workingDaysSkipEaster2025() {
        // 1 working day after Maundy Thursday: Friday and Monday are bank holidays → Tuesday.
        #expect(calendar.adding(workingDays: 1, to: .day("2025-04-17")) == .day("2025-04-22"))
        // Starting on Good Friday itself.
        #expect(calendar.adding(workingDays: 1, to: .day("2025-04-18")) == .day("2025-04-22"))
        // 20 working days after Thu 2025-04-03, skipping Good Friday, Easter Monday and the early
        // May bank holiday (5 May) → Tue 2025-05-06.
        #expect(calendar.adding(workingDays: 20, to: .day("2025-04-03")) == .day("2025-05-06"))
        // 5 after Mon 14 April: 15, 16, 17, 22, 23.
        #expect(calendar.adding(workingDays: 5, to: .day("2025-04-14")) == .day("2025-04-23"))
    }

    @Test func workingDaysSkipChristmas2026AndNewYear2027() {
        // After Thu 24 December: 25 (holiday), 26–27 (weekend), 28 (substitute) skipped;
        // 29, 30, 31 → 3 working days is Thursday 31st.
        #expect(calendar.adding(workingDays: 3, to: .day("2026-12-24")) == .day("2026-12-31"))
        // The 4th: Friday 1 January 2027 is New Year's Day → Monday 4 January.
        #expect(calendar.adding(workingDays: 4, to: .day("2026-12-24")) == .day("2027-01-04"))
    }

    @Test func countsBackwards() {
        #expect(calendar.adding(workingDays: -1, to: .day("2025-04-22")) == .day("2025-04-17"))
        #expect(calendar.adding(workingDays: -5, to: .day("2025-05-06")) == .day("2025-04-28"))
        // Back from Tue 29 December 2026: 28 and 25 are holidays → Thu 24, then Wed 23.
        #expect(calendar.adding(workingDays: -1, to: .day("2026-12-29")) == .day("2026-12-24"))
        #expect(calendar.adding(workingDays: -2, to: .day("2026-12-29")) == .day("2026-12-23"))
    }

    /// The holidays are data: a calendar given none counts Good Friday as a working day.
    @Test func holidaysComeFromTheCalendarsData() {
        let bare = WorkingCalendar(name: "weekdays only", bankHolidays: [])
        #expect(bare.adding(workingDays: 1, to: .day("2025-04-17")) == .day("2025-04-18"))
        #expect(calendar.name == "england-and-wales")
    }
}
