/// One year of the reporting grid laid out for suppression: every run's figures for every view,
/// side by side in one set of cells, grouped as each run's splits and each sum's authorities.
struct YearLayout {
    let joint: CountCells
    /// Each cell's rank for `SmallNumberSuppression` (the run it falls in, asked for least first).
    let keep: [Int]
    /// A cell's index in every layout of the year (they have the same cells in the same order).
    let cells: [CountCells.Key: Int]
    /// Where each layout starts in `joint`: by run (`ReportingGrid.runs` order), then view.
    let offsets: [[Int]]

    /// The year whose quarters start at `start` in the views' quarters.
    init(_ views: [DashboardTally], year start: Int) {
        let yearQuarters = Array(views[0].quarters[start..<start + 4])
        // Each run is laid out over the year's four quarters, those outside it empty, so that
        // every layout has the same cells in the same order.
        let layouts = ReportingGrid.runs.map { run in
            views.map { view in
                let rows = (0..<4).map { k in
                    run.first <= k && k <= run.last ? view.byQuarter[start + k] : QuarterTally(rules: view.ruleIDs.count)
                }
                return FigureLayout(quarters: yearQuarters, rows: rows, ruleIDs: view.ruleIDs).cells
            }
        }
        let keys = layouts[0][0].keys
        let size = keys.count
        let cells = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) })
        var joint = CountCells()
        let offsets = layouts.map { run in
            run.map { layout in
                // The groups below pair cells by position: every layout must have the first's.
                precondition(layout.keys == keys, "layouts of the same cells in the same order")
                return joint.append(layout)
            }
        }
        // For each run, every split of it into shorter runs, as indices into `runs`.
        let splits = ReportingGrid.runs.map { bounds in
            ReportingGrid.splits(ofLength: bounds.last - bounds.first + 1).map { split in
                split.map { part in ReportingGrid.index(first: bounds.first + part.first, last: bounds.first + part.last) }
            }
        }
        for index in 0..<size {
            func cell(_ run: Int, _ view: Int) -> CountCells.ID { CountCells.ID(index: offsets[run][view] + index) }
            for run in ReportingGrid.runs.indices {
                // Each run's sum is the total of the authorities'.
                if views.count > 1 { joint.group((1..<views.count).map { cell(run, $0) }, of: cell(run, 0)) }
                // Each run is the total of every split of it into shorter runs. The first split
                // of each run (its first quarter and the rest) makes every run a sum of quarters,
                // so the other splits follow from those.
                for (split, parts) in splits[run].enumerated() {
                    for view in views.indices { joint.group(parts.map { cell($0, view) }, of: cell(run, view), implied: split > 0) }
                }
            }
        }
        // When a fix can fall on several runs, it falls on the one asked for least: the
        // middle half year (April to September) first; then runs from or to a year's end (asked for
        // as a year to date, and as the parts of a run of four quarters across a year's end,
        // the page's default); then a single quarter (and a quarter's row in any run, which
        // is that quarter's count); the whole year last, so that its view and the quarters it
        // shows stay as near as they can to what they would be on their own.
        var keep = Array(repeating: 0, count: joint.values.count)
        for (run, bounds) in ReportingGrid.runs.enumerated() {
            let rank = bounds.last - bounds.first == 3 ? 3 : bounds.first == bounds.last ? 2 : bounds.first == 0 || bounds.last == 3 ? 1 : 0
            for start in offsets[run] {
                for index in start..<start + size { keep[index] = joint.keys[index].quarter == nil ? rank : max(rank, 2) }
            }
        }
        self.joint = joint
        self.keep = keep
        self.cells = cells
        self.offsets = offsets
    }
}
