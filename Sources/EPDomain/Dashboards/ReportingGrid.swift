/// The fixed periods every controlled view is decided over: each calendar year and every run of
/// whole quarters inside it (a quarter, two or three quarters running, the year).
///
/// Suppression decided for each request on its own could be undone by subtraction: a view of
/// 2023-Q1…2025-Q2 minus one of 2024-Q4…2025-Q2 gave 2023-Q1…2024-Q3, which its own view
/// withheld. Instead, the ten runs of a year (for the sum of the caller's LAs and for each of
/// them) are decided together, once, whatever is asked, each run's counts grouped as the total of
/// every split of it into shorter runs (`GridDecision`). A view of a run that crosses a year's
/// end is put together from the grid: the part in its first year, the years it covers whole, the
/// part in its last year; it shows a count only where every grid cell it adds up is shown. So
/// every count any view shows is a sum of shown grid cells, and no two years' grid cells count
/// the same children: no withheld count can be worked out from what any set of views shows.
/// (Averages and percentiles of a run across a year's end are worked out from its own lengths,
/// not from the grid, and shown only where every part's would be: `ControlledViews`.)
enum ReportingGrid {
    /// A run of whole quarters inside one calendar year: `first...last` are quarter numbers
    /// less one (0 is January to March).
    struct Run: Hashable, Sendable {
        let year: Int
        let first: Int
        let last: Int
    }

    /// The ten runs of one year, in a fixed order.
    static let runs: [(first: Int, last: Int)] = (0..<4).flatMap { first in (first..<4).map { (first, $0) } }

    /// The index in `runs` of the run `first...last`.
    static func index(first: Int, last: Int) -> Int {
        runs.firstIndex { $0 == (first, last) }!
    }

    /// The quarters of every calendar year that `quarters` (a run, in order) touches.
    static func quarters(around quarters: [Quarter]) -> [Quarter] {
        guard let first = quarters.first, let last = quarters.last else { return [] }
        return ((first.year * 4)..<(last.year * 4 + 4)).map(Quarter.init(index:))
    }

    /// The grid runs that make up `range` (indices into the quarters of whole calendar years from
    /// `firstYear` on): the part in each year it touches.
    static func components(of range: Range<Int>, firstYear: Int) -> [Run] {
        stride(from: range.lowerBound / 4 * 4, to: range.upperBound, by: 4).map { start in
            Run(year: firstYear + start / 4, first: max(range.lowerBound, start) - start, last: min(range.upperBound, start + 4) - 1 - start)
        }
    }

    /// Every way to split a run of `length` quarters into two or more shorter runs one after the
    /// other, as the runs' (first, last) offsets from the run's start; the first is the first
    /// quarter and the rest.
    static func splits(ofLength length: Int) -> [[(first: Int, last: Int)]] {
        guard length > 1 else { return [] }
        // Each of the length − 1 gaps between quarters is a cut or not; at least one is cut.
        return (1..<(1 << (length - 1))).map { cuts in
            var parts: [(first: Int, last: Int)] = []
            var start = 0
            for gap in 0..<(length - 1) where cuts & (1 << gap) != 0 {
                parts.append((start, gap))
                start = gap + 1
            }
            parts.append((start, length - 1))
            return parts
        }
    }
}
