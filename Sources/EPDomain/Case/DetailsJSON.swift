import Foundation

/// Writes and reads a milestone's `details` as stored: a flat JSON object of strings, whole
/// numbers and booleans, keys sorted. Reading every milestone of 20,000 cases for a dashboard
/// made Foundation's JSONDecoder a quarter of the request, so the reader takes that shape
/// directly and hands anything else (an escaped string, say) to JSONDecoder, so the answer is
/// always JSONDecoder's.
public enum DetailsJSON {
    private static let decoder = JSONDecoder()

    public static func write(_ details: MilestoneDetails) -> String {
        let values = DetailsCodec.encode(details)
        if values.isEmpty { return "{}" }
        var json = "{"
        for (position, (key, value)) in values.sorted(by: { $0.key < $1.key }).enumerated() {
            if position > 0 { json += "," }
            appendString(key, to: &json)
            json += ":"
            switch value {
            case .string(let text): appendString(text, to: &json)
            case .integer(let number): json += String(number)
            case .boolean(let flag): json += flag ? "true" : "false"
            case .unsupported: json += "null"  // never produced by DetailsCodec.encode
            }
        }
        return json + "}"
    }

    /// A JSON string: quote, backslash and control characters escaped (RFC 8259 section 7).
    /// Most strings (keys, and values that are names from a closed set) need no escape and are
    /// appended whole: every write rewrites the journey digest, so every milestone's details are
    /// written again each time, and appending scalar by scalar was most of that cost.
    private static func appendString(_ text: String, to json: inout String) {
        json += "\""
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }) {
            json += text
            json += "\""
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": json += "\\\""
            case "\\": json += "\\\\"
            case "\u{0}"..."\u{1F}":
                let hex = String(scalar.value, radix: 16)
                json += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: json.unicodeScalars.append(scalar)
            }
        }
        json += "\""
    }

    public static func parse(_ json: String) throws -> [String: DetailValue] {
        if json == "{}" { return [:] }
        var text = json
        return try text.withUTF8 { try parse($0) }
    }

    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws -> [String: DetailValue] {
        var reader = FlatObjectReader(bytes: bytes)
        if let values = reader.read() { return values }
        return try decoder.decode([String: DetailValue].self, from: Data(buffer: bytes))
    }
}

/// A reader for `{"key": value, ...}` with string, integer and boolean values only. Returns
/// nil at anything outside that shape (the caller falls back to the full decoder).
private struct FlatObjectReader {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    mutating func read() -> [String: DetailValue]? {
        var values: [String: DetailValue] = [:]
        skipSpace()
        guard take(UInt8(ascii: "{")) else { return nil }
        skipSpace()
        if take(UInt8(ascii: "}")) { return atEnd() ? values : nil }
        while true {
            skipSpace()
            guard let key = string() else { return nil }
            skipSpace()
            guard take(UInt8(ascii: ":")) else { return nil }
            skipSpace()
            guard let value = value(), values.updateValue(value, forKey: key) == nil else { return nil }
            skipSpace()
            if take(UInt8(ascii: ",")) { continue }
            guard take(UInt8(ascii: "}")) else { return nil }
            return atEnd() ? values : nil
        }
    }

    private mutating func value() -> DetailValue? {
        guard position < bytes.count else { return nil }
        switch bytes[position] {
        case UInt8(ascii: "\""): return string().map(DetailValue.string)
        case UInt8(ascii: "t"): return literal("true") ? .boolean(true) : nil
        case UInt8(ascii: "f"): return literal("false") ? .boolean(false) : nil
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return integer().map(DetailValue.integer)
        default: return nil
        }
    }

    /// A string with no escapes (what the store writes for codes and short labels); an escaped
    /// one is left to the full decoder.
    private mutating func string() -> String? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
                position += 1
                return text
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 { return nil }
            position += 1
        }
        return nil
    }

    private mutating func integer() -> Int? {
        let start = position
        if bytes[position] == UInt8(ascii: "-") { position += 1 }
        let digits = position
        while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) { position += 1 }
        // A fraction or exponent, a leading zero or no digits: not a plain integer.
        guard position > digits, position - digits == 1 || bytes[digits] != UInt8(ascii: "0") else { return nil }
        if position < bytes.count, [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[position]) { return nil }
        return Int(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self))
    }

    private mutating func literal(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard position + count <= bytes.count else { return false }
        for offset in 0..<count where bytes[position + offset] != word.utf8Start[offset] { return false }
        position += count
        return true
    }

    private mutating func take(_ byte: UInt8) -> Bool {
        guard position < bytes.count, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    private mutating func skipSpace() {
        while position < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) { position += 1 }
    }

    private func atEnd() -> Bool {
        var rest = position
        while rest < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[rest]) { rest += 1 }
        return rest == bytes.count
    }
}
