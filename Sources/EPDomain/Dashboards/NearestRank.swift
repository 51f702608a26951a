/// Nearest-rank percentiles: the p-th percentile of n sorted values is the value at rank
/// ⌈p × n / 100⌉ (counting from 1), always one of the values themselves. The median is the
/// 50th percentile, so for an even count it is the lower of the two middle values.
enum NearestRank {
    /// The rank (from 1) of the p-th percentile of `count` values; 0 when there are none.
    static func rank(_ p: Int, count: Int) -> Int {
        guard count > 0 else { return 0 }
        return min(max(1, (p * count + 99) / 100), count)
    }

    static func percentile(_ p: Int, ofSorted values: [Int]) -> Int? {
        guard !values.isEmpty else { return nil }
        return values[rank(p, count: values.count) - 1]
    }
}
