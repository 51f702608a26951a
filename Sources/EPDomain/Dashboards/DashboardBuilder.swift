/// Works out a dashboard's figures from journeys: pure, no clock, no I/O. One pass over the
/// journeys (a `DashboardTally`), then a sort per duration measure.
public enum DashboardBuilder {
    public static func build(cases: [Case], policy: Policy, request: DashboardRequest) -> Dashboard {
        var tally = DashboardTally(policy: policy, request: request)
        for subject in cases { tally.add(subject.journey) }
        return build(tally)
    }

    public static func build(_ tally: DashboardTally) -> Dashboard {
        let layout = layout(tally)
        let request = tally.request
        let withheld = request.suppressSmallNumbers
            ? SmallNumberSuppression.withheld(layout.cells, threshold: request.threshold)
            : Array(repeating: false, count: layout.cells.values.count)
        return dashboard(layout, withheld: withheld, request: request)
    }

    /// A controlled view over several local authorities (an RAA's or VAA's): their sum, or one of
    /// them (`showing`, an index into `parts`), from one suppression decided over the sum and
    /// every authority's own figures together, each count of the sum grouped as the total of the
    /// authorities' counts. Suppressed one view at a time, the sum minus one authority's view
    /// gave the other's withheld counts; decided together, every view a caller can ask of the
    /// same period is a slice of one decision, and no subtraction across them gives away a
    /// withheld or small count. (Every layout has the same cells in the same order: they depend
    /// on the request and the policy, never on the data.)
    public static func build(parts: [DashboardTally], showing shown: Int?) -> Dashboard {
        precondition(!parts.isEmpty && parts.allSatisfy { $0.request.suppressSmallNumbers }, "a controlled view of at least one authority")
        var sum = parts[0]
        for part in parts.dropFirst() { sum.merge(part) }
        let whole = layout(sum)
        var joint = whole.cells
        let size = joint.values.count
        let layouts = parts.map(layout)
        let offsets = layouts.map { joint.append($0.cells) }
        for index in 0..<size {
            joint.group(offsets.map { CountCells.ID(index: $0 + index) }, of: CountCells.ID(index: index))
        }
        let withheld = SmallNumberSuppression.withheld(joint, threshold: sum.request.threshold)
        guard let shown else { return dashboard(whole, withheld: Array(withheld[0..<size]), request: sum.request) }
        let start = offsets[shown]
        return dashboard(layouts[shown], withheld: Array(withheld[start..<start + size]), request: sum.request)
    }

    private static func layout(_ tally: DashboardTally) -> FigureLayout {
        var layout = FigureLayout(quarters: tally.quarters.map(\.description))
        layout.casesByState(tally.casesByState)
        layout.epPlacements(tally.epPlacementsByQuarter)
        layout.rate("ep_conversion", tally.epConversion, pending: true)
        layout.rate("ep_share", tally.epShare)
        layout.rate("ep_considered", tally.epConsidered, pending: true)
        layout.durations(tally.durations)
        layout.ruleCompliance(ids: tally.ruleIDs, counts: tally.ruleCounts)
        layout.outcomes(tally.outcomes)
        layout.familyTime(tally.familyTime)
        return layout
    }

    private static func dashboard(_ layout: FigureLayout, withheld: [Bool], request: DashboardRequest) -> Dashboard {
        Dashboard(
            request: request,
            figures: layout.drafts.map {
                $0.resolve(layout.cells, withheld: withheld, threshold: request.suppressSmallNumbers ? request.threshold : nil)
            },
            definitions: FigureDefinitions.all(request: request)
        )
    }
}
