/// Working days for England and Wales: Monday to Friday, less the bank holidays it is given.
///
/// The holidays are data (Policies/bank-holidays/), not code, because they change by proclamation.
public struct WorkingCalendar: Sendable, Equatable {
    public let name: String
    public let bankHolidays: Set<CalendarDate>

    public init(name: String, bankHolidays: Set<CalendarDate>) {
        self.name = name
        self.bankHolidays = bankHolidays
    }

    public func isWorkingDay(_ date: CalendarDate) -> Bool {
        !date.isWeekend && !bankHolidays.contains(date)
    }

    /// The date `count` working days after `date` (before it, when negative). The start day itself
    /// never counts, so "5 working days after Friday" is the next Friday.
    public func adding(workingDays count: Int, to date: CalendarDate) -> CalendarDate {
        let step = count >= 0 ? 1 : -1
        var remaining = abs(count)
        var current = date
        while remaining > 0 {
            current = current.adding(days: step)
            if isWorkingDay(current) { remaining -= 1 }
        }
        return current
    }
}
