@testable import EPDomain
import Testing

/// Deductions that need several groups at once. Four LAs' counts by journey state and their sum
/// (an RAA's view), one run of quarters: every withheld count has another withheld beside it in
/// its row and its column, so no one group gives it away, yet B's 2 in proceedings follows from
/// B's row, the two states A and B share, and A's row together (found by a review's solver).
@Suite struct BridgeTests {
    private static let bridge: [(String, [Int])] = [
        ("A", [3, 3, 20, 20, 20]), ("B", [3, 3, 2, 20, 20]), ("C", [20, 20, 3, 3, 20]), ("D", [20, 20, 3, 3, 20]),
    ]

    @Test func aCountPinnedDownOnlyByGroupsTogetherIsWithheldToo() {
        let (given, withheld) = Self.attack(Self.bridge)
        #expect(given.isEmpty, "\(given)")
        #expect(withheld > 9, "more than the nine small counts are withheld")
    }

    /// The same bridge inside one set of equations of several hundred unknowns: sixty more LAs,
    /// each with two small counts in the last two states, tie every withheld count of the table
    /// together through those states' columns. (Solving was once left out on sets of more than
    /// 120 unknowns, for its cost, and then B's 2 came out.)
    @Test func aBridgeInsideALargeSetOfUnknownsIsFoundToo() {
        let more = (1...60).map { ("L\($0)", [20, 20, 20, 3, 3]) }
        let (given, withheld) = Self.attack(Self.bridge + more)
        #expect(given.isEmpty, "\(given)")
        #expect(withheld > 9 + 120, "the sixty LAs' small counts are withheld, and more")
    }

    /// Lays the rows out as authorities' counts by state beside their sum, suppresses them at
    /// threshold 5, and attacks: every group an equation, the shown counts known, solved exactly.
    /// Answers the withheld counts the attack recovers and how many are withheld.
    private static func attack(_ rows: [(String, [Int])]) -> (given: [String], withheld: Int) {
        var cells = CountCells()
        func key(_ name: String) -> CountCells.Key { CountCells.Key(figure: name, quarter: nil) }
        let columns = rows[0].1.indices
        let sums = columns.map { column in cells.add(rows.reduce(0) { $0 + $1.1[column] }, key("sum|\(column)")) }
        let sumTotal = cells.add(rows.reduce(0) { $0 + $1.1.reduce(0, +) }, key("sum|total"))
        cells.group(sums, of: sumTotal)
        var byColumn = columns.map { _ in [CountCells.ID]() }
        var totals: [CountCells.ID] = []
        for (name, counts) in rows {
            let total = cells.add(counts.reduce(0, +), key("\(name)|total"))
            let parts = counts.enumerated().map { cells.add($1, key("\(name)|\($0)")) }
            cells.group(parts, of: total)
            for column in columns { byColumn[column].append(parts[column]) }
            totals.append(total)
        }
        for column in columns { cells.group(byColumn[column], of: sums[column]) }
        cells.group(totals, of: sumTotal)

        let withheld = SmallNumberSuppression.withheld(cells, threshold: 5, keep: Array(repeating: 0, count: cells.values.count))
        let name = { (index: Int) in "cell\(index)" }
        let equations = cells.groups.map { group in
            DisclosureAttack.Equation(terms: [(name(group.total.index), -1)] + group.parts.map { (name($0.index), 1) })
        }
        var known: [String: Int] = [:]
        for index in cells.values.indices where !withheld[index] { known[name(index)] = cells.values[index] }
        let solved = DisclosureAttack.solve(equations, known: known)
        let given = cells.values.indices.filter { withheld[$0] && solved[name($0)] != nil }.map { "\(cells.keys[$0].figure) = \(cells.values[$0])" }
        return (given, withheld.filter { $0 }.count)
    }
}
