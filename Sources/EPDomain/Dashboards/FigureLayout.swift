/// Lays the tallies out as figures, in report order, registering every count as a cell and
/// every set of parts that adds up to a published total as a group.
struct FigureLayout: Sendable {
    let quarters: [String]
    private(set) var cells = CountCells()
    private(set) var drafts: [FigureDraft] = []

    init(quarters: [String]) { self.quarters = quarters }

    private mutating func draft(_ name: String, breakdown: String = "", period: String = "", _ statistic: String, _ content: FigureDraft.Content) {
        drafts.append(FigureDraft(name: name, breakdown: breakdown, period: period, statistic: statistic, content: content))
    }

    /// A total and its parts, as count figures: the total first (breakdown ""), then each part as `key=value`.
    private mutating func countFamily(_ name: String, key: String, labels: [String], counts: [Int]) {
        let total = cells.add(counts.reduce(0, +))
        draft(name, "count", .count(total))
        for (label, part) in zip(labels, cells.parts(counts, of: total)) {
            draft(name, breakdown: "\(key)=\(label)", "count", .count(part))
        }
    }

    mutating func casesByState(_ counts: [Int]) {
        countFamily("cases_by_state", key: "state", labels: JourneyState.allCases.map(\.rawValue), counts: counts)
    }

    mutating func outcomes(_ counts: [Int]) {
        countFamily("ep_placement_outcomes", key: "outcome", labels: EPPlacementOutcome.allCases.map(\.rawValue), counts: counts)
    }

    mutating func familyTime(_ counts: [Int]) {
        countFamily("family_time", key: "status", labels: FamilyTimeStatus.allCases.map(\.rawValue), counts: counts)
    }

    /// The whole period, then each quarter.
    mutating func epPlacements(_ byQuarter: [Int]) {
        let total = cells.add(byQuarter.reduce(0, +))
        draft("ep_placements", "count", .count(total))
        for (quarter, part) in zip(quarters, cells.parts(byQuarter, of: total)) {
            draft("ep_placements", period: quarter, "count", .count(part))
        }
    }

    /// The whole period, each quarter, then each equality breakdown over the whole period.
    /// Numerators and denominators are separate cells, each grouped under its own total.
    mutating func rate(_ name: String, _ tally: RateTally) {
        let numerator = cells.add(tally.numeratorByQuarter.reduce(0, +))
        let denominator = cells.add(tally.denominatorByQuarter.reduce(0, +))
        draft(name, "rate", .rate(numerator: numerator, denominator: denominator))
        let quarterNumerators = cells.parts(tally.numeratorByQuarter, of: numerator)
        let quarterDenominators = cells.parts(tally.denominatorByQuarter, of: denominator)
        for (index, quarter) in quarters.enumerated() {
            draft(name, period: quarter, "rate", .rate(numerator: quarterNumerators[index], denominator: quarterDenominators[index]))
        }
        for dimension in Dimension.allCases {
            let numerators = cells.parts(tally.numeratorByGroup[dimension.rawValue], of: numerator)
            let denominators = cells.parts(tally.denominatorByGroup[dimension.rawValue], of: denominator)
            for (index, value) in dimension.values.enumerated() {
                draft(name, breakdown: "\(dimension.key)=\(value)", "rate", .rate(numerator: numerators[index], denominator: denominators[index]))
            }
        }
    }

    /// Per measure: median, 90th percentile and n.
    mutating func durations(_ lengths: [[Int]]) {
        for (measure, values) in zip(DurationMeasure.allCases, lengths) {
            let sorted = values.sorted()
            let n = cells.add(sorted.count)
            let breakdown = "measure=\(measure.rawValue)"
            draft("duration_days", breakdown: breakdown, "median", .days(NearestRank.percentile(50, ofSorted: sorted), n: n))
            draft("duration_days", breakdown: breakdown, "p90", .days(NearestRank.percentile(90, ofSorted: sorted), n: n))
            draft("duration_days", breakdown: breakdown, "n", .count(n))
        }
    }

    /// Per rule: met, late and overdue counts, and met as a share of the three.
    mutating func ruleCompliance(ids: [String], counts: [[Int]]) {
        for (id, statuses) in zip(ids, counts) {
            let breakdown = "rule=\(id)"
            let judged = cells.add(statuses.reduce(0, +))
            let parts = cells.parts(statuses, of: judged)
            for (statistic, part) in zip(["met", "late", "overdue"], parts) {
                draft("rule_compliance", breakdown: breakdown, statistic, .count(part))
            }
            draft("rule_compliance", breakdown: breakdown, "rate", .rate(numerator: parts[0], denominator: judged))
        }
    }
}
