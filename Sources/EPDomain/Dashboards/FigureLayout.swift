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

    /// The EP placements in the period: `ep_placements` and `ep_placement_outcomes` both publish
    /// it, as one cell, so it is withheld in both or neither.
    private var placementsTotal: CountCells.ID?

    /// A total and its parts, as count figures: the total first (breakdown ""), then each part as
    /// `key=value`. `shared` is a cell already holding the same total, published again here.
    private mutating func countFamily(_ name: String, key: String, labels: [String], counts: [Int], shared: CountCells.ID? = nil) {
        let total = shared ?? cells.add(counts.reduce(0, +))
        precondition(cells[total] == counts.reduce(0, +), "\(name): a shared total that differs")
        draft(name, "count", .count(total))
        for (label, part) in zip(labels, cells.parts(counts, of: total)) {
            draft(name, breakdown: "\(key)=\(label)", "count", .count(part))
        }
    }

    mutating func casesByState(_ counts: [Int]) {
        countFamily("cases_by_state", key: "state", labels: JourneyState.allCases.map(\.rawValue), counts: counts)
    }

    mutating func outcomes(_ counts: [Int]) {
        countFamily("ep_placement_outcomes", key: "outcome", labels: EPPlacementOutcome.allCases.map(\.rawValue), counts: counts, shared: placementsTotal)
    }

    mutating func familyTime(_ counts: [Int]) {
        countFamily("family_time", key: "status", labels: FamilyTimeStatus.allCases.map(\.rawValue), counts: counts)
    }

    /// The whole period, then each quarter.
    mutating func epPlacements(_ byQuarter: [Int]) {
        let total = cells.add(byQuarter.reduce(0, +))
        placementsTotal = total
        draft("ep_placements", "count", .count(total))
        for (quarter, part) in zip(quarters, cells.parts(byQuarter, of: total)) {
            draft("ep_placements", period: quarter, "count", .count(part))
        }
    }

    /// The whole period, each quarter, then each equality breakdown over the whole period.
    /// Numerators and denominators are separate cells, each grouped under its own total. Each
    /// row's complement (denominator − numerator, the children not counted) is an unpublished
    /// cell grouped with its numerator under its denominator, and the complements of a breakdown
    /// are grouped under the whole period's, so suppression protects them across every table.
    mutating func rate(_ name: String, _ tally: RateTally) {
        let numerator = cells.add(tally.numeratorByQuarter.reduce(0, +))
        let denominator = cells.add(tally.denominatorByQuarter.reduce(0, +))
        let complement = cells.complement(of: numerator, in: denominator)
        draft(name, "rate", .rate(numerator: numerator, denominator: denominator))
        let quarterNumerators = cells.parts(tally.numeratorByQuarter, of: numerator)
        let quarterDenominators = cells.parts(tally.denominatorByQuarter, of: denominator)
        cells.group(zip(quarterNumerators, quarterDenominators).map { cells.complement(of: $0, in: $1) }, of: complement)
        for (index, quarter) in quarters.enumerated() {
            draft(name, period: quarter, "rate", .rate(numerator: quarterNumerators[index], denominator: quarterDenominators[index]))
        }
        for dimension in Dimension.allCases {
            let numerators = cells.parts(tally.numeratorByGroup[dimension.rawValue], of: numerator)
            let denominators = cells.parts(tally.denominatorByGroup[dimension.rawValue], of: denominator)
            cells.group(zip(numerators, denominators).map { cells.complement(of: $0, in: $1) }, of: complement)
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
            for (statistic, p) in [("median", 50), ("p90", 90)] {
                let rank = NearestRank.rank(p, count: sorted.count)
                draft("duration_days", breakdown: breakdown, statistic, .days(NearestRank.percentile(p, ofSorted: sorted), rank: rank, n: n))
            }
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
