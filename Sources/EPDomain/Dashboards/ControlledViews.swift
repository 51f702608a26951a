/// Every controlled view a caller may ask of one set of tallies (their sum or one authority,
/// over any run of whole quarters in the calendar years counted), from one `GridDecision`.
struct ControlledViews {
    /// The sum, then each authority when there are several.
    private let views: [DashboardTally]
    private let authorities: Int
    private let grid: GridDecision

    init(parts: [DashboardTally]) {
        precondition(!parts.isEmpty && parts.allSatisfy { $0.request.suppressSmallNumbers }, "a controlled view of at least one authority")
        var sum = parts[0]
        for part in parts.dropFirst() { sum.merge(part) }
        views = parts.count > 1 ? [sum] + parts : [sum]
        authorities = parts.count
        grid = GridDecision(views: views, threshold: sum.request.threshold)
    }

    /// The view of `from...to` (whole quarters inside the years counted): the sum, or the
    /// authority `shown` (an index into the parts). A count is shown only where every grid cell
    /// it adds up is: the run's part in each year it touches (for a quarter's row, that quarter);
    /// an average or percentile only where every part's would be.
    func dashboard(from: CalendarDate, to: CalendarDate, showing shown: Int?) -> Dashboard {
        precondition(WholeQuarters.isQuarterStart(from) && WholeQuarters.isQuarterEnd(to), "a controlled view of whole quarters")
        let index = shown.map { authorities > 1 ? $0 + 1 : $0 } ?? 0
        let view = views[index]
        var request = view.request
        request.from = from
        request.to = to
        let quarters = view.quarters
        let range = (Quarter(containing: from).index - quarters[0].index)..<(Quarter(containing: to).index - quarters[0].index + 1)
        precondition(range.lowerBound >= 0 && range.upperBound <= quarters.count, "a run inside the years counted")
        let layout = FigureLayout(quarters: Array(quarters[range]), rows: Array(view.byQuarter[range]), ruleIDs: view.ruleIDs)
        let components = ReportingGrid.components(of: range, firstYear: quarters[0].year)
        let withheld = layout.cells.keys.map { key in
            if let quarter = key.quarter {
                let row = ReportingGrid.Run(year: quarter.year, first: quarter.number - 1, last: quarter.number - 1)
                return grid.isWithheld(key, in: row, view: index)
            }
            return components.contains { grid.isWithheld(key, in: $0, view: index) }
        }
        // A run across a year's end works its averages and percentiles out from its own
        // lengths, which are not sums of grid cells: subtracting two nested runs' averages would
        // estimate the average of the few children between them. So they are shown only where
        // every part's would be: each part's n at least twice the threshold, or 0. (A part's n
        // withheld already withholds the run's, and with it its averages.)
        let small = 1..<2 * max(1, request.threshold)
        let partsHideStatistics = layout.cells.keys.map { key in
            key.quarter == nil && components.contains { small.contains(grid.count(key, in: $0, view: index)) }
        }
        return DashboardBuilder.dashboard(layout, withheld: withheld, hidingStatistics: partsHideStatistics, request: request)
    }
}
