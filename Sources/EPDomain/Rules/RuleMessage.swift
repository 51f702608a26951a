/// The sentence an IRO reads, kept as its parts and written out only when asked for: the
/// engine evaluates millions of results for dashboards and lists that never show most of
/// their messages.
public struct RuleMessage: Hashable, Sendable, CustomStringConvertible {
    enum Parts: Hashable, Sendable {
        case text(String)
        /// A fixed sentence with `{0}`, `{1}`, `{2}` for dates, `{days}` for a count of days
        /// and `{n}` for that count as a number, `{m}` for a second number: nothing is formatted
        /// until the message is read.
        case template(String, CalendarDate?, CalendarDate?, CalendarDate?, Int?, Int?)
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
        RuleMessage(parts: .template(template, first, second, third, n, m))
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
        case .text(let text):
            return text
        case .template(let template, let first, let second, let third, let n, let m):
            // One pass over the template; a placeholder without a value stays as written.
            var text = ""
            var rest = template[...]
            while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
                text += rest[..<open]
                let value: String? = switch rest[rest.index(after: open)..<close] {
                case "0": first?.iso
                case "1": second?.iso
                case "2": third?.iso
                case "days": n.map(days)
                case "n": n.map(String.init)
                case "m": m.map(String.init)
                default: nil
                }
                text += value ?? String(rest[open...close])
                rest = rest[rest.index(after: close)...]
            }
            return text + rest
        case .deadline(let deadline):
            return deadline.sentence
        case .followed(let first, let text):
            return RuleMessage(parts: first).description + text
        }
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
    /// Said instead of the threshold where a rule moves or restates it ("week 30 of pregnancy").
    let window: String?

    var sentence: String {
        var expected = self.expected
        if let label { expected += " \(label)" }
        if let qualifier { expected += " (\(qualifier))" }
        let what = expected.capitalisedFirst
        let window = "\(self.window ?? threshold.spoken) after \(anchorName) on \(anchor)"
        switch verdict {
        case .met(let done):
            return "\(what) was recorded on \(done), by its due date of \(due) (\(window))."
        case .late(let done, let count):
            return "\(what) was recorded on \(done), \(days(count)) after it was due on \(due) (\(window))."
        case .endedFirst(let stoppedOn):
            return "The journey ended on \(stoppedOn), before \(expected) was due on \(due)."
        case .missed(let stoppedOn):
            return "\(what) was never recorded: it was due on \(due) (\(window)) and the journey ended on \(stoppedOn)."
        case .overdue(let count):
            return "\(what) is \(days(count)) overdue: it was due on \(due) (\(window)); \(action)."
        case .upcoming(let count):
            let when = count == 0 ? "today" : "in \(days(count))"
            return "\(what) is due on \(due), \(when) (\(window)); \(action)."
        }
    }
}
