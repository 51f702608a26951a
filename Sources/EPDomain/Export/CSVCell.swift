/// One cell of every CSV file eptrack writes (dashboards, the case export, the audit export):
/// RFC 4180 quoting, and neutralised against formula injection (OWASP "CSV injection").
public enum CSVCell {
    /// A spreadsheet reads a cell that starts with one of these as a formula (or, for tab and
    /// carriage return, may drop them and read what follows as one).
    static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    /// The cell as written: text that a spreadsheet could read as a formula gets a leading `'`
    /// (numbers, negative ones included, are left as numbers); a cell holding a comma, a double
    /// quote or a line break is quoted with quotes inside doubled.
    public static func field(_ text: String) -> String {
        var cell = text
        if let first = text.first, formulaStarts.contains(first) || first == "\r\n", !isNumber(text) {
            cell = "'" + text
        }
        // `isNewline`, because Swift reads CR LF as one character, equal to neither.
        guard cell.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline || $0 == "\t" }) else { return cell }
        var quoted = "\""
        for character in cell {
            if character == "\"" { quoted.append("\"") }
            quoted.append(character)
        }
        quoted.append("\"")
        return quoted
    }

    /// A plain decimal number such as `-3` or `0.25`, which no spreadsheet reads as a formula.
    static func isNumber(_ text: String) -> Bool {
        let digits = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
        return (1...2).contains(parts.count) && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }
    }
}
