/// What a leader asks a dashboard for: a date range, the day the figures are taken as of, and
/// whether small numbers are suppressed (any view that spans more than one agency).
public struct DashboardRequest: Hashable, Sendable {
    /// Period start (inclusive).
    public var from: CalendarDate
    /// Period end (inclusive).
    public var to: CalendarDate
    /// Rules, journey states and "still open" are evaluated as of this day; milestones that
    /// occurred after it are left out of every figure.
    public var asOf: CalendarDate
    /// True when the view spans more than one agency.
    public var suppressSmallNumbers: Bool
    /// Counts from 1 to `threshold` are suppressed (when suppression is on).
    public var threshold: Int

    public init(from: CalendarDate, to: CalendarDate, asOf: CalendarDate, suppressSmallNumbers: Bool, threshold: Int = 5) {
        self.from = from
        self.to = to
        self.asOf = asOf
        self.suppressSmallNumbers = suppressSmallNumbers
        self.threshold = threshold
    }

}
