/// A length of time as a policy states it: `20 working_days`, `26 weeks`, `4 months`.
public struct Period: Hashable, Sendable, CustomStringConvertible {
    public enum Unit: String, CaseIterable, Hashable, Sendable {
        case days
        case workingDays = "working_days"
        case weeks
        case months
    }

    public let value: Int
    public let unit: Unit

    public init(_ value: Int, _ unit: Unit) {
        self.value = value
        self.unit = unit
    }

    /// The policy-file form, `20 working_days`.
    public var description: String { "\(value) \(unit.rawValue)" }

    /// How a person reads it: "20 working days", "1 week".
    public var spoken: String {
        let noun: String
        switch unit {
        case .days: noun = value == 1 ? "day" : "days"
        case .workingDays: noun = value == 1 ? "working day" : "working days"
        case .weeks: noun = value == 1 ? "week" : "weeks"
        case .months: noun = value == 1 ? "month" : "months"
        }
        return "\(value) \(noun)"
    }

    /// `date` moved forward by this period (backward when `direction` is -1).
    public func after(_ date: CalendarDate, in calendar: WorkingCalendar, direction: Int = 1) -> CalendarDate {
        switch unit {
        case .days: date.adding(days: direction * value)
        case .workingDays: calendar.adding(workingDays: direction * value, to: date)
        case .weeks: date.adding(days: direction * value * 7)
        case .months: date.adding(months: direction * value)
        }
    }

    public func before(_ date: CalendarDate, in calendar: WorkingCalendar) -> CalendarDate {
        after(date, in: calendar, direction: -1)
    }

    /// The fewest and the most calendar days this period can span, wherever it starts: a month
    /// is 28 to 31 days; working days skip weekends and bank holidays (England and Wales have
    /// eight a year, at most two in a row, so a margin of ten days a year covers them).
    public var calendarDays: ClosedRange<Int> {
        switch unit {
        case .days: value...value
        case .weeks: value * 7...value * 7
        case .months: value * 28...value * 31
        case .workingDays: value...(value + 4) / 5 * 7 + 10 * (value / 250 + 1)
        }
    }

    /// True when this period ends on or after `other` however the two fall in the calendar.
    public func isNeverShorter(than other: Period) -> Bool {
        calendarDays.lowerBound >= other.calendarDays.upperBound
    }
}
