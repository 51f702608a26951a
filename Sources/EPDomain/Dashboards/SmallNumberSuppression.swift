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
/// While any of these gives away a withheld count, or a count from 1 to the threshold, the
/// smallest non-zero count shown in that group (or one a complement there is worked out from;
/// failing those, the total) is withheld too, and everything is worked out again. Zero is never
/// withheld: it identifies nobody, and withholding it would hide that a group is empty.
enum SmallNumberSuppression {
    /// For each cell, whether it is withheld (always false for unpublished cells).
    static func withheld(_ cells: CountCells, threshold: Int) -> [Bool] {
        let small = 1...max(1, threshold)
        var withheld = cells.values.indices.map { cells.derivedFrom[$0].isEmpty && small.contains(cells.values[$0]) }
        while let next = nextToWithhold(cells, withheld: withheld, small: small) {
            withheld[next.index] = true
        }
        return withheld
    }

    /// One more cell to withhold, or nil when nothing withheld or small can be worked out.
    private static func nextToWithhold(_ cells: CountCells, withheld: [Bool], small: ClosedRange<Int>) -> CountCells.ID? {
        let values = cells.values
        func shown(_ id: CountCells.ID) -> Bool { cells.isPublished(id) && !withheld[id.index] }
        /// Would be a disclosure if worked out: a withheld count, or an unpublished small one.
        func secret(_ id: CountCells.ID) -> Bool { withheld[id.index] || (!cells.isPublished(id) && small.contains(values[id.index])) }
        /// Cells whose withholding makes `id` unknown, with their values: itself when shown, or
        /// the shown cells an unpublished count is worked out from. Zeros are never withheld.
        func handles(_ id: CountCells.ID) -> [CountCells.ID] {
            (shown(id) ? [id] : cells.derivedFrom[id.index].filter(shown)).filter { values[$0.index] > 0 }
        }
        /// The fix for a group that gives something away: its smallest handle among the known
        /// parts other than `spare`, else a handle of the total.
        func protect(_ group: CountCells.Group, known: [Bool], sparing spare: CountCells.ID?) -> CountCells.ID {
            let smallest = group.parts
                .filter { known[$0.index] && $0 != spare }
                .flatMap(handles)
                .min { values[$0.index] < values[$1.index] }
            if let smallest { return smallest }
            if let total = handles(group.total).min(by: { values[$0.index] < values[$1.index] }) { return total }
            // Not reached with the groups the layout makes; withholding every shown non-zero count
            // is safe whatever happens.
            return values.indices.map(CountCells.ID.init).first { shown($0) && values[$0.index] > 0 }!
        }

        var known = values.indices.map { shown(CountCells.ID(index: $0)) }
        var changed = true
        while changed {
            changed = false
            for group in cells.groups {
                let unknown = group.parts.filter { !known[$0.index] }
                if known[group.total.index] {
                    if unknown.count == 1 {
                        let part = unknown[0]
                        if secret(part) { return protect(group, known: known, sparing: part) }
                        known[part.index] = true
                        changed = true
                    } else if !unknown.isEmpty {
                        let together = unknown.reduce(0) { $0 + values[$1.index] }
                        let eachOne = together == unknown.count && unknown.allSatisfy(cells.isPublished)
                        if small.contains(together) || eachOne { return protect(group, known: known, sparing: nil) }
                    }
                } else if unknown.isEmpty {
                    if secret(group.total) { return protect(group, known: known, sparing: nil) }
                    known[group.total.index] = true
                    changed = true
                }
            }
        }
        return nil
    }
}
