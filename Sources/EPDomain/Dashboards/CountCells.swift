/// Every count a dashboard publishes, each once, and the groups of counts that add up to a
/// total. Figures refer to cells, so a count shown in two rows (a rule's `met` and the
/// numerator of its compliance rate) is always withheld in both or neither.
///
/// Some cells are never published but follow from published ones: a rate's complement (the
/// children in its denominator but not its numerator) is its denominator minus its numerator.
/// They are recorded too, with what they are worked out from, so suppression can protect them.
struct CountCells: Sendable {
    struct ID: Hashable, Sendable {
        let index: Int
    }

    /// What a cell counts, the same in every layout of the same figures: `figure` names the count
    /// as figure, breakdown and column (`ep_conversion|ethnicity_group=white#n`), `quarter` the
    /// quarter row it is in, if any. A view over any run of quarters finds its counts' cells in
    /// the reporting grid by key.
    struct Key: Hashable, Sendable {
        let figure: String
        let quarter: Quarter?
    }

    /// Parts that add up exactly to `total`. `implied` when the other groups imply it (as the
    /// reporting grid's every split of a run, once one split of each run is there): single-group
    /// deductions use it, solving the groups together need not.
    struct Group: Sendable {
        let total: ID
        let parts: [ID]
        var implied = false
    }

    private(set) var values: [Int] = []
    private(set) var keys: [Key] = []
    /// For each cell: empty when it is published; otherwise the published cells it is worked out
    /// from (withholding any one of them makes it unknown).
    private(set) var derivedFrom: [[ID]] = []
    private(set) var groups: [Group] = []

    mutating func add(_ value: Int, _ key: Key) -> ID {
        values.append(value)
        keys.append(key)
        derivedFrom.append([])
        return ID(index: values.count - 1)
    }

    /// Adds the parts and records that they add up to `total`.
    mutating func parts(_ parts: [Int], _ keys: [Key], of total: ID) -> [ID] {
        let ids = zip(parts, keys).map { add($0, $1) }
        groups.append(Group(total: total, parts: ids))
        return ids
    }

    /// Records that cells already added add up to `total`.
    mutating func group(_ parts: [ID], of total: ID, implied: Bool = false) {
        groups.append(Group(total: total, parts: parts, implied: implied))
    }

    /// The unpublished count `denominator − numerator` (a rate's complement), grouped with the
    /// numerator under the denominator.
    mutating func complement(of numerator: ID, in denominator: ID, _ key: Key) -> ID {
        let id = add(values[denominator.index] - values[numerator.index], key)
        derivedFrom[id.index] = [numerator, denominator]
        groups.append(Group(total: denominator, parts: [numerator, id]))
        return id
    }

    /// Adds every cell and group of `other` after this one's, and answers where they start:
    /// `other`'s cell `i` is this one's `offset + i`.
    mutating func append(_ other: CountCells) -> Int {
        let offset = values.count
        func moved(_ id: ID) -> ID { ID(index: id.index + offset) }
        values += other.values
        keys += other.keys
        derivedFrom += other.derivedFrom.map { $0.map(moved) }
        groups += other.groups.map { Group(total: moved($0.total), parts: $0.parts.map(moved), implied: $0.implied) }
        return offset
    }

    /// The published cells `included` marks and the groups wholly among them, and for each of
    /// those cells its index here.
    func restricted(to included: [Bool]) -> (cells: CountCells, index: [Int]) {
        var part = CountCells()
        var position: [Int: ID] = [:]
        var index: [Int] = []
        for cell in values.indices where included[cell] && derivedFrom[cell].isEmpty {
            position[cell] = part.add(values[cell], keys[cell])
            index.append(cell)
        }
        for group in groups {
            guard let total = position[group.total.index] else { continue }
            let parts = group.parts.compactMap { position[$0.index] }
            if parts.count == group.parts.count { part.group(parts, of: total, implied: group.implied) }
        }
        return (part, index)
    }

    /// Whether the cell is shown in some figure (else it is only implied by published ones).
    func isPublished(_ id: ID) -> Bool { derivedFrom[id.index].isEmpty }

    subscript(id: ID) -> Int { values[id.index] }
}
