import EPDomain
import Foundation
import Hummingbird

/// A submitted HTML form (`application/x-www-form-urlencoded`), or a page's query string: the
/// first value of each name. A browser encodes spaces as `+`.
struct FormData: Sendable, Encodable {
    private(set) var fields: [String: String] = [:]

    init(encoded: String) {
        for pair in encoded.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]), !name.isEmpty, fields[name] == nil else { continue }
            fields[name] = parts.count > 1 ? Self.decode(parts[1]) ?? "" : ""
        }
    }

    static func body(of request: Request, limit: Int = 64 * 1024) async throws -> FormData {
        let buffer = try await request.body.collect(upTo: limit)
        return FormData(encoded: String(buffer: buffer))
    }

    static func query(of request: Request) -> FormData { FormData(encoded: request.uri.query ?? "") }

    subscript(name: String) -> String? { fields[name] }

    /// The value with surrounding spaces removed, or nil when empty.
    func trimmed(_ name: String) -> String? {
        guard let value = fields[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }

    /// A yes/no question's answer: nil when it was not answered. Anything but `yes` or `no` (no
    /// browser sends it; a hand-made request may) is refused, not read as no.
    func yesNo(_ name: String, field: String, _ message: String) throws(ValidationError) -> Bool? {
        switch trimmed(name) {
        case nil: nil
        case "yes": true
        case "no": false
        default: throw ValidationError(.invalidField, field: field, message)
        }
    }

    /// A choice's answer (`T`'s raw value, as a radio or select sends it): nil when it was not
    /// answered. A value the form never offers (a hand-made request) is refused, not read as
    /// unanswered.
    func choice<T: RawRepresentable<String>>(_ name: String, field: String, _ message: String) throws(ValidationError) -> T? {
        guard let raw = trimmed(name) else { return nil }
        guard let value = T(rawValue: raw) else { throw ValidationError(.invalidField, field: field, message) }
        return value
    }

    /// A list's filter from the page's query: nil when absent or blank, else the value `parse`
    /// reads. A value it cannot read (a link saved from an older version, a slip in a typed
    /// address) is not ignored in silence: `message` joins `errors`, naming the filter, and the
    /// page shows its results without that filter.
    func filter<Value>(_ name: String, _ message: String, errors: inout [FieldError], _ parse: (String) -> Value?) -> Value? {
        guard let raw = trimmed(name) else { return nil }
        if let value = parse(raw) { return value }
        errors.append(FieldError(target: name, message: message))
        return nil
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        // The CSRF and idempotency fields are the form's envelope, not what it asks for.
        try container.encode(fields.filter { $0.key != "csrf_token" && $0.key != "idempotency_key" })
    }

    private static func decode(_ text: Substring) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}
