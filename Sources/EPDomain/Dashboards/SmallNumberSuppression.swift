/// Decides which counts to withhold so small numbers cannot identify a child.
///
/// Primary: every count from 1 to the threshold. Secondary: in a group of parts that add up to
/// a published total, a single withheld part could be recovered as the total minus the others,
/// so the next-smallest non-zero part is withheld with it. Zero is never withheld (it identifies
/// nobody, and withholding it would hide that a group is empty).
enum SmallNumberSuppression {
    /// For each cell, whether it is withheld.
    static func withheld(_ cells: CountCells, threshold: Int) -> [Bool] {
        let values = cells.values
        var withheld = values.map { $0 >= 1 && $0 <= threshold }
        // One pass settles every group whose parts belong to no other group (all of them today);
        // repeating until nothing changes keeps it right if a part is ever shared.
        var changed = true
        while changed {
            changed = false
            for group in cells.groups where !withheld[group.total.index] {
                let hidden = group.parts.count { withheld[$0.index] }
                guard hidden == 1 else { continue }
                let next = group.parts
                    .filter { !withheld[$0.index] && values[$0.index] > 0 }
                    .min { values[$0.index] < values[$1.index] }
                // With no other non-zero part the hidden one would equal the total: withhold that.
                withheld[(next ?? group.total).index] = true
                changed = true
            }
        }
        return withheld
    }
}
