/// Every count a dashboard publishes, each once, and the groups of counts that add up to a
/// published total. Figures refer to cells, so a count shown in two rows (a rule's `met` and the
/// numerator of its compliance rate) is always withheld in both or neither.
struct CountCells: Sendable {
    struct ID: Hashable, Sendable {
        let index: Int
    }

    /// Parts that add up exactly to `total`, where `total` is itself published.
    struct Group: Sendable {
        let total: ID
        let parts: [ID]
    }

    private(set) var values: [Int] = []
    private(set) var groups: [Group] = []

    mutating func add(_ value: Int) -> ID {
        values.append(value)
        return ID(index: values.count - 1)
    }

    /// Adds the parts and records that they add up to `total`.
    mutating func parts(_ parts: [Int], of total: ID) -> [ID] {
        let ids = parts.map { add($0) }
        groups.append(Group(total: total, parts: ids))
        return ids
    }

    subscript(id: ID) -> Int { values[id.index] }
}
