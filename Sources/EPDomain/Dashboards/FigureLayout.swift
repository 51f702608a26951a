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

    /// The whole period, each quarter, then each equality breakdown over the whole period: a
    /// `rate` row each and, with `pending`, a `pending` count after it (the children whose
    /// outcome is still to come, in neither numerator nor denominator). Numerators,
    /// denominators and pending counts are separate cells, each grouped under its own total.
    /// Each row's complement (denominator − numerator, the children not counted) is an
    /// unpublished cell grouped with its numerator under its denominator, and the complements of
    /// a breakdown are grouped under the whole period's, so suppression protects them across
    /// every table.
    mutating func rate(_ name: String, _ tally: RateTally, pending showPending: Bool = false) {
        let numerator = cells.add(tally.numerator.total)
        let denominator = cells.add(tally.denominator.total)
        let complement = cells.complement(of: numerator, in: denominator)
        let pending = showPending ? cells.add(tally.pending.total) : nil
        func rows(breakdown: String = "", period: String = "", _ numerator: CountCells.ID, _ denominator: CountCells.ID, _ pending: CountCells.ID?) {
            draft(name, breakdown: breakdown, period: period, "rate", .rate(numerator: numerator, denominator: denominator))
            if let pending { draft(name, breakdown: breakdown, period: period, "pending", .count(pending)) }
        }
        /// The parts of one partition (the quarters, or one dimension's values), grouped under
        /// the whole period's cells.
        func parts(_ numerators: [Int], _ denominators: [Int], _ pendings: [Int]) -> [(CountCells.ID, CountCells.ID, CountCells.ID?)] {
            let numeratorParts = cells.parts(numerators, of: numerator)
            let denominatorParts = cells.parts(denominators, of: denominator)
            cells.group(zip(numeratorParts, denominatorParts).map { cells.complement(of: $0, in: $1) }, of: complement)
            let pendingParts: [CountCells.ID?] = pending.map { cells.parts(pendings, of: $0) } ?? Array(repeating: nil, count: numerators.count)
            return numeratorParts.indices.map { (numeratorParts[$0], denominatorParts[$0], pendingParts[$0]) }
        }
        rows(numerator, denominator, pending)
        let byQuarter = parts(tally.numerator.byQuarter, tally.denominator.byQuarter, tally.pending.byQuarter)
        for (quarter, ids) in zip(quarters, byQuarter) {
            rows(period: quarter, ids.0, ids.1, ids.2)
        }
        for dimension in Dimension.allCases {
            let byValue = parts(
                tally.numerator.byGroup[dimension.rawValue], tally.denominator.byGroup[dimension.rawValue], tally.pending.byGroup[dimension.rawValue]
            )
            for (value, ids) in zip(dimension.values, byValue) {
                rows(breakdown: "\(dimension.key)=\(value)", ids.0, ids.1, ids.2)
            }
        }
    }

    /// Per measure: median, 90th percentile, the average for a scorecard measure, and n.
    mutating func durations(_ lengths: [[Int]]) {
        for (measure, values) in zip(DurationMeasure.allCases, lengths) {
            let sorted = values.sorted()
            let n = cells.add(sorted.count)
            let breakdown = "measure=\(measure.rawValue)"
            for (statistic, p) in [("median", 50), ("p90", 90)] {
                let rank = NearestRank.rank(p, count: sorted.count)
                draft("duration_days", breakdown: breakdown, statistic, .days(NearestRank.percentile(p, ofSorted: sorted), rank: rank, n: n))
            }
            if measure.scorecardMeasure != nil {
                // In whole days, as the scorecard publishes it.
                let mean = sorted.isEmpty ? nil : (Double(sorted.reduce(0, +)) / Double(sorted.count)).rounded()
                draft("duration_days", breakdown: breakdown, "mean", .mean(mean, n: n))
            }
            draft("duration_days", breakdown: breakdown, "n", .count(n))
        }
    }

    /// Per rule: met, late and overdue counts, the pending count (due soon or not yet due), and
    /// met as a share of met, late and overdue. Pending results are in no total.
    mutating func ruleCompliance(ids: [String], counts: [RuleCounts]) {
        for (id, counts) in zip(ids, counts) {
            let breakdown = "rule=\(id)"
            let judged = [counts.met, counts.late, counts.overdue]
            let total = cells.add(judged.reduce(0, +))
            let parts = cells.parts(judged, of: total)
            for (statistic, part) in zip(["met", "late", "overdue"], parts) {
                draft("rule_compliance", breakdown: breakdown, statistic, .count(part))
            }
            draft("rule_compliance", breakdown: breakdown, "pending", .count(cells.add(counts.pending)))
            draft("rule_compliance", breakdown: breakdown, "rate", .rate(numerator: parts[0], denominator: total))
        }
    }
}
