/// Nearest-rank percentiles: the p-th percentile of n sorted values is the value at rank
/// ⌈p × n / 100⌉ (counting from 1), always one of the values themselves. The median is the
/// 50th percentile, so for an even count it is the lower of the two middle values.
enum NearestRank {
    static func percentile(_ p: Int, ofSorted values: [Int]) -> Int? {
        guard !values.isEmpty else { return nil }
        let rank = max(1, (p * values.count + 99) / 100)
        return values[min(rank, values.count) - 1]
    }
}
