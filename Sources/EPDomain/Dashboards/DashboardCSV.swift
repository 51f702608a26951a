/// Writes figures as one RFC 4180 table, ready for Excel or Power BI.
enum DashboardCSV {
    static let header = ["figure", "breakdown", "period", "statistic", "value", "numerator", "denominator", "suppressed"]

    static func table(_ figures: [Figure]) -> String {
        var text = row(header)
        for figure in figures {
            text += row([
                figure.name, figure.breakdown, figure.period, figure.statistic,
                figure.value.map(number) ?? "", figure.numerator.map(String.init) ?? "",
                figure.denominator.map(String.init) ?? "", figure.suppressed ? "true" : "false",
            ])
        }
        return text
    }

    static func row(_ fields: [String]) -> String {
        fields.map(CSVCell.field).joined(separator: ",") + "\r\n"
    }

    /// Whole numbers without a decimal point (`12`); anything else in the shortest form that reads
    /// back as the same double (`0.25`, `0.3333333333333333`).
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 9_007_199_254_740_992 { return String(Int(value)) }
        return String(value)
    }
}
