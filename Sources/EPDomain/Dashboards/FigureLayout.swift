/// Lays the tallies out as figures, in report order, registering every count as a cell and
/// every set of parts that adds up to a published total as a group.
///
/// A layout covers a run of quarters (`rows`, one per quarter, labelled by `quarters`); its
/// totals are the rows' counts together. Every cell has a key (`CountCells.Key`) naming what it
/// counts, so the same count can be found in another layout of the same figures.
struct FigureLayout: Sendable {
    let quarters: [Quarter]
    private(set) var cells = CountCells()
    private(set) var drafts: [FigureDraft] = []
    private let labels: [String]

    private init(quarters: [Quarter]) {
        self.quarters = quarters
        labels = quarters.map(\.description)
    }

    /// The figures of `rows` (one tally per quarter of `quarters`, in order).
    init(quarters: [Quarter], rows: [QuarterTally], ruleIDs: [String]) {
        precondition(quarters.count == rows.count, "one row per quarter")
        self.init(quarters: quarters)
        var all = QuarterTally(rules: ruleIDs.count)
        for row in rows { all.merge(row) }
        casesByState(all.casesByState)
        epPlacements(rows.map(\.epPlacements))
        rate("ep_conversion", all.epConversion, byQuarter: rows.map(\.epConversion), pending: true)
        rate("ep_share", all.epShare, byQuarter: rows.map(\.epShare))
        rate("ep_considered", all.epConsidered, byQuarter: rows.map(\.epConsidered), pending: true)
        durations(all.durations)
        ruleCompliance(ids: ruleIDs, counts: all.ruleCounts)
        outcomes(all.outcomes)
        familyTime(all.familyTime)
    }

    private mutating func draft(_ name: String, breakdown: String = "", period: String = "", _ statistic: String, _ content: FigureDraft.Content) {
        drafts.append(FigureDraft(name: name, breakdown: breakdown, period: period, statistic: statistic, content: content))
    }

    private static func key(_ figure: String, _ quarter: Quarter? = nil) -> CountCells.Key {
        CountCells.Key(figure: figure, quarter: quarter)
    }

    /// The EP placements in the period: `ep_placements` and `ep_placement_outcomes` both publish
    /// it, as one cell, so it is withheld in both or neither.
    private var placementsTotal: CountCells.ID?

    /// A total and its parts, as count figures: the total first (breakdown ""), then each part as
    /// `key=value`. `shared` is a cell already holding the same total, published again here.
    private mutating func countFamily(_ name: String, key: String, labels: [String], counts: [Int], shared: CountCells.ID? = nil) {
        let total = shared ?? cells.add(counts.reduce(0, +), Self.key(name))
        precondition(cells[total] == counts.reduce(0, +), "\(name): a shared total that differs")
        draft(name, "count", .count(total))
        let breakdowns = labels.map { "\(key)=\($0)" }
        for (breakdown, part) in zip(breakdowns, cells.parts(counts, breakdowns.map { Self.key("\(name)|\($0)") }, of: total)) {
            draft(name, breakdown: breakdown, "count", .count(part))
        }
    }

    private mutating func casesByState(_ counts: [Int]) {
        countFamily("cases_by_state", key: "state", labels: JourneyState.allCases.map(\.rawValue), counts: counts)
    }

    private mutating func outcomes(_ counts: [Int]) {
        countFamily("ep_placement_outcomes", key: "outcome", labels: EPPlacementOutcome.allCases.map(\.rawValue), counts: counts, shared: placementsTotal)
    }

    private mutating func familyTime(_ counts: [Int]) {
        countFamily("family_time", key: "status", labels: FamilyTimeStatus.allCases.map(\.rawValue), counts: counts)
    }

    /// The whole period, then each quarter.
    private mutating func epPlacements(_ byQuarter: [Int]) {
        let total = cells.add(byQuarter.reduce(0, +), Self.key("ep_placements"))
        placementsTotal = total
        draft("ep_placements", "count", .count(total))
        for (label, part) in zip(labels, cells.parts(byQuarter, quarters.map { Self.key("ep_placements", $0) }, of: total)) {
            draft("ep_placements", period: label, "count", .count(part))
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
    private mutating func rate(_ name: String, _ tally: RateTally, byQuarter: [RateTally], pending showPending: Bool = false) {
        let numerator = cells.add(tally.numerator.total, Self.key(name + "#n"))
        let denominator = cells.add(tally.denominator.total, Self.key(name + "#d"))
        let complement = cells.complement(of: numerator, in: denominator, Self.key(name + "#c"))
        let pending = showPending ? cells.add(tally.pending.total, Self.key(name + "#p")) : nil
        func rows(breakdown: String = "", period: String = "", _ numerator: CountCells.ID, _ denominator: CountCells.ID, _ pending: CountCells.ID?) {
            draft(name, breakdown: breakdown, period: period, "rate", .rate(numerator: numerator, denominator: denominator))
            if let pending { draft(name, breakdown: breakdown, period: period, "pending", .count(pending)) }
        }
        /// The parts of one partition (the quarters, or one dimension's values), grouped under
        /// the whole period's cells; `key` names a part's cell from its column's suffix.
        func parts(_ numerators: [Int], _ denominators: [Int], _ pendings: [Int], key: (String, Int) -> CountCells.Key) -> [(CountCells.ID, CountCells.ID, CountCells.ID?)] {
            let indices = numerators.indices
            let numeratorParts = cells.parts(numerators, indices.map { key("#n", $0) }, of: numerator)
            let denominatorParts = cells.parts(denominators, indices.map { key("#d", $0) }, of: denominator)
            cells.group(indices.map { cells.complement(of: numeratorParts[$0], in: denominatorParts[$0], key("#c", $0)) }, of: complement)
            let pendingParts: [CountCells.ID?] = pending.map { cells.parts(pendings, indices.map { key("#p", $0) }, of: $0) }
                ?? Array(repeating: nil, count: numerators.count)
            return indices.map { (numeratorParts[$0], denominatorParts[$0], pendingParts[$0]) }
        }
        rows(numerator, denominator, pending)
        let quarterly = parts(
            byQuarter.map(\.numerator.total), byQuarter.map(\.denominator.total), byQuarter.map(\.pending.total)
        ) { column, index in Self.key(name + column, quarters[index]) }
        for (label, ids) in zip(labels, quarterly) {
            rows(period: label, ids.0, ids.1, ids.2)
        }
        for dimension in Dimension.allCases {
            let breakdowns = dimension.values.map { "\(dimension.key)=\($0)" }
            let byValue = parts(
                tally.numerator.byGroup[dimension.rawValue], tally.denominator.byGroup[dimension.rawValue], tally.pending.byGroup[dimension.rawValue]
            ) { column, index in Self.key("\(name)|\(breakdowns[index])\(column)") }
            for (breakdown, ids) in zip(breakdowns, byValue) {
                rows(breakdown: breakdown, ids.0, ids.1, ids.2)
            }
        }
    }

    /// Per measure: median, 90th percentile, the average for a scorecard measure, and n.
    private mutating func durations(_ lengths: [[Int]]) {
        for (measure, values) in zip(DurationMeasure.allCases, lengths) {
            let sorted = values.sorted()
            let breakdown = "measure=\(measure.rawValue)"
            let n = cells.add(sorted.count, Self.key("duration_days|\(breakdown)#n"))
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
    /// met as a share of met, late and overdue. Pending results are in no total. The rate's
    /// complement (the children not met: late and overdue together) is an unpublished cell, as
    /// every rate's is, grouped with met under the judged total and over late and overdue: the
    /// reporting grid groups it across runs too, so a run's late and overdue together cannot be
    /// worked out as a small number from the year's rate and the other runs' counts when each
    /// of the two is withheld.
    private mutating func ruleCompliance(ids: [String], counts: [RuleCounts]) {
        for (id, counts) in zip(ids, counts) {
            let breakdown = "rule=\(id)"
            let judged = [counts.met, counts.late, counts.overdue]
            let statistics = ["met", "late", "overdue"]
            let total = cells.add(judged.reduce(0, +), Self.key("rule_compliance|\(breakdown)#judged"))
            let parts = cells.parts(judged, statistics.map { Self.key("rule_compliance|\(breakdown)#\($0)") }, of: total)
            let notMet = cells.complement(of: parts[0], in: total, Self.key("rule_compliance|\(breakdown)#c"))
            cells.group([parts[1], parts[2]], of: notMet)
            for (statistic, part) in zip(statistics, parts) {
                draft("rule_compliance", breakdown: breakdown, statistic, .count(part))
            }
            draft("rule_compliance", breakdown: breakdown, "pending", .count(cells.add(counts.pending, Self.key("rule_compliance|\(breakdown)#pending"))))
            draft("rule_compliance", breakdown: breakdown, "rate", .rate(numerator: parts[0], denominator: total))
        }
    }
}
