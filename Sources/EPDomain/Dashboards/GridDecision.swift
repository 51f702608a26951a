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
        let joint = layout.joint
        var keep = layout.keep
        var initially: [Bool]?
        // A year wholly before the as-of day has counts that no later as-of day changes (its
        // first EP placements, its family time) or that rarely do (its rules' met results).
        // They are decided first, among themselves, so that they are withheld alike on every
        // as-of day; then everything, with them the last to give way.
        if views[0].quarters[start + 3].lastDay <= views[0].request.asOf {
            let stable = joint.keys.map { Self.isStable($0.figure) }
            let (part, index) = joint.restricted(to: stable)
            let first = SmallNumberSuppression.withheld(part, threshold: threshold, keep: index.map { layout.keep[$0] })
            var chosen = Array(repeating: false, count: joint.values.count)
            for (cell, original) in index.enumerated() where first[cell] { chosen[original] = true }
            initially = chosen
            for cell in keep.indices where stable[cell] { keep[cell] += 10 }
        }
        let withheld = SmallNumberSuppression.withheld(joint, threshold: threshold, keep: keep, initially: initially)
        return Year(cells: layout.cells, offsets: layout.offsets, withheld: withheld, values: joint.values)
    }

    /// Counts of a past period that later as-of days do not change, or rarely.
    private static func isStable(_ figure: String) -> Bool {
        figure.hasPrefix("ep_placements") || figure.hasPrefix("family_time") || (figure.hasPrefix("rule_compliance|") && figure.hasSuffix("#met"))
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
