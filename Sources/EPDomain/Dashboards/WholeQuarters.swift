/// A view that spans more than one agency accepts whole calendar quarters only. With any
/// `from`, `to` and `as_of`, two requests a day apart could be subtracted to isolate one child
/// (one day more, one child more); runs of whole quarters are what the reporting grid decides
/// over (`ReportingGrid`), so that overlapping runs give nothing away either. The LA's exact
/// view of its own cases takes any period.
public enum WholeQuarters {
    /// Refuses a period that does not start on a quarter's first day and end on a quarter's last
    /// day, or an `as_of` that is not the last day of a quarter that has ended by `today`, naming
    /// the parameter and the form. (A quarter still running would give different figures each
    /// time it is asked, as milestones are recorded: the difference between two asks is the
    /// children recorded in between.)
    public static func check(from: CalendarDate, to: CalendarDate, asOf: CalendarDate?, today: CalendarDate) throws(ValidationError) {
        guard isQuarterStart(from) else {
            throw .invalid("from", "a view across agencies covers whole calendar quarters: from must be 1 January, 1 April, 1 July or 1 October")
        }
        guard isQuarterEnd(to) else {
            throw .invalid("to", "a view across agencies covers whole calendar quarters: to must be 31 March, 30 June, 30 September or 31 December")
        }
        if let asOf, !isQuarterEnd(asOf) {
            throw .invalid("as_of", "a view across agencies is counted as of a quarter's last day: 31 March, 30 June, 30 September or 31 December")
        }
        if let asOf, asOf > latestEnded(today: today) {
            throw .invalid("as_of", "a view across agencies is counted as of a quarter that has ended: as_of must be \(latestEnded(today: today)) or earlier")
        }
    }

    /// The last day of the latest quarter wholly over by `today`: a quarter's last day is over
    /// only the day after (milestones of that day may still be recorded on it).
    public static func latestEnded(today: CalendarDate) -> CalendarDate {
        lastQuarterEnd(onOrBefore: today.adding(days: -1))
    }

    /// The last day of the latest quarter that has ended by `day` (`day` itself when it is a
    /// quarter's last day): the default `as_of` of a view across agencies, so that asking on
    /// two days running gives the same figures.
    public static func lastQuarterEnd(onOrBefore day: CalendarDate) -> CalendarDate {
        if isQuarterEnd(day) { return day }
        let (year, month, _) = day.components
        let startMonth = (month - 1) / 3 * 3 + 1
        // The day before this quarter's first day.
        return CalendarDate(year: year, month: startMonth, day: 1)!.adding(days: -1)
    }

    public static func isQuarterStart(_ day: CalendarDate) -> Bool {
        let (_, month, date) = day.components
        return date == 1 && (month - 1) % 3 == 0
    }

    public static func isQuarterEnd(_ day: CalendarDate) -> Bool {
        isQuarterStart(day.adding(days: 1))
    }
}
