@testable import EPDomain
import Testing

/// Every CSV eptrack writes goes through one cell writer, which a spreadsheet cannot be tricked
/// into reading as a formula (an OIDC subject or an agency id in the audit export, say).
@Suite struct CSVCellTests {
    @Test(arguments: [
        ("=HYPERLINK(\"http://example.invalid\",\"open\")", "\"'=HYPERLINK(\"\"http://example.invalid\"\",\"\"open\"\")\""),
        ("+SUM(A1:A9)", "'+SUM(A1:A9)"),
        ("-2+3", "'-2+3"),
        ("@cmd", "'@cmd"),
        ("\tcalc", "\"'\tcalc\""),
        ("\rcalc", "\"'\rcalc\""),
        ("=1,2", "\"'=1,2\""),
    ])
    func aCellThatCouldBeAFormulaIsNeutralised(text: String, written: String) throws {
        #expect(CSVCell.field(text) == written)
        let record = try RFC4180Parser.parse(CSVCell.field(text) + "\r\n")
        #expect(record == [["'" + text]], "the text reads back whole, after the quote mark")
    }

    @Test(arguments: [
        ("-3", "-3"), ("0.25", "0.25"), ("12", "12"), ("la-northshire", "la-northshire"),
        ("Coast and Vale Adoption", "Coast and Vale Adoption"), ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""), ("", ""),
    ])
    func numbersAndOrdinaryTextAreWrittenAsTheyAre(text: String, written: String) {
        #expect(CSVCell.field(text) == written)
    }
}
