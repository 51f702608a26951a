/// Working days for England and Wales: Monday to Friday, less the bank holidays it is given.
///
/// The holidays are data (Policies/bank-holidays/), not code, because they change by proclamation.
public struct WorkingCalendar: Sendable, Equatable {
    public var name: String { storage.name }
    public var bankHolidays: Set<CalendarDate> { storage.bankHolidays }
    /// One reference: every rule's context holds the calendar, and the engine makes hundreds of
    /// thousands of contexts a second; a copy is one retain, not one per field.
    private let storage: Storage

    private final class Storage: Sendable {
        let name: String
        let bankHolidays: Set<CalendarDate>
        /// The holidays as flags by day number from the first one: deadline arithmetic asks about
        /// every day it steps over, and an array read is far cheaper than hashing.
        let firstHoliday: Int
        let isHoliday: [Bool]

        init(name: String, bankHolidays: Set<CalendarDate>) {
            self.name = name
            self.bankHolidays = bankHolidays
            let days = bankHolidays.map(\.dayNumber)
            firstHoliday = days.min() ?? 0
            var flags = Array(repeating: false, count: (days.max() ?? -1) - firstHoliday + 1)
            for day in days { flags[day - firstHoliday] = true }
            isHoliday = flags
        }
    }

    public init(name: String, bankHolidays: Set<CalendarDate>) {
        storage = Storage(name: name, bankHolidays: bankHolidays)
    }

    public func isWorkingDay(_ date: CalendarDate) -> Bool {
        guard !date.isWeekend else { return false }
        let offset = date.dayNumber - storage.firstHoliday
        return !(offset >= 0 && offset < storage.isHoliday.count && storage.isHoliday[offset])
    }

    public static func == (lhs: WorkingCalendar, rhs: WorkingCalendar) -> Bool {
        lhs.storage === rhs.storage || (lhs.name == rhs.name && lhs.bankHolidays == rhs.bankHolidays)
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
