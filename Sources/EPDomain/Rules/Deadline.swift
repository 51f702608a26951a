/// The shared arithmetic of every deadline rule: from an anchor date and the policy's threshold
/// to a status, a due date, the days overdue or remaining, and the sentence an IRO reads.
struct Deadline {
    /// What is expected, as a noun phrase: "the EP consideration".
    let expected: String
    /// Which one, where there can be several, and of what (said after `expected`: "viability
    /// assessment VA-1 (maternal family)"); kept apart so nothing is joined unless the sentence is read.
    var label: String? = nil
    var qualifier: String? = nil
    /// What the clock starts from: "the start of planning".
    let anchorName: String
    /// What to do while it is open: "hold the EP consideration meeting".
    let action: String
    /// Replaces "<threshold> after <anchor name> on <anchor>" in the sentence (see `DeadlineParts`).
    var span: MessageTemplate? = nil
    /// A sentence after the verdict. (A rule gives a span or a note, not both.)
    var note: MessageTemplate? = nil

    /// Something other than the journey's end after which the expected milestone can no longer
    /// happen: the birth, for anything expected before it; a new link, for the decision on the
    /// old one; the end of a placement, for what that placement needed. `event` is a clause:
    /// "the child was born".
    struct Stop {
        let on: CalendarDate
        let event: String
    }

    /// - Parameters:
    ///   - due: defaults to the threshold after the anchor; given when a rule moves it (extensions).
    ///   - done: when the expected milestone happened, if it has.
    ///   - stoppedOn: the day after which the milestone can no longer happen (the journey's end by
    ///     default). A deadline that fell after it is not applicable; one that fell before it stays
    ///     overdue, with the days counted up to it.
    ///   - stop: an earlier reason the milestone can no longer happen. A deadline that fell after
    ///     it is not applicable; one that fell before it was missed, which is `late` (closed: the
    ///     wrong order already happened, and nobody can act on it any more), with the days from
    ///     the due day to the stop.
    func outcome(
        anchor: CalendarDate, due explicitDue: CalendarDate? = nil, done: CalendarDate?,
        stoppedOn: CalendarDate?, stop: Stop? = nil, _ context: RuleContext
    ) -> RuleOutcome {
        let due = explicitDue ?? context.threshold.after(anchor, in: context.calendar)
        func result(_ status: RuleStatus, _ verdict: DeadlineParts.Verdict, overdue: Int? = nil, remaining: Int? = nil) -> RuleOutcome {
            let parts = DeadlineParts(
                verdict: verdict, expected: expected, label: label, qualifier: qualifier, anchorName: anchorName, action: action,
                anchor: anchor, due: due, threshold: context.threshold, custom: note ?? span, customIsNote: note != nil
            )
            return RuleOutcome(
                status: status, anchorOn: anchor, dueOn: due, daysOverdue: overdue, daysRemaining: remaining,
                explanation: RuleMessage(deadline: parts)
            )
        }
        if let done {
            if done <= due { return result(.met, .met(done: done)) }
            let late = due.days(until: done)
            return result(.late, .late(done: done, days: late), overdue: late)
        }
        if let stop, stoppedOn.map({ stop.on < $0 }) ?? true {
            if stop.on <= due { return result(.notApplicable, .overtaken(on: stop.on, event: stop.event)) }
            let missed = due.days(until: stop.on)
            return result(.late, .neverDone(on: stop.on, event: stop.event), overdue: missed)
        }
        if let stoppedOn {
            if stoppedOn <= due { return result(.notApplicable, .endedFirst(stoppedOn: stoppedOn)) }
            return result(.overdue, .missed(stoppedOn: stoppedOn), overdue: due.days(until: min(stoppedOn, context.asOf)))
        }
        let remaining = context.asOf.days(until: due)
        let warningOpens = min(context.warning.before(due, in: context.calendar), due)
        var open = remaining < 0
            ? result(.overdue, .overdue(days: -remaining), overdue: -remaining)
            : result(context.asOf >= warningOpens ? .dueSoon : .pending, .upcoming(days: remaining), remaining: remaining)
        open.openWindow = (warningOpens, due.adding(days: 1))
        return open
    }
}

func days(_ count: Int) -> String { count == 1 ? "1 day" : "\(count) days" }

/// The earlier of two days, either of which may be missing.
func earliest(_ a: CalendarDate?, _ b: CalendarDate?) -> CalendarDate? {
    guard let a else { return b }
    guard let b else { return a }
    return min(a, b)
}
