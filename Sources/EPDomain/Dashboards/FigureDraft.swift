/// A figure before small-number suppression: its label and the cells it is made from.
struct FigureDraft: Sendable {
    enum Content: Sendable {
        case count(CountCells.ID)
        case rate(numerator: CountCells.ID, denominator: CountCells.ID)
        /// A median or percentile in days (nil when n is 0), shown only when its n is.
        case days(Int?, n: CountCells.ID)
    }

    let name: String
    let breakdown: String
    let period: String
    let statistic: String
    let content: Content

    /// The published figure, given which cells are withheld.
    func resolve(_ cells: CountCells, withheld: [Bool]) -> Figure {
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
        case .days(let days, let n):
            let hidden = withheld[n.index]
            return Figure(name: name, breakdown: breakdown, period: period, statistic: statistic,
                          value: hidden ? nil : days.map(Double.init), suppressed: hidden)
        }
    }
}
