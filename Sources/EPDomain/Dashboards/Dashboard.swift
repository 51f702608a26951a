/// The figures for one request, with a plain-English definition of each figure name.
public struct Dashboard: Sendable {
    public let request: DashboardRequest
    public let figures: [Figure]
    /// Figure name (and, for the duration measures, `duration_days measure=<measure>`; for the
    /// equality breakdowns, the breakdown key) → one sentence saying what it counts.
    public let definitions: [String: String]

    public init(request: DashboardRequest, figures: [Figure], definitions: [String: String]) {
        self.request = request
        self.figures = figures
        self.definitions = definitions
    }

    /// One tidy table (RFC 4180, CRLF line ends): a header and a row per figure. Withheld cells
    /// are empty and the `suppressed` column says `true`.
    public var csv: String { DashboardCSV.table(figures) }
}
