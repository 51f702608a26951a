/// A calendar quarter (`2025-Q1` is January to March 2025): the period figures are broken down by.
struct Quarter: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Quarters since year 0, so consecutive quarters differ by one.
    let index: Int

    init(index: Int) { self.index = index }

    init(containing day: CalendarDate) {
        let (year, month, _) = day.components
        index = year * 4 + (month - 1) / 3
    }

    var year: Int { Int((Double(index) / 4).rounded(.down)) }
    var number: Int { index - year * 4 + 1 }

    var description: String { "\(year)-Q\(number)" }

    var firstDay: CalendarDate { CalendarDate(year: year, month: number * 3 - 2, day: 1)! }
    var lastDay: CalendarDate { Quarter(index: index + 1).firstDay.adding(days: -1) }

    static func < (lhs: Quarter, rhs: Quarter) -> Bool { lhs.index < rhs.index }

    /// Every quarter that overlaps `from...to`, in order (none when `to` is before `from`).
    static func covering(from: CalendarDate, to: CalendarDate) -> [Quarter] {
        guard from <= to else { return [] }
        return (Quarter(containing: from).index...Quarter(containing: to).index).map(Quarter.init(index:))
    }
}
