/// A small, strict RFC 4180 reader for the CSV tests, written apart from the writer: records end
/// in CRLF, fields may be quoted, a quote inside a quoted field is doubled, and a quoted field
/// may hold commas and line breaks. Anything else (a bare quote, text after a closing quote, a
/// lone CR or LF outside quotes) is an error.
enum RFC4180Parser {
    struct Malformed: Error, CustomStringConvertible {
        let description: String
    }

    static func parse(_ text: String) throws -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = String.UnicodeScalarView()
        let scalars = Array(text.unicodeScalars)
        var index = 0
        var quoted = false
        var afterClosingQuote = false

        func endField() {
            record.append(String(field))
            field = String.UnicodeScalarView()
            afterClosingQuote = false
        }

        while index < scalars.count {
            let scalar = scalars[index]
            if quoted {
                if scalar == "\"" {
                    if index + 1 < scalars.count, scalars[index + 1] == "\"" {
                        field.append("\"")
                        index += 2
                        continue
                    }
                    quoted = false
                    afterClosingQuote = true
                } else {
                    field.append(scalar)
                }
                index += 1
                continue
            }
            switch scalar {
            case ",":
                endField()
            case "\r":
                guard index + 1 < scalars.count, scalars[index + 1] == "\n" else {
                    throw Malformed(description: "CR without LF at scalar \(index)")
                }
                endField()
                records.append(record)
                record = []
                index += 1
            case "\n":
                throw Malformed(description: "LF without CR at scalar \(index)")
            case "\"":
                guard field.isEmpty, !afterClosingQuote else { throw Malformed(description: "stray quote at scalar \(index)") }
                quoted = true
            default:
                guard !afterClosingQuote else { throw Malformed(description: "text after a closing quote at scalar \(index)") }
                field.append(scalar)
            }
            index += 1
        }
        if quoted { throw Malformed(description: "unterminated quoted field") }
        if !field.isEmpty || !record.isEmpty || afterClosingQuote {
            endField()
            records.append(record)
        }
        return records
    }
}
