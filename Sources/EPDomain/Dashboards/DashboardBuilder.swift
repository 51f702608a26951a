/// Works out a dashboard's figures from journeys: pure, no clock, no I/O. One pass over the
/// journeys (a `DashboardTally`), then a sort per duration measure.
public enum DashboardBuilder {
    public static func build(cases: [Case], policy: Policy, request: DashboardRequest) -> Dashboard {
        var tally = DashboardTally(policy: policy, request: request)
        for subject in cases { tally.add(subject.journey) }
        return build(tally)
    }

    public static func build(_ tally: DashboardTally) -> Dashboard {
        let request = tally.request

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

        let withheld = request.suppressSmallNumbers
            ? SmallNumberSuppression.withheld(layout.cells, threshold: request.threshold)
            : Array(repeating: false, count: layout.cells.values.count)
        return Dashboard(
            request: request,
            figures: layout.drafts.map {
                $0.resolve(layout.cells, withheld: withheld, threshold: request.suppressSmallNumbers ? request.threshold : nil)
            },
            definitions: FigureDefinitions.all(request: request)
        )
    }
}
