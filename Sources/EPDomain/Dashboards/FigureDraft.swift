/// A figure before small-number suppression: its label and the cells it is made from.
struct FigureDraft: Sendable {
    enum Content: Sendable {
        case count(CountCells.ID)
        case rate(numerator: CountCells.ID, denominator: CountCells.ID)
        /// A median or percentile in days (nil when n is 0) and its nearest rank among the n
        /// sorted lengths, shown only when its n is (and, in a controlled view, see `resolve`).
        case days(Int?, rank: Int, n: CountCells.ID)
        /// An average in days (nil when n is 0), shown only when its n is (and, in a controlled
        /// view, see `resolve`).
        case mean(Double?, n: CountCells.ID)
    }

    let name: String
    let breakdown: String
    let period: String
    let statistic: String
    let content: Content

    /// The published figure, given which cells are withheld and, in a view that spans more than
    /// one agency, the small-number threshold.
    ///
    /// A nearest-rank percentile is one child's exact length. In a controlled view it is shown
    /// only when n is at least twice the threshold and its rank is neither the first nor the last,
    /// so it is never the shortest or longest (for n from 6 to 9 the 90th percentile is the
    /// longest; from 10 on it is not). An average is shown on the same n (over one child it is
    /// that child's length).
    /// `hidingStatistics` marks the n cells whose averages and percentiles are not shown even
    /// when n is (a run across a year's end whose parts' would not be).
    func resolve(_ cells: CountCells, withheld: [Bool], hidingStatistics: [Bool], threshold: Int?) -> Figure {
        func shown(_ id: CountCells.ID) -> Int? { withheld[id.index] ? nil : cells[id] }
        switch content {
        case .count(let id):
            let count = shown(id)
            return Figure(name: name, breakdown: breakdown, period: period, statistic: statistic,
                          value: count.map(Double.init), suppressed: count == nil)
        case .rate(let numeratorID, let denominatorID):
            let numerator = shown(numeratorID)
            let denominator = shown(denominatorID)
            var value: Double?
            if let numerator, let denominator, denominator > 0 { value = Double(numerator) / Double(denominator) }
            return Figure(name: name, breakdown: breakdown, period: period, statistic: statistic, value: value,
                          numerator: numerator, denominator: denominator, suppressed: numerator == nil || denominator == nil)
        case .days(let days, let rank, let n):
            var hidden = withheld[n.index] || hidingStatistics[n.index]
            if let threshold, cells[n] > 0 {
                hidden = hidden || cells[n] < 2 * max(1, threshold) || rank <= 1 || rank >= cells[n]
            }
            return Figure(name: name, breakdown: breakdown, period: period, statistic: statistic,
                          value: hidden ? nil : days.map(Double.init), suppressed: hidden)
        case .mean(let days, let n):
            var hidden = withheld[n.index] || hidingStatistics[n.index]
            if let threshold, cells[n] > 0 {
                hidden = hidden || cells[n] < 2 * max(1, threshold)
            }
            return Figure(name: name, breakdown: breakdown, period: period, statistic: statistic,
                          value: hidden ? nil : days, suppressed: hidden)
        }
    }
}
