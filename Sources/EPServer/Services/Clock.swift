import EPDomain
import Foundation

/// The one place the server reads the time: tests pin it, the domain never sees it.
public struct Clock: Sendable {
    public let now: @Sendable () -> Date

    public init(now: @escaping @Sendable () -> Date = { Date() }) {
        self.now = now
    }

    /// Today in England (Europe/London), the default `as_of` for every rule evaluation.
    public var today: CalendarDate { Self.calendarDate(of: now()) }

    /// The current instant rounded to milliseconds, so what is stored and read back compares equal
    /// on both databases.
    public var stamp: Date {
        Date(timeIntervalSince1970: (now().timeIntervalSince1970 * 1000).rounded() / 1000)
    }

    public static func calendarDate(of instant: Date) -> CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/London")!
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}
