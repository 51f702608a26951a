import EPDomain
import Testing

@Suite struct DashboardCSVTests {
    static let header = ["figure", "breakdown", "period", "statistic", "value", "numerator", "denominator", "suppressed"]

    /// Reads a figure back from a parsed record.
    static func figure(_ record: [String]) -> Figure? {
        guard record.count == 8 else { return nil }
        func integer(_ text: String) -> Int? { text.isEmpty ? nil : Int(text) }
        let value: Double? = record[4].isEmpty ? nil : Double(record[4])
        guard record[7] == "true" || record[7] == "false" else { return nil }
        return Figure(
            name: record[0], breakdown: record[1], period: record[2], statistic: record[3], value: value,
            numerator: integer(record[5]), denominator: integer(record[6]), suppressed: record[7] == "true"
        )
    }

    @Test(arguments: [false, true])
    func csvParsesBackToTheSameFigures(suppressed: Bool) throws {
        let dashboard = try HandWorkedFigureTests.build(suppress: suppressed)
        let csv = dashboard.csv
        let records = try RFC4180Parser.parse(csv)
        #expect(records.first == Self.header)
        #expect(records.count == dashboard.figures.count + 1)
        #expect(csv.hasPrefix("figure,breakdown,period,statistic,value,numerator,denominator,suppressed\r\n"))
        #expect(csv.hasSuffix("\r\n"))
        let parsed = records.dropFirst().map(Self.figure)
        #expect(parsed.count == dashboard.figures.count)
        for (read, figure) in zip(parsed, dashboard.figures) {
            #expect(read == figure, "\(figure.name) [\(figure.breakdown)] [\(figure.period)] \(figure.statistic)")
        }
        if suppressed {
            // Withheld cells are empty, never 0 or a marker.
            #expect(csv.contains("cases_by_state,state=pre_birth,,count,,,,true\r\n"))
            #expect(csv.contains("ep_conversion,sibling_group=1,,rate,,,11,true\r\n"))
        } else {
            #expect(csv.contains("cases_by_state,,,count,28,,,false\r\n"))
            #expect(csv.contains("rule_compliance,rule=S4-formal-match-timely,,rate,\(6.0 / 8.0),6,8,false\r\n"))
            // A rate over nobody has no value but is not suppressed.
            #expect(csv.contains("ep_conversion,ethnicity_group=not_known,,rate,,0,0,false\r\n"))
            #expect(csv.contains("ep_conversion,ethnicity_group=not_known,,pending,1,,,false\r\n"))
            #expect(csv.contains("duration_days,measure=placement_order_to_formal_match,,mean,69,,,false\r\n"))
        }
    }

    @Test func fieldsThatNeedQuotingAreQuoted() throws {
        let figures = [
            Figure(name: "plain", statistic: "count", value: 3),
            Figure(name: "has,comma", breakdown: "rule=A,B", statistic: "count", value: 12),
            Figure(name: "has \"quotes\"", statistic: "rate", value: 0.25, numerator: 1, denominator: 4),
            Figure(name: "two\r\nlines", breakdown: "line\nfeed", period: "2025-Q1", statistic: "median", value: nil, suppressed: true),
        ]
        let request = DashboardRequest(from: .day("2025-01-01"), to: .day("2025-03-31"), asOf: .day("2025-04-01"), suppressSmallNumbers: false)
        let csv = Dashboard(request: request, figures: figures, definitions: [:]).csv
        let expected = [
            "figure,breakdown,period,statistic,value,numerator,denominator,suppressed\r\n",
            "plain,,,count,3,,,false\r\n",
            "\"has,comma\",\"rule=A,B\",,count,12,,,false\r\n",
            "\"has \"\"quotes\"\"\",,,rate,0.25,1,4,false\r\n",
            "\"two\r\nlines\",\"line\nfeed\",2025-Q1,median,,,,true\r\n",
        ]
        #expect(csv == expected.joined())
        let records = try RFC4180Parser.parse(csv)
        #expect(records.dropFirst().map(Self.figure) == figures.map(Optional.some))
    }

    @Test func theParserRefusesWhatRFC4180Does() {
        #expect(throws: RFC4180Parser.Malformed.self) { try RFC4180Parser.parse("a,b\nc,d\r\n") }
        #expect(throws: RFC4180Parser.Malformed.self) { try RFC4180Parser.parse("a,\"b\r\n") }
        #expect(throws: RFC4180Parser.Malformed.self) { try RFC4180Parser.parse("a,b\"c\r\n") }
        #expect(throws: RFC4180Parser.Malformed.self) { try RFC4180Parser.parse("\"a\"b\r\n") }
        #expect((try? RFC4180Parser.parse("\"a,\"\"b\"\"\",c\r\n")) == [["a,\"b\"", "c"]])
    }
}
