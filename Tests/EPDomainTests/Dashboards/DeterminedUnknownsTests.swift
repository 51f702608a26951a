@testable import EPDomain
import Testing

/// The exact solving behind suppression's check of what several groups give away together: an
/// unknown is pinned down exactly when some combination of the equations leaves it alone.
@Suite struct DeterminedUnknownsTests {
    private func pinned(_ equations: [[DeterminedUnknowns.Term]], count: Int) -> [Int] {
        let pinned = DeterminedUnknowns.pinnedDown(by: equations, count: count)
        return pinned.indices.filter { pinned[$0] }
    }

    /// `total − Σ parts = 0`, as suppression writes a group over its unknown cells.
    private func group(_ total: Int, _ parts: [Int]) -> [DeterminedUnknowns.Term] {
        [(total, PrimeField.prime - 1)] + parts.map { ($0, 1) }
    }

    @Test func aChainOfGroupsPinsNothingDown() {
        // x2 = x0 + x1 and x2 = x3 + x4: each cell is free once another is chosen.
        let found = pinned([group(2, [0, 1]), group(2, [3, 4])], count: 5)
        #expect(found == [])
    }

    @Test func threeGroupsThatCloseALoopPinDownEveryOneOfItsCells() {
        // x0 + x1 = k, x1 + x2 = k', x0 + x2 = k'': any one is half the alternating sum.
        let found = pinned([[(0, 1), (1, 1)], [(1, 1), (2, 1)], [(0, 1), (2, 1)]], count: 4)
        #expect(found == [0, 1, 2], "the cell in no equation (3) stays free")
    }

    @Test func theBridgeOfFourAuthoritiesIsFound() {
        // BridgeTests' unknowns: A's and B's first two states (a0, a1, b0, b1), B's third (b2),
        // C's and D's third and fourth (c2, c3, d2, d3). Known totals become coefficients only.
        let (a0, a1, b0, b1, b2, c2, c3, d2, d3) = (0, 1, 2, 3, 4, 5, 6, 7, 8)
        let equations: [[DeterminedUnknowns.Term]] = [
            [(a0, 1), (a1, 1)], [(b0, 1), (b1, 1), (b2, 1)], [(c2, 1), (c3, 1)], [(d2, 1), (d3, 1)],  // rows
            [(a0, 1), (b0, 1)], [(a1, 1), (b1, 1)], [(b2, 1), (c2, 1), (d2, 1)], [(c3, 1), (d3, 1)],  // columns
        ]
        let found = pinned(equations, count: 9)
        #expect(found.contains(b2), "B's third state follows from B's row, the two columns and A's row")
        #expect(!found.contains(a0) && !found.contains(c2), "the pairs stay undetermined")
    }

    /// Against the tests' own attacker (dense elimination, a separate implementation): random
    /// sparse systems of totals and parts, from a dozen unknowns to a few hundred, with almost as
    /// many equations as unknowns, so that most pin down some unknowns and leave others free.
    @Test(arguments: [(12, 11, 1), (40, 38, 2), (60, 58, 3), (120, 118, 4), (250, 248, 5)])
    func agreesWithDenseElimination(unknowns: Int, equations count: Int, seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        var mixed = 0
        for _ in 0..<(unknowns > 100 ? 2 : 20) {
            let equations: [[DeterminedUnknowns.Term]] = (0..<count).map { _ in
                let cells = Array((0..<unknowns).shuffled(using: &generator).prefix(Int.random(in: 2...3, using: &generator)))
                return group(cells[0], Array(cells.dropFirst()))
            }
            let found = pinned(equations, count: unknowns)
            let name = { (unknown: Int) in "x\(unknown)" }
            let attack = equations.map { equation in
                DisclosureAttack.Equation(terms: equation.map { (name($0.unknown), $0.coefficient == 1 ? 1 : -1) })
            }
            let solved = DisclosureAttack.solve(attack, known: [:])
            let expected = (0..<unknowns).filter { solved[name($0)] != nil }
            #expect(found == expected, "seed \(seed), \(unknowns) unknowns")
            if !found.isEmpty && found.count < unknowns { mixed += 1 }
        }
        #expect(mixed > 0, "some systems pin down some of their unknowns and leave others free")
    }
}
