/// The sentence an IRO reads, kept as its parts and written out only when asked for: the
/// engine evaluates millions of results for dashboards and lists that never show most of
/// their messages.
public struct RuleMessage: Hashable, Sendable, CustomStringConvertible {
    enum Parts: Hashable, Sendable {
        case text(String)
        case template(MessageTemplate)
        case deadline(DeadlineParts)
        /// A message with a sentence added after it.
        indirect case followed(Parts, String)
    }

    let parts: Parts

    init(_ text: String) {
        parts = .text(text)
    }

    static func say(
        _ template: String, _ first: CalendarDate? = nil, _ second: CalendarDate? = nil, _ third: CalendarDate? = nil, n: Int? = nil,
        m: Int? = nil
    ) -> RuleMessage {
        RuleMessage(parts: .template(MessageTemplate(template, first, second, third, n: n, m: m)))
    }

    private init(parts: Parts) {
        self.parts = parts
    }

    init(deadline: DeadlineParts) {
        parts = .deadline(deadline)
    }

    /// This message with `text` after it, still unformatted.
    func followed(by text: String) -> RuleMessage {
        RuleMessage(parts: .followed(parts, text))
    }

    public var description: String {
        switch parts {
        case .text(let text): text
        case .template(let template): template.description
        case .deadline(let deadline): deadline.sentence
        case .followed(let first, let text): RuleMessage(parts: first).description + text
        }
    }
}

/// A fixed sentence with `{0}`, `{1}`, `{2}` for dates, `{days}` for a count of days and `{n}`
/// for that count as a number, `{m}` for a second number: nothing is formatted until the
/// message is read. Kept small (day numbers and counts as 32-bit, with a marker for none): a
/// result carries its message inline, and the engine copies millions of results.
struct MessageTemplate: Hashable, Sendable, CustomStringConvertible {
    let text: String
    private let dayNumbers: (Int32, Int32, Int32)
    private let numbers: (Int32, Int32)
    private static let none = Int32.min

    init(_ text: String, _ first: CalendarDate? = nil, _ second: CalendarDate? = nil, _ third: CalendarDate? = nil, n: Int? = nil, m: Int? = nil) {
        self.text = text
        dayNumbers = (Self.pack(first?.dayNumber), Self.pack(second?.dayNumber), Self.pack(third?.dayNumber))
        numbers = (Self.pack(n), Self.pack(m))
    }

    private static func pack(_ value: Int?) -> Int32 { value.map { Int32(clamping: $0) } ?? none }
    private static func unpack(_ value: Int32) -> Int? { value == none ? nil : Int(value) }

    var first: CalendarDate? { Self.unpack(dayNumbers.0).map(CalendarDate.init(dayNumber:)) }
    var second: CalendarDate? { Self.unpack(dayNumbers.1).map(CalendarDate.init(dayNumber:)) }
    var third: CalendarDate? { Self.unpack(dayNumbers.2).map(CalendarDate.init(dayNumber:)) }
    var n: Int? { Self.unpack(numbers.0) }
    var m: Int? { Self.unpack(numbers.1) }

    static func == (lhs: MessageTemplate, rhs: MessageTemplate) -> Bool {
        lhs.text == rhs.text && lhs.dayNumbers == rhs.dayNumbers && lhs.numbers == rhs.numbers
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(text)
        hasher.combine(dayNumbers.0)
        hasher.combine(dayNumbers.1)
        hasher.combine(dayNumbers.2)
        hasher.combine(numbers.0)
        hasher.combine(numbers.1)
    }

    var description: String {
        // One pass over the template; a placeholder without a value stays as written.
        var formatted = ""
        var rest = text[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            formatted += rest[..<open]
            let value: String? = switch rest[rest.index(after: open)..<close] {
            case "0": first?.iso
            case "1": second?.iso
            case "2": third?.iso
            case "days": n.map(days)
            case "n": n.map(String.init)
            case "m": m.map(String.init)
            default: nil
            }
            formatted += value ?? String(rest[open...close])
            rest = rest[rest.index(after: close)...]
        }
        return formatted + rest
    }
}

/// Everything a deadline rule's sentence is made from (see `Deadline`).
struct DeadlineParts: Hashable, Sendable {
    enum Verdict: Hashable, Sendable {
        case met(done: CalendarDate)
        case late(done: CalendarDate, days: Int)
        case endedFirst(stoppedOn: CalendarDate)
        case missed(stoppedOn: CalendarDate)
        case overdue(days: Int)
        case upcoming(days: Int)
        /// Something other than the journey's end (`Deadline.Stop`) made the milestone impossible
        /// before it was due.
        case overtaken(on: CalendarDate, event: String)
        /// …or after it was due, without it.
        case neverDone(on: CalendarDate, event: String)
    }

    let verdict: Verdict
    let expected: String
    let label: String?
    let qualifier: String?
    let anchorName: String
    let action: String
    let anchor: CalendarDate
    let due: CalendarDate
    let threshold: Period
    /// A rule's own words (see `Deadline.span` and `Deadline.note`): one or the other, never both,
    /// so that a result stays small.
    let custom: MessageTemplate?
    /// Whether `custom` is a note said after the verdict; otherwise it replaces the whole
    /// "<threshold> after <anchor> on <day>" (the 26 weeks *beginning with* the day of issue).
    let customIsNote: Bool

    var sentence: String {
        var expected = self.expected
        if let label { expected += " \(label)" }
        if let qualifier { expected += " (\(qualifier))" }
        let what = expected.capitalisedFirst
        let span = customIsNote ? nil : custom
        let note = customIsNote ? custom : nil
        let window = span?.description ?? "\(threshold.spoken) after \(anchorName) on \(anchor)"
        let verdict: String = switch self.verdict {
        case .met(let done):
            "\(what) was recorded on \(done), by its due date of \(due) (\(window))."
        case .late(let done, let count):
            "\(what) was recorded on \(done), \(days(count)) after it was due on \(due) (\(window))."
        case .endedFirst(let stoppedOn):
            "The journey ended on \(stoppedOn), before \(expected) was due on \(due)."
        case .missed(let stoppedOn):
            "\(what) was never recorded: it was due on \(due) (\(window)) and the journey ended on \(stoppedOn)."
        case .overdue(let count):
            "\(what) is \(days(count)) overdue: it was due on \(due) (\(window)); \(action)."
        case .upcoming(let count):
            "\(what) is due on \(due), \(count == 0 ? "today" : "in \(days(count))") (\(window)); \(action)."
        case .overtaken(let on, let event):
            "\(event.capitalisedFirst) on \(on), before \(expected) was due on \(due)."
        case .neverDone(let on, let event):
            "\(what) was never recorded: it was due on \(due) (\(window)), and \(event) on \(on), so it can no longer happen."
        }
        guard let note else { return verdict }
        return verdict + " " + note.description
    }
}
