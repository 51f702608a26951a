/// Works out a dashboard's figures from journeys: pure, no clock, no I/O. One pass over the
/// journeys (a `DashboardTally`), then a sort per duration measure.
public enum DashboardBuilder {
    public static func build(cases: [Case], policy: Policy, request: DashboardRequest) -> Dashboard {
        var tally = DashboardTally(policy: policy, request: request)
        for subject in cases { tally.add(subject.journey) }
        return build(tally)
    }

    /// The figures of one tally: exact, or, in a controlled view, decided over the reporting grid
    /// as a view of one authority's (or one set of journeys') figures.
    public static func build(_ tally: DashboardTally) -> Dashboard {
        guard !tally.request.suppressSmallNumbers else { return build(parts: [tally], showing: nil) }
        let layout = FigureLayout(quarters: tally.quarters, rows: tally.byQuarter, ruleIDs: tally.ruleIDs)
        return dashboard(layout, withheld: Array(repeating: false, count: layout.cells.values.count), request: tally.request)
    }

    /// A controlled view: the sum of `parts` (the local authorities the caller sees), or one of
    /// them (`showing`, an index into `parts`), over the request's whole quarters.
    ///
    /// What is withheld is decided over the reporting grid (`ReportingGrid`): for each calendar
    /// year, the figures of every run of quarters in it, for the sum and for every authority,
    /// together, each count of the sum grouped as the total of the authorities' counts and each
    /// count of a run as the total of every split of it into shorter runs. Every view a caller
    /// can ask (any run of quarters, the sum or one authority) is put together from those
    /// decisions (`ControlledViews`), so no subtraction across views gives away a withheld or
    /// small count: suppressed one view at a time, the sum minus one authority's view gave the
    /// other's withheld counts, and two overlapping runs of quarters gave the quarters between.
    public static func build(parts: [DashboardTally], showing shown: Int?) -> Dashboard {
        let request = parts[0].request
        return ControlledViews(parts: parts).dashboard(from: request.from, to: request.to, showing: shown)
    }

    /// The figures of `layout` with the cells `withheld` left out, and the averages and
    /// percentiles whose n is marked in `hidingStatistics` (when given).
    static func dashboard(_ layout: FigureLayout, withheld: [Bool], hidingStatistics: [Bool]? = nil, request: DashboardRequest) -> Dashboard {
        Dashboard(
            request: request,
            figures: layout.drafts.map {
                $0.resolve(
                    layout.cells, withheld: withheld, hidingStatistics: hidingStatistics ?? withheld,
                    threshold: request.suppressSmallNumbers ? request.threshold : nil
                )
            },
            definitions: FigureDefinitions.all(request: request)
        )
    }
}
