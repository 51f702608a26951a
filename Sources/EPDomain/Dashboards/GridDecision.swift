/// What the reporting grid withholds (`ReportingGrid`) over a span of whole calendar years: for
/// each year, one suppression over the figures of its ten runs of quarters, for every view (the
/// sum of the authorities, then each authority). It depends on the journeys, the policy,
/// `as_of` and the threshold, never on the run of quarters asked for.
struct GridDecision {
    /// One year's decision.
    private struct Year {
        /// A cell's index in every layout of the year (they have the same cells in the same order).
        let cells: [CountCells.Key: Int]
        /// Where each layout starts in `withheld`: by run (`ReportingGrid.runs` order), then view.
        let offsets: [[Int]]
        let withheld: [Bool]
        /// Every layout's counts, as `withheld`.
        let values: [Int]
    }

    /// By year from `firstYear`; nil for a year with nothing counted, which withholds nothing
    /// (zero is always shown) and is not decided.
    private let years: [Year?]
    private let firstYear: Int

    /// `views` are tallies of the same request, counted over whole calendar years.
    init(views: [DashboardTally], threshold: Int) {
        let quarters = views[0].quarters
        precondition(quarters.count % 4 == 0 && quarters[0].index % 4 == 0, "whole calendar years")
        firstYear = quarters[0].year
        years = stride(from: 0, to: quarters.count, by: 4).map { start in
            views[0].byQuarter[start..<start + 4].allSatisfy(\.isEmpty) ? nil : Self.decide(views, year: start, threshold: threshold)
        }
    }

    /// The decision for the year whose quarters start at `start` in the views' quarters.
    private static func decide(_ views: [DashboardTally], year start: Int, threshold: Int) -> Year {
        let layout = YearLayout(views, year: start)
        let withheld = SmallNumberSuppression.withheld(layout.joint, threshold: threshold, keep: layout.keep)
        return Year(cells: layout.cells, offsets: layout.offsets, withheld: withheld, values: layout.joint.values)
    }

    /// Whether the cell `key` of the grid run `run` is withheld in view `view`.
    func isWithheld(_ key: CountCells.Key, in run: ReportingGrid.Run, view: Int) -> Bool {
        position(key, in: run, view: view).map { $0.year.withheld[$0.index] } ?? false
    }

    /// The count of the cell `key` of the grid run `run` in view `view`.
    func count(_ key: CountCells.Key, in run: ReportingGrid.Run, view: Int) -> Int {
        position(key, in: run, view: view).map { $0.year.values[$0.index] } ?? 0
    }

    /// Where the cell is in its year's decision; nil in a year with nothing counted.
    private func position(_ key: CountCells.Key, in run: ReportingGrid.Run, view: Int) -> (year: Year, index: Int)? {
        guard let year = years[run.year - firstYear] else { return nil }
        guard let cell = year.cells[key] else { preconditionFailure("a count the grid does not lay out: \(key)") }
        return (year, year.offsets[ReportingGrid.index(first: run.first, last: run.last)][view] + cell)
    }
}
