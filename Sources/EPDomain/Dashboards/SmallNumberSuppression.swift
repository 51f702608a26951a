/// Decides which counts to withhold so small numbers cannot identify a child.
///
/// Primary: every published count from 1 to the threshold. Secondary: whatever can be worked out
/// by subtraction from what is shown, across every group that shares a total (a breakdown, its
/// total row, a rate's numerator and denominator), must give away neither a withheld count nor a
/// small one. Anyone can work out, in a group whose total is known:
/// - a part, when it is the only unknown one (the total minus the others);
/// - the sum of the unknown parts, which counts the children in those parts together (the
///   children not placed, when the parts are a rate's numerator and its complement);
/// - each withheld part, when there are as many of them as that sum (a withheld count is never 0);
/// - the total, when every part is known.
/// While any of these gives away a withheld count, or a count from 1 to the threshold, another
/// count shown in that group is withheld (or one a complement there is worked out from; failing
/// those, the total): the one of lowest `keep` rank (the reporting grid ranks the runs of a year),
/// a part before the total, then the smallest. When the group's known cells are neither shown
/// nor worked out from shown counts directly (a complement learned from other complements), the
/// fix falls on the nearest shown count their chain of deductions started from. Zero is never
/// withheld: it identifies nobody, and withholding it would hide that a group is empty.
///
/// Each round works out everything that can be known, then fixes every group that gives
/// something away, except those sharing a cell with a fix already made in the round, or holding
/// a complement worked out from one (that fix may have mended them); rounds go on until a round
/// finds nothing given away. Each deduction uses one group at a time, chained. When no group gives anything away, all the groups'
/// equations are solved together, exactly: a count that only follows from several of them (a
/// "bridge": three or more authorities' tables and their sum can pin a count down that no row or
/// column gives away alone) is protected the same way, and the rounds start again.
enum SmallNumberSuppression {
    /// For each cell, whether it is withheld (always false for unpublished cells).
    /// `initially`: cells withheld from the start, as a decision made before (the grid's
    /// counts that do not change across as-of days).
    static func withheld(_ cells: CountCells, threshold: Int, keep: [Int], initially: [Bool]? = nil) -> [Bool] {
        decide(cells, threshold: threshold, keep: keep, initially: initially).withheld
    }

    /// What is withheld, and how many fixes fell on the last resort (the first shown count,
    /// wherever it is): a measure of needless withholding, which the tests keep at 0 for the
    /// groups the reporting grid makes.
    struct Decision {
        let withheld: [Bool]
        let lastResorts: Int
    }

    static func decide(_ cells: CountCells, threshold: Int, keep: [Int], initially: [Bool]? = nil) -> Decision {
        let small = 1...max(1, threshold)
        var withheld = cells.values.indices.map {
            cells.derivedFrom[$0].isEmpty && (small.contains(cells.values[$0]) || initially?[$0] == true)
        }
        let structure = Structure(cells)
        var lastResorts = 0
        func lastResort(_ withheld: [Bool]) -> CountCells.ID {
            lastResorts += 1
            return fallback(cells, withheld: withheld)
        }
        while true {
            let (leaks, known, learnedFrom) = structure.leaks(withheld: withheld, small: small)
            func derived(_ id: CountCells.ID) -> Bool { structure.isKnownByItsDerivation(id, learnedFrom: learnedFrom, cells: cells) }
            if leaks.isEmpty {
                // What no group gives away alone, several may together.
                let given = structure.determinedSecrets(known: known, withheld: withheld, small: small)
                guard !given.isEmpty else { return Decision(withheld: withheld, lastResorts: lastResorts) }
                // One fix for each, all at once (as in a round), then everything again: beside it
                // in its groups if a count there is shown; else among the shown counts nearest it
                // through the unknowns its groups tie it to (the bridge runs through them).
                let before = withheld
                for cell in given {
                    let groups = structure.groups(of: cell).map { cells.groups[$0] }
                    let options = groups.flatMap { group in
                        Self.candidates(
                            group, cells: cells, knownParts: group.parts.map { known[$0.index] }, withheld: before, sparing: CountCells.ID(index: cell),
                            derived: derived
                        )
                    }
                    let nearest = { structure.nearestShown(to: cell, withheld: before).map { (CountCells.ID(index: $0), 0) } }
                    withheld[(best(options, cells: cells, keep: keep) ?? best(nearest(), cells: cells, keep: keep) ?? lastResort(before)).index] = true
                }
                continue
            }
            var fixed: Set<Int> = []
            for leak in leaks {
                let group = cells.groups[leak.group]
                // A fix made already in the round may have mended it: one on a cell of the group, or
                // on a cell a complement in it is worked out from.
                if ([group.total] + group.parts).contains(where: { cell in
                    fixed.contains(cell.index) || cells.derivedFrom[cell.index].contains { fixed.contains($0.index) }
                }) { continue }
                let options = Self.candidates(
                    group, cells: cells, knownParts: leak.knownParts, withheld: withheld, sparing: leak.spare,
                    derived: derived
                )
                let chosen: CountCells.ID
                if let option = best(options, cells: cells, keep: keep) {
                    chosen = option
                } else {
                    // The group's known cells are worked out from counts further off: the nearest
                    // of those, unless a fix earlier in the round has broken that chain already.
                    let start = ([group.total] + group.parts).map(\.index).filter { known[$0] && $0 != leak.spare?.index }
                    guard let origins = structure.origins(of: start, learnedFrom: learnedFrom, withheld: withheld) else { continue }
                    chosen = best(origins.map { (CountCells.ID(index: $0), 0) }, cells: cells, keep: keep) ?? lastResort(withheld)
                }
                withheld[chosen.index] = true
                fixed.insert(chosen.index)
            }
        }
    }

    /// A group that gives something away, with what was known when it did and the part it gave
    /// away (nil when it gave away its total or its unknown parts together).
    private struct Leak {
        let group: Int
        let spare: CountCells.ID?
        /// The group's parts known at the time, by part.
        let knownParts: [Bool]
    }

    /// The cells and groups as flat arrays of indices (a round visits every group several times).
    private struct Structure {
        let values: [Int]
        let published: [Bool]
        let totals: [Int]
        let implied: [Bool]
        /// Group `g`'s parts are `parts[partStart[g]..<partStart[g + 1]]`.
        let parts: [Int]
        let partStart: [Int]
        /// Cell `c`'s groups are `memberOf[memberStart[c]..<memberStart[c + 1]]`.
        let memberOf: [Int]
        let memberStart: [Int]

        init(_ cells: CountCells) {
            values = cells.values
            published = cells.values.indices.map { cells.derivedFrom[$0].isEmpty }
            totals = cells.groups.map(\.total.index)
            implied = cells.groups.map(\.implied)
            var parts: [Int] = []
            var partStart = [0]
            var memberships = Array(repeating: [Int](), count: cells.values.count)
            for (index, group) in cells.groups.enumerated() {
                memberships[group.total.index].append(index)
                for part in group.parts {
                    parts.append(part.index)
                    memberships[part.index].append(index)
                }
                partStart.append(parts.count)
            }
            self.parts = parts
            self.partStart = partStart
            memberOf = memberships.flatMap { $0 }
            var memberStart = [0]
            for groups in memberships { memberStart.append(memberStart.last! + groups.count) }
            self.memberStart = memberStart
        }

        /// The groups `cell` is in.
        func groups(of cell: Int) -> ArraySlice<Int> { memberOf[memberStart[cell]..<memberStart[cell + 1]] }

        /// Whether an unpublished cell was worked out from the cells it is derived from (a
        /// complement, from its numerator and denominator: the group whose total is the
        /// denominator), rather than some other way.
        func isKnownByItsDerivation(_ id: CountCells.ID, learnedFrom: [Int], cells: CountCells) -> Bool {
            let group = learnedFrom[id.index]
            guard group >= 0, let denominator = cells.derivedFrom[id.index].last else { return false }
            return totals[group] == denominator.index
        }

        /// A secret count (withheld, or unpublished and small) that no single group gives away
        /// but the groups' equations solved together do: a "bridge", as when three or more
        /// authorities' tables and their sum pin a count down only together. Every group with
        /// unknown cells is an equation over them (total − parts = 0), and a cell is given away
        /// when some combination of the equations leaves it alone (`DeterminedUnknowns`, exact).
        func determinedSecrets(known: [Bool], withheld: [Bool], small: ClosedRange<Int>) -> [Int] {
            func secret(_ cell: Int) -> Bool { withheld[cell] || (!published[cell] && small.contains(values[cell])) }
            var equations: [[DeterminedUnknowns.Term]] = []
            // A group the others imply adds nothing to what they pin down together.
            for group in totals.indices where !implied[group] {
                var equation: [DeterminedUnknowns.Term] = known[totals[group]] ? [] : [(totals[group], PrimeField.prime - 1)]
                var position = partStart[group]
                while position < partStart[group + 1] {
                    if !known[parts[position]] { equation.append((parts[position], 1)) }
                    position += 1
                }
                // One unknown alone is what the rounds work out already.
                if equation.count > 1 { equations.append(equation) }
            }
            let pinned = DeterminedUnknowns.pinnedDown(by: equations, count: values.count)
            return values.indices.filter { pinned[$0] && !known[$0] && secret($0) }
        }

        /// Works out everything that follows from what is shown, noting every group that gives
        /// something away (what it gives away is not used further).
        func leaks(withheld: [Bool], small: ClosedRange<Int>) -> (leaks: [Leak], known: [Bool], learnedFrom: [Int]) {
            /// Would be a disclosure if worked out: a withheld count, or an unpublished small one.
            func secret(_ cell: Int) -> Bool { withheld[cell] || (!published[cell] && small.contains(values[cell])) }
            var known = values.indices.map { published[$0] && !withheld[$0] }
            var learnedFrom = Array(repeating: -1, count: values.count)
            var leaks: [Leak] = []
            var leaking = Set<Int>()
            var queued = Array(repeating: true, count: totals.count)
            var queue = Array(totals.indices)
            var next = 0
            // Index loops rather than slices: this is the hot loop.
            func learn(_ cell: Int, from group: Int) {
                known[cell] = true
                learnedFrom[cell] = group
                var member = memberStart[cell]
                while member < memberStart[cell + 1] {
                    let group = memberOf[member]
                    member += 1
                    if !queued[group] {
                        queued[group] = true
                        queue.append(group)
                    }
                }
            }
            func leak(_ group: Int, sparing spare: Int?) {
                if leaking.insert(group).inserted {
                    let knownParts = parts[partStart[group]..<partStart[group + 1]].map { known[$0] }
                    leaks.append(Leak(group: group, spare: spare.map(CountCells.ID.init(index:)), knownParts: knownParts))
                }
            }
            while next < queue.count {
                let group = queue[next]
                next += 1
                queued[group] = false
                // The parts not known: how many, one of them, their sum, whether all are published.
                var unknownCount = 0
                var unknownPart = 0
                var together = 0
                var allPublished = true
                var position = partStart[group]
                while position < partStart[group + 1] {
                    let part = parts[position]
                    position += 1
                    if known[part] { continue }
                    unknownCount += 1
                    unknownPart = part
                    together += values[part]
                    allPublished = allPublished && published[part]
                }
                let total = totals[group]
                if known[total] {
                    if unknownCount == 1 {
                        if secret(unknownPart) { leak(group, sparing: unknownPart) } else { learn(unknownPart, from: group) }
                    } else if unknownCount > 1, small.contains(together) || (together == unknownCount && allPublished) {
                        leak(group, sparing: nil)
                    }
                } else if unknownCount == 0 {
                    if secret(total) { leak(group, sparing: nil) } else { learn(total, from: group) }
                }
            }
            return (leaks, known, learnedFrom)
        }

        /// The shown non-zero counts nearest `secret` in the groups: outward from it through
        /// every cell not shown (unknown, or worked out), the first ring of groups that holds any.
        func nearestShown(to secret: Int, withheld: [Bool]) -> [Int] {
            var seen: Set<Int> = [secret]
            var frontier = [secret]
            var found: [Int] = []
            while found.isEmpty && !frontier.isEmpty {
                var next: [Int] = []
                for cell in frontier {
                    for group in groups(of: cell) {
                        for member in [totals[group]] + parts[partStart[group]..<partStart[group + 1]] where seen.insert(member).inserted {
                            if published[member] && !withheld[member] {
                                if values[member] > 0 { found.append(member) }
                            } else {
                                next.append(member)
                            }
                        }
                    }
                }
                frontier = next
            }
            return found
        }

        /// The shown non-zero counts that the known cells `start` were worked out from, nearest
        /// first: for each cell known but not shown, the other cells of the group it was learned
        /// from (`learnedFrom`, by `leaks`), and so on back to shown counts. Withholding one of
        /// them breaks that chain of deductions; a complement's own numerator and denominator
        /// may be withheld while it is still learned another way (as the sum of the authorities'
        /// complements). Nil when the chain meets a published count withheld since `leaks`
        /// (every published count in it was shown then): a fix made since has broken it.
        func origins(of start: [Int], learnedFrom: [Int], withheld: [Bool]) -> [Int]? {
            var seen = Set(start)
            var frontier = start
            var found: [Int] = []
            while found.isEmpty && !frontier.isEmpty {
                var next: [Int] = []
                for cell in frontier {
                    let group = learnedFrom[cell]
                    guard group >= 0 else { continue }
                    for member in [totals[group]] + parts[partStart[group]..<partStart[group + 1]] where seen.insert(member).inserted {
                        if !published[member] {
                            next.append(member)
                        } else if withheld[member] {
                            return nil
                        } else if values[member] > 0 {
                            found.append(member)
                        }
                    }
                }
                frontier = next
            }
            return found
        }
    }

    /// The cells whose withholding mends `group`: among the known parts other than `spare`, and
    /// the total, their handles (a cell whose withholding makes it unknown: itself when shown, or
    /// the shown cells an unpublished count is worked out from, when it was known that way
    /// (`derived`); never a zero), each marked 0 for a part's and 1 for the total's. An
    /// unpublished count known another way (a rule's children not met, as the year's less the
    /// other runs') has no handle here: withholding its numerator or denominator would leave it
    /// known, and the fix follows its chain of deductions instead.
    private static func candidates(
        _ group: CountCells.Group, cells: CountCells, knownParts: [Bool], withheld: [Bool], sparing spare: CountCells.ID?,
        derived: (CountCells.ID) -> Bool
    ) -> [(CountCells.ID, Int)] {
        let values = cells.values
        func shown(_ id: CountCells.ID) -> Bool { cells.isPublished(id) && !withheld[id.index] }
        func handles(_ id: CountCells.ID) -> [CountCells.ID] {
            if shown(id) { return values[id.index] > 0 ? [id] : [] }
            guard derived(id) else { return [] }
            return cells.derivedFrom[id.index].filter(shown).filter { values[$0.index] > 0 }
        }
        let parts = zip(group.parts, knownParts).filter { $1 && $0 != spare }.map(\.0).flatMap(handles).map { ($0, 0) }
        return parts + (group.total == spare ? [] : handles(group.total).map { ($0, 1) })
    }

    /// Of the lowest `keep`, a part's before the total's, then the smallest.
    private static func best(_ candidates: [(CountCells.ID, Int)], cells: CountCells, keep: [Int]) -> CountCells.ID? {
        candidates.min { a, b in
            (keep[a.0.index], a.1, cells.values[a.0.index]) < (keep[b.0.index], b.1, cells.values[b.0.index])
        }?.0
    }

    /// Withholding every shown non-zero count is safe whatever happens (not reached with the
    /// groups the layouts make: a known cell is shown, or was worked out from shown ones).
    private static func fallback(_ cells: CountCells, withheld: [Bool]) -> CountCells.ID {
        cells.values.indices.map(CountCells.ID.init).first { cells.isPublished($0) && !withheld[$0.index] && cells.values[$0.index] > 0 }!
    }
}
