/// Erasing personal data recorded by mistake (UK GDPR Articles 16 and 17) without giving up the
/// append-only record: the free text of a record (a milestone's note, a correction's reason,
/// text details) is replaced by a marker, and nothing else about the record changes: its kind,
/// dates, structured details, who recorded it and when all stay, so the journey and its rules
/// read exactly as before. Labels (a viability assessment's `assessment`) are not free text:
/// they are short codes the guard checks and the rules pair records by, so they are not redacted.
public enum Redaction {
    /// What a reader sees in place of redacted text.
    public static let marker = "[redacted]"

    /// The milestone with its free text replaced, the fields replaced (`note`, `reason`,
    /// `details/reason`) and the texts taken out; nil when it holds no free text left to redact.
    public static func redact(_ milestone: Milestone) -> (milestone: Milestone, fields: [String], removed: [String])? {
        var fields: [String] = []
        var removed: [String] = []
        func take(_ text: String?, _ field: String) -> String? {
            guard let text, text != marker else { return text }
            fields.append(field)
            removed.append(text)
            return marker
        }
        let note = take(milestone.note, "note")
        let correction = milestone.correction.map { correction in
            Milestone.Correction(supersedes: correction.supersedes, reason: take(correction.reason, "reason") ?? marker, retracted: correction.retracted)
        }
        let details: MilestoneDetails = switch milestone.details {
        case .epConsideration(let outcome, let reason): .epConsideration(outcome: outcome, reason: take(reason, "details/reason"))
        case .caseClosed(let reason): .caseClosed(reason: take(reason, "details/reason") ?? marker)
        default: milestone.details
        }
        guard !fields.isEmpty else { return nil }
        let redacted = Milestone(
            id: milestone.id, kind: milestone.kind, occurredOn: milestone.occurredOn, details: details, note: note,
            recordedAt: milestone.recordedAt, recordedBy: milestone.recordedBy, correction: correction
        )
        return (redacted, fields, removed)
    }

    /// Whether any of the milestone's free text has been replaced by the marker: a redaction of
    /// it exists, as against a milestone that never held free text.
    public static func isRedacted(_ milestone: Milestone) -> Bool {
        ([milestone.note, milestone.correction?.reason] + milestone.details.freeText.map(\.text)).contains(marker)
    }

    /// A stored JSON response with every string equal to one of `texts` replaced by the marker
    /// (keys and other values untouched).
    public static func scrub(_ value: JSONValue, removing texts: Set<String>) -> JSONValue {
        switch value {
        case .string(let text): texts.contains(text) ? .string(marker) : value
        case .array(let items): .array(items.map { scrub($0, removing: texts) })
        case .object(let members): .object(members.mapValues { scrub($0, removing: texts) })
        default: value
        }
    }
}

/// Any JSON value, for rewriting stored responses without knowing their schema.
public enum JSONValue: Codable, Hashable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .number(let value):
            // Whole numbers as integers, as the API wrote them (`"status":201`, not `201.0`).
            if value == value.rounded(), abs(value) < 9_007_199_254_740_992 { try container.encode(Int(value)) } else { try container.encode(value) }
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}
