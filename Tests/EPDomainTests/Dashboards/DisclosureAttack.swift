import EPDomain
import Testing

/// An outsider trying to recover withheld counts from a controlled dashboard by subtraction.
///
/// It reads only what is published (the CSV, checked against the JSON-equivalent figures) and
/// what the figures mean (which rows add up to which, that a rule's `met` is its rate's
/// numerator, that a rate's denominator minus its numerator counts the children not counted),
/// never the builder's own bookkeeping. Every relation is a linear equation; solving them all
/// together (exactly, modulo a large prime) finds every count that follows from the published
/// ones by any chain of additions and subtractions, across every table that shares a total.
/// It also uses that a withheld count is never 0 (zero is always shown): when the withheld parts
/// of a total add up to as many as there are of them, each is 1.
struct DisclosureAttack {
    /// What one attack found, each as a label and the exact value.
    struct Findings {
        /// Withheld counts worked out exactly.
        var withheld: [(String, Int)] = []
        /// Counts never published (a rate's complement, the children in several withheld parts
        /// together) worked out exactly and from 1 to the threshold.
        var small: [(String, Int)] = []
        /// Published medians, percentiles and averages that rest on fewer than twice the threshold,
        /// or percentiles that are the shortest or longest length (one child's own value).
        var extremes: [String] = []
        /// Withheld counts the attack tried to recover.
        var attempted = 0
    }

    /// An equation Σ coefficient × variable = 0 over the variables' exact values.
    struct Equation {
        var terms: [(String, Int)]
        /// For `total = Σ parts` equations: the total and the parts (to try the "each is 1" bound).
        var total: String?
        var parts: [String] = []
    }

    static func key(_ figure: Figure) -> String { "\(figure.name)|\(figure.breakdown)|\(figure.period)|\(figure.statistic)" }

    /// Attacks `shown` (a controlled dashboard) knowing the truth from `exact` (the same request
    /// without suppression) only to check what it finds.
    static func run(exact: Dashboard, shown: Dashboard, threshold: Int) throws -> Findings {
        let small = 1...max(1, threshold)
        // What is published, read back from the CSV; it must say what the figures say.
        let records = try RFC4180Parser.parse(shown.csv)
        let published = records.dropFirst().map { DashboardCSVTests.figure($0) }
        #expect(published == shown.figures.map(Optional.some), "the CSV publishes the figures")

        var truth: [String: Int] = [:]
        var known: [String: Int] = [:]
        var isCount: Set<String> = []
        let shownByKey = Dictionary(shown.figures.map { (key($0), $0) }, uniquingKeysWith: { a, _ in a })
        for figure in exact.figures {
            let label = key(figure)
            guard let row = shownByKey[label] else { continue }
            switch figure.statistic {
            case "median", "p90", "mean":
                continue
            case "rate":
                truth[label + "#n"] = figure.numerator!
                truth[label + "#d"] = figure.denominator!
                truth[label + "#c"] = figure.denominator! - figure.numerator!
                isCount.formUnion([label + "#n", label + "#d"])
                if let numerator = row.numerator { known[label + "#n"] = numerator }
                if let denominator = row.denominator { known[label + "#d"] = denominator }
            default:
                truth[label] = Int(figure.value!)
                isCount.insert(label)
                if let value = row.value { known[label] = Int(value) }
            }
        }

        // The relations, from what the figures mean.
        let equations = relations(exact, prefix: "")

        var findings = Findings()
        let solved = solve(equations, known: known)
        for (variable, value) in solved.sorted(by: { $0.key < $1.key }) {
            #expect(value == truth[variable], "the attack's arithmetic: \(variable)")
            if isCount.contains(variable) {
                findings.withheld.append((variable, value))
            } else if small.contains(value) {
                findings.small.append((variable, value))
            }
        }
        findings.attempted = isCount.filter { known[$0] == nil }.count
        var all = known.merging(solved) { a, _ in a }
        // Withheld parts of a known total that add up to as many as there are of them are each 1;
        // and the children in the unknown parts together must not be a small number either.
        for equation in equations {
            guard let total = equation.total, let totalValue = all[total] else { continue }
            let unknown = equation.parts.filter { all[$0] == nil }
            guard !unknown.isEmpty else { continue }
            let together = totalValue - equation.parts.compactMap { all[$0] }.reduce(0, +)
            if together == unknown.count, unknown.allSatisfy(isCount.contains) {
                for part in unknown {
                    findings.withheld.append((part + " (each of the withheld parts is 1)", 1))
                    all[part] = 1
                }
            } else if small.contains(together) {
                findings.small.append((unknown.joined(separator: " + "), together))
            }
        }

        // Percentiles: one child's exact length when it is the shortest or longest; averages and
        // percentiles over fewer than twice the threshold.
        for figure in shown.figures where ["median", "p90", "mean"].contains(figure.statistic) {
            guard let value = figure.value else { continue }
            let n = shownByKey["\(figure.name)|\(figure.breakdown)|\(figure.period)|n"]?.value.map { Int($0) }
            guard let n else {
                findings.extremes.append("\(key(figure)) = \(value) with n withheld")
                continue
            }
            if n < 2 * max(1, threshold) {
                findings.extremes.append("\(key(figure)) = \(value) over n = \(n)")
                continue
            }
            guard figure.statistic != "mean" else { continue }
            let p = figure.statistic == "median" ? 50 : 90
            let rank = min(max(1, (p * n + 99) / 100), n)
            if rank == 1 || rank == n {
                findings.extremes.append("\(key(figure)) = \(Int(value)) is rank \(rank) of n = \(n)")
            }
        }
        return findings
    }

    /// Every relation the figures' meanings give, as equations over their counts (named as in
    /// `run`, each after `prefix`): totals and their parts, a rate's denominator as its numerator
    /// and complement, a count published twice.
    static func relations(_ exact: Dashboard, prefix: String) -> [Equation] {
        var equations: [Equation] = []
        func sum(_ total: String, _ parts: [String]) {
            let (total, parts) = (prefix + total, parts.map { prefix + $0 })
            equations.append(Equation(terms: [(total, -1)] + parts.map { ($0, 1) }, total: total, parts: parts))
        }
        func same(_ a: String, _ b: String) { equations.append(Equation(terms: [(prefix + a, 1), (prefix + b, -1)])) }
        let rows = exact.figures
        for name in ["cases_by_state", "ep_placement_outcomes", "family_time"] {
            let family = rows.filter { $0.name == name }
            sum(key(family.first { $0.breakdown.isEmpty }!), family.filter { !$0.breakdown.isEmpty }.map(key))
        }
        let placements = rows.filter { $0.name == "ep_placements" }
        sum(key(placements.first { $0.period.isEmpty }!), placements.filter { !$0.period.isEmpty }.map(key))
        same(key(placements.first { $0.period.isEmpty }!), key(rows.first { $0.name == "ep_placement_outcomes" && $0.breakdown.isEmpty }!))
        for name in ["ep_conversion", "ep_share", "ep_considered"] {
            let family = rows.filter { $0.name == name && $0.statistic == "rate" }
            for row in family {
                let label = key(row)
                sum(label + "#d", [label + "#n", label + "#c"])
            }
            let whole = key(family.first { $0.breakdown.isEmpty && $0.period.isEmpty }!)
            var partitions = [family.filter { $0.breakdown.isEmpty && !$0.period.isEmpty }]
            for dimension in ["ethnicity_group", "age_band", "sibling_group", "disability"] {
                partitions.append(family.filter { $0.breakdown.hasPrefix(dimension + "=") })
            }
            for partition in partitions {
                for column in ["#n", "#d", "#c"] { sum(whole + column, partition.map { key($0) + column }) }
            }
            // The children still pending, beside each rate row: the quarters and each breakdown
            // add up to the whole period's.
            let pending = rows.filter { $0.name == name && $0.statistic == "pending" }
            if let total = pending.first(where: { $0.breakdown.isEmpty && $0.period.isEmpty }) {
                sum(key(total), pending.filter { $0.breakdown.isEmpty && !$0.period.isEmpty }.map(key))
                for dimension in ["ethnicity_group", "age_band", "sibling_group", "disability"] {
                    sum(key(total), pending.filter { $0.breakdown.hasPrefix(dimension + "=") }.map(key))
                }
            }
        }
        let rules = rows.filter { $0.name == "rule_compliance" }
        for rate in rules where rate.statistic == "rate" {
            let parts = rules.filter { $0.breakdown == rate.breakdown && ["met", "late", "overdue"].contains($0.statistic) }
            sum(key(rate) + "#d", parts.map(key))
            same(key(rate) + "#n", key(parts.first { $0.statistic == "met" }!))
            // The children not met (late and overdue together), as for every rate.
            sum(key(rate) + "#d", [key(rate) + "#n", key(rate) + "#c"])
        }
        return equations
    }

    /// Every unknown variable the equations fix, with its value: Gauss–Jordan elimination modulo a
    /// prime far above any count, so exact for these small whole-number systems.
    static func solve(_ equations: [Equation], known: [String: Int]) -> [String: Int] {
        let prime = 2_147_483_647
        func mod(_ x: Int) -> Int { ((x % prime) + prime) % prime }
        func inverse(_ x: Int) -> Int {
            var result = 1, base = mod(x), exponent = prime - 2
            while exponent > 0 {
                if exponent & 1 == 1 { result = result * base % prime }
                base = base * base % prime
                exponent >>= 1
            }
            return result
        }
        var columns: [String: Int] = [:]
        var names: [String] = []
        var sparse: [[Int: Int]] = []
        var rhs: [Int] = []
        for equation in equations {
            var row: [Int: Int] = [:]
            var constant = 0
            for (variable, coefficient) in equation.terms {
                if let value = known[variable] {
                    constant -= coefficient * value
                } else {
                    if columns[variable] == nil { columns[variable] = names.count; names.append(variable) }
                    row[columns[variable]!, default: 0] += coefficient
                }
            }
            sparse.append(row)
            rhs.append(mod(constant))
        }
        var dense = sparse.map { row in
            var line = [Int](repeating: 0, count: names.count)
            for (column, coefficient) in row { line[column] = mod(coefficient) }
            return line
        }
        var pivots: [(row: Int, column: Int)] = []
        var next = 0
        for column in 0..<names.count where next < dense.count {
            guard let found = (next..<dense.count).first(where: { dense[$0][column] != 0 }) else { continue }
            dense.swapAt(next, found)
            rhs.swapAt(next, found)
            let scale = inverse(dense[next][column])
            for c in 0..<names.count { dense[next][c] = dense[next][c] * scale % prime }
            rhs[next] = rhs[next] * scale % prime
            let nonZero = (0..<names.count).filter { dense[next][$0] != 0 }
            for r in 0..<dense.count where r != next && dense[r][column] != 0 {
                let factor = dense[r][column]
                for c in nonZero {
                    dense[r][c] = mod(dense[r][c] - factor * dense[next][c])
                }
                rhs[r] = mod(rhs[r] - factor * rhs[next])
            }
            pivots.append((next, column))
            next += 1
        }
        var solved: [String: Int] = [:]
        for (row, column) in pivots where dense[row].indices.allSatisfy({ $0 == column || dense[row][$0] == 0 }) {
            let value = rhs[row]
            solved[names[column]] = value > prime / 2 ? value - prime : value
        }
        return solved
    }
}
