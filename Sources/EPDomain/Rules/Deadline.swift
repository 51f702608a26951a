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

    /// - Parameters:
    ///   - due: defaults to the threshold after the anchor; given when a rule moves it (extensions).
    ///   - done: when the expected milestone happened, if it has.
    ///   - stoppedOn: the day after which the milestone can no longer happen (the journey's end by
    ///     default). A deadline that fell after it is not applicable; one that fell before it stays
    ///     overdue, with the days counted up to it.
    func outcome(
        anchor: CalendarDate, due explicitDue: CalendarDate? = nil, done: CalendarDate?,
        stoppedOn: CalendarDate?, _ context: RuleContext, describing window: String? = nil
    ) -> RuleOutcome {
        let due = explicitDue ?? context.threshold.after(anchor, in: context.calendar)
        func result(_ status: RuleStatus, _ verdict: DeadlineParts.Verdict, overdue: Int? = nil, remaining: Int? = nil) -> RuleOutcome {
            let parts = DeadlineParts(
                verdict: verdict, expected: expected, label: label, qualifier: qualifier, anchorName: anchorName, action: action,
                anchor: anchor, due: due,
                threshold: context.threshold, window: window
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
