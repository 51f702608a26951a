/// One value of a milestone's `details` object as a client sent it, before it is typed.
public enum DetailValue: Hashable, Sendable {
    case string(String)
    case integer(Int)
    case boolean(Bool)
    /// Anything else (a fraction, an array, an object, null): always refused, with its JSON type named.
    case unsupported(String)

    var typeName: String {
        switch self {
        case .string: "a string"
        case .integer: "an integer"
        case .boolean: "a boolean"
        case .unsupported(let name): name
        }
    }
}

extension DetailValue: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .unsupported("null")
        } else if let value = try? container.decode(Bool.self) {
            self = .boolean(value)
        } else if let value = try? container.decode(Int.self) {
            self = .integer(value)
        } else if (try? container.decode(Double.self)) != nil {
            self = .unsupported("a fractional number")
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else {
            self = .unsupported("an array or object")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .boolean(let value): try container.encode(value)
        case .unsupported: try container.encodeNil()
        }
    }
}
