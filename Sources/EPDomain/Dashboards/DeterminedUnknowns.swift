/// Which unknowns a system of homogeneous linear equations pins down, exactly, at the size of a
/// reporting year of several authorities (tens of thousands of unknowns and equations).
///
/// An unknown is pinned down when some combination of the equations leaves it alone, that is
/// when every solution of the system is zero there. The equations are brought to echelon form
/// modulo `PrimeField.prime`, sparsely, then one solution is built by giving every free unknown a
/// non-zero pseudo-random value and working out the others from the rows. An unknown the
/// equations pin down is zero in every solution, so in that one; one they do not pin down is zero
/// there only by a chance of one in `prime`, and is then withheld needlessly: an error can only
/// fall on the safe side. The values come from a fixed seed, so the answer is the same every time.
///
/// Cost: what keeps the rows short (their fill) is the order of the work. Unknowns in few
/// equations lead, and short equations come first, so a count in a breakdown is eliminated before
/// the totals that tie the breakdowns together. For an agency of six authorities over seven years
/// that took the solving from seconds to under a tenth of a second a year in a release build
/// (Benchmarks/README.md); elimination in the order given, keeping every row fully reduced, took
/// 12 to 17 seconds a view.
enum DeterminedUnknowns {
    /// A term of an equation: an unknown (numbered from 0) and its coefficient, a residue.
    typealias Term = (unknown: Int, coefficient: Int)

    /// For each of `count` unknowns, whether `equations` (each Σ coefficient × unknown = 0) pin
    /// it down.
    static func pinnedDown(by equations: [[Term]], count: Int) -> [Bool] {
        var degree = Array(repeating: 0, count: count)
        for equation in equations {
            for term in equation { degree[term.unknown] += 1 }
        }
        // Unknowns renumbered so that those in fewest equations come first (they lead rows).
        let order = (0..<count).sorted { (degree[$0], $0) < (degree[$1], $1) }
        var position = Array(repeating: 0, count: count)
        for (rank, unknown) in order.enumerated() { position[unknown] = rank }
        var echelon = Echelon(count: count)
        for equation in equations.sorted(by: { $0.count < $1.count }) {
            echelon.add(equation.map { (position[$0.unknown], $0.coefficient) })
        }
        let zero = echelon.solutionIsZero()
        return (0..<count).map { zero[position[$0]] }
    }
}

/// Equations in echelon form, added one at a time.
private struct Echelon {
    /// For each unknown, the row it leads (its coefficient there is 1 and left out), as the row's
    /// other unknowns, each after the leading one, and their coefficients; nil when it leads none.
    private var rows: [(unknowns: [Int], coefficients: [Int])?]
    /// The row being reduced, dense, and the unknowns it has touched, smallest first.
    private var pending: [Int]
    private var touched: MinimumHeap

    init(count: Int) {
        rows = Array(repeating: nil, count: count)
        pending = Array(repeating: 0, count: count)
        touched = MinimumHeap(capacity: count)
    }

    /// Adds an equation: reduced by the rows already made, smallest unknown first, until its
    /// leading unknown leads no row yet; its remaining terms are then kept as they stand (not
    /// reduced further, which would lengthen rows for nothing the solution needs).
    mutating func add(_ equation: [DeterminedUnknowns.Term]) {
        let prime = PrimeField.prime
        for term in equation {
            pending[term.unknown] = PrimeField.residue(pending[term.unknown] + term.coefficient)
            touched.insert(term.unknown)
        }
        var lead: Int?
        while let unknown = touched.popMinimum() {
            let factor = pending[unknown]
            guard factor != 0 else { continue }
            guard let row = rows[unknown] else {
                lead = unknown
                break
            }
            pending[unknown] = 0
            var index = 0
            while index < row.unknowns.count {
                let other = row.unknowns[index]
                pending[other] = (pending[other] + prime - factor * row.coefficients[index] % prime) % prime
                touched.insert(other)
                index += 1
            }
        }
        guard let lead else { return }  // the equation follows from those before it
        let inverse = PrimeField.inverse(pending[lead])
        pending[lead] = 0
        var row: (unknowns: [Int], coefficients: [Int]) = ([], [])
        while let unknown = touched.popMinimum() {
            guard pending[unknown] != 0 else { continue }
            row.unknowns.append(unknown)
            row.coefficients.append(pending[unknown] * inverse % prime)
            pending[unknown] = 0
        }
        rows[lead] = row
    }

    /// For each unknown, whether it is zero in a solution whose free unknowns are non-zero and
    /// pseudo-random: worked out last unknown first, since a row's other unknowns come after
    /// the one it leads.
    func solutionIsZero() -> [Bool] {
        let prime = PrimeField.prime
        // The Park–Miller generator: powers of 16807, a primitive root of the prime, never 0.
        var random = 1
        var solution = Array(repeating: 0, count: rows.count)
        for unknown in rows.indices.reversed() {
            guard let row = rows[unknown] else {
                random = random * 16807 % prime
                solution[unknown] = random
                continue
            }
            var sum = 0
            var index = 0
            while index < row.unknowns.count {
                sum = (sum + row.coefficients[index] * solution[row.unknowns[index]]) % prime
                index += 1
            }
            solution[unknown] = (prime - sum) % prime
        }
        return solution.map { $0 == 0 }
    }
}

/// A binary heap of distinct integers below a capacity, for the unknowns a row touches.
private struct MinimumHeap {
    private var items: [Int] = []
    private var present: [Bool]

    init(capacity: Int) { present = Array(repeating: false, count: capacity) }

    mutating func insert(_ item: Int) {
        guard !present[item] else { return }
        present[item] = true
        items.append(item)
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard items[parent] > items[child] else { break }
            items.swapAt(parent, child)
            child = parent
        }
    }

    mutating func popMinimum() -> Int? {
        guard let first = items.first else { return nil }
        present[first] = false
        let last = items.removeLast()
        guard !items.isEmpty else { return first }
        items[0] = last
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var smallest = parent
            if left < items.count && items[left] < items[smallest] { smallest = left }
            if right < items.count && items[right] < items[smallest] { smallest = right }
            guard smallest != parent else { return first }
            items.swapAt(parent, smallest)
            parent = smallest
        }
    }
}
