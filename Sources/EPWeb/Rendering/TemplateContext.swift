/// A template's values. A key that is present is "true" to a Mustache section (even an empty
/// string), so a message that may be missing is put only when there is one.
typealias TemplateContext = [String: Any]

extension Dictionary where Key == String, Value == Any {
    mutating func put(_ key: String, _ value: String?) {
        if let value, !value.isEmpty { self[key] = value }
    }
}
