/// The shared arithmetic of every deadline rule: from an anchor date and the policy's threshold
/// to a status, a due date, the days overdue or remaining, and the sentence an IRO reads.
struct Deadline {
    /// What is expected, as a noun phrase: "the EP consideration".
    let expected: String
    /// What the clock starts from: "the start of planning".
    let anchorName: String
    /// What to do while it is open: "hold the EP consideration meeting".
    let action: String

    /// - Parameters:
    ///   - due: defaults to the threshold after the anchor; given when a rule moves it (extensions).
    ///   - done: when the expected milestone happened, if it has.
    ///   - stoppedOn: the day after which the milestone can no longer happen (the journey's end by
    ///     default). A deadline that fell after it is not applicable; one that fell before it stays
    ///     overdue, with the days counted up to it.
    func outcome(
        anchor: CalendarDate, due explicitDue: CalendarDate? = nil, done: CalendarDate?,
        stoppedOn: CalendarDate?, _ context: RuleContext, describing threshold: String? = nil
    ) -> RuleOutcome {
        let due = explicitDue ?? context.threshold.after(anchor, in: context.calendar)
        let window = "\(threshold ?? context.threshold.spoken) after \(anchorName) on \(anchor)"
        var result = RuleOutcome(status: .met, anchorOn: anchor, dueOn: due, message: "")
        if let done {
            if done <= due {
                result.message = "\(expected.capitalisedFirst) was recorded on \(done), within \(window)."
            } else {
                result.status = .late
                result.daysOverdue = due.days(until: done)
                result.message = "\(expected.capitalisedFirst) was recorded on \(done), \(days(result.daysOverdue!)) after it was due on \(due) (\(window))."
            }
            return result
        }
        if let stoppedOn {
            if stoppedOn <= due {
                return RuleOutcome(
                    status: .notApplicable, anchorOn: anchor, dueOn: due,
                    message: "The journey ended on \(stoppedOn), before \(expected) was due on \(due)."
                )
            }
            result.status = .overdue
            result.daysOverdue = due.days(until: min(stoppedOn, context.asOf))
            result.message = "\(expected.capitalisedFirst) was never recorded: it was due on \(due) (\(window)) and the journey ended on \(stoppedOn)."
            return result
        }
        let remaining = context.asOf.days(until: due)
        if remaining < 0 {
            result.status = .overdue
            result.daysOverdue = -remaining
            result.message = "\(expected.capitalisedFirst) is \(days(-remaining)) overdue: it was due on \(due) (\(window)); \(action)."
        } else {
            let warningOpens = context.warning.before(due, in: context.calendar)
            result.status = context.asOf >= warningOpens ? .dueSoon : .pending
            result.daysRemaining = remaining
            let when = remaining == 0 ? "today" : "in \(days(remaining))"
            result.message = "\(expected.capitalisedFirst) is due on \(due), \(when) (\(window)); \(action)."
        }
        return result
    }
}

func days(_ count: Int) -> String { count == 1 ? "1 day" : "\(count) days" }
