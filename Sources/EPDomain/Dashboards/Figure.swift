/// One cell of a dashboard: a tidy row that says what it counts.
public struct Figure: Sendable, Hashable {
    /// e.g. `cases_by_state`, `ep_conversion`, `duration_days` (each defined in `Dashboard.definitions`).
    public let name: String
    /// `""` for none, else `key=value`: `state=ep_placed`, `ethnicity_group=black`,
    /// `measure=ep_recommended_to_ep_placement`, `rule=S2-26-weeks`.
    public let breakdown: String
    /// `""` for the whole range, or a calendar quarter, `2025-Q1`.
    public let period: String
    /// `count`, `rate`, `pending`, `median`, `p90`, `mean`, `n`, `met`, `late`, `overdue`.
    public let statistic: String
    /// Nil when suppressed or undefined (a rate over nobody, a median of nothing).
    public let value: Double?
    /// Rates only; nil when suppressed.
    public let numerator: Int?
    /// Rates only; nil when suppressed.
    public let denominator: Int?
    /// True when any part of the row (value, numerator or denominator) is withheld as a small number.
    public let suppressed: Bool

    public init(
        name: String, breakdown: String = "", period: String = "", statistic: String, value: Double?,
        numerator: Int? = nil, denominator: Int? = nil, suppressed: Bool = false
    ) {
        self.name = name
        self.breakdown = breakdown
        self.period = period
        self.statistic = statistic
        self.value = value
        self.numerator = numerator
        self.denominator = denominator
        self.suppressed = suppressed
    }
}
