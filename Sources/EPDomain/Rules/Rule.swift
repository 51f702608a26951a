/// One timeliness rule: a small value that says what it checks, which standard it serves, what
/// its threshold is based on, and how to evaluate it. The catalogue is a list of these; a policy
/// chooses thresholds, never logic.
public struct Rule: Sendable {
    public enum Shape: Sendable, Hashable {
        /// After an anchor milestone, expect another within a threshold.
        case deadline(defaultThreshold: Period, defaultWarning: Period, units: Set<Period.Unit>)
        /// One milestone must come before another.
        case order
        /// A sequence that signals sequential planning or an avoidable move.
        case pattern

        public var name: String {
            switch self {
            case .deadline: "deadline"
            case .order: "order"
            case .pattern: "pattern"
            }
        }
    }

    public enum Basis: Sendable, Hashable {
        /// Set in law; the source is cited and a local policy may not change it.
        case statutory(source: String)
        /// A practice default, which an agency's own policy may change.
        case localDefault(source: String)

        public var name: String {
            switch self {
            case .statutory: "statutory"
            case .localDefault: "local_default"
            }
        }

        public var source: String {
            switch self {
            case .statutory(let source), .localDefault(let source): source
            }
        }
    }

    public let id: String
    /// The National EP Practice Standards clause(s) the rule serves, e.g. `S2.4`.
    public let standard: String
    /// Plain English, for lists and reports.
    public let title: String
    public let shape: Shape
    public let basis: Basis
    /// A second period a deadline rule takes beside its threshold, if it has one (the pre-birth
    /// conference's clock for a late referral).
    public let secondParameter: Parameter?
    let check: @Sendable (Journey, RuleContext) -> RuleOutcome

    /// A named period in a policy file, beside `threshold` and `warning`.
    public struct Parameter: Sendable, Hashable {
        /// The key in the policy file: `late_referral`.
        public let key: String
        public let defaultValue: Period
        public let units: Set<Period.Unit>
        /// What it sets, in a phrase.
        public let meaning: String
    }

    init(
        id: String, standard: String, title: String, shape: Shape, basis: Basis, secondParameter: Parameter? = nil,
        check: @escaping @Sendable (Journey, RuleContext) -> RuleOutcome
    ) {
        self.id = id
        self.standard = standard
        self.title = title
        self.shape = shape
        self.basis = basis
        self.secondParameter = secondParameter
        self.check = check
    }

    /// Milestones after `context.asOf` are ignored: the result is the one that day would have given.
    public func evaluate(_ journey: Journey, _ context: RuleContext) -> RuleResult {
        evaluate(journeyAsOf: journey.asOf(context.asOf), context)
    }

    /// `evaluate` for a journey already cut at `context.asOf`.
    func evaluate(journeyAsOf journey: Journey, _ context: RuleContext) -> RuleResult {
        let outcome = check(journey, context)
        var result = RuleResult(
            ruleID: id, standard: standard, status: outcome.status, anchorOn: outcome.anchorOn,
            dueOn: outcome.dueOn, daysOverdue: outcome.daysOverdue, daysRemaining: outcome.daysRemaining,
            explanation: outcome.explanation
        )
        if let window = outcome.openWindow {
            (result.opensOn, result.overdueOn) = window
        } else if outcome.status == .overdue {
            // An order or pattern rule that needs action now: open since its due (or anchor) day.
            let since = outcome.dueOn ?? outcome.anchorOn ?? context.asOf
            (result.opensOn, result.overdueOn) = (since, since)
        }
        return result
    }
}

/// What a rule is evaluated with: the day, the working-day calendar and the policy's parameters.
public struct RuleContext: Sendable {
    public let asOf: CalendarDate
    public let calendar: WorkingCalendar
    /// The deadline; unused by order and pattern rules.
    public let threshold: Period
    /// How long before the deadline a result turns `due_soon`.
    public let warning: Period
    /// The rule's `secondParameter`, as the policy sets it.
    public let second: Period?

    public init(asOf: CalendarDate, calendar: WorkingCalendar, threshold: Period, warning: Period, second: Period? = nil) {
        self.asOf = asOf
        self.calendar = calendar
        self.threshold = threshold
        self.warning = warning
        self.second = second
    }
}

/// A rule's verdict before it is labelled with the rule's id and standard.
struct RuleOutcome {
    var status: RuleStatus
    var anchorOn: CalendarDate?
    var dueOn: CalendarDate?
    var daysOverdue: Int?
    var daysRemaining: Int?
    var explanation: RuleMessage
    /// For a deadline still running or passed: when it turns due soon, and when overdue.
    var openWindow: (opens: CalendarDate, overdue: CalendarDate)?

    /// Sets the sentence from a template (see `RuleMessage.say`).
    mutating func say(
        _ template: String, _ first: CalendarDate? = nil, _ second: CalendarDate? = nil, _ third: CalendarDate? = nil, n: Int? = nil, m: Int? = nil
    ) {
        explanation = .say(template, first, second, third, n: n, m: m)
    }

    init(
        status: RuleStatus, anchorOn: CalendarDate? = nil, dueOn: CalendarDate? = nil, daysOverdue: Int? = nil,
        daysRemaining: Int? = nil, message: RuleMessage
    ) {
        self.init(status: status, anchorOn: anchorOn, dueOn: dueOn, daysOverdue: daysOverdue, daysRemaining: daysRemaining, explanation: message)
    }

    init(
        status: RuleStatus, anchorOn: CalendarDate? = nil, dueOn: CalendarDate? = nil, daysOverdue: Int? = nil,
        daysRemaining: Int? = nil, message: String
    ) {
        self.init(status: status, anchorOn: anchorOn, dueOn: dueOn, daysOverdue: daysOverdue, daysRemaining: daysRemaining, explanation: RuleMessage(message))
    }

    init(
        status: RuleStatus, anchorOn: CalendarDate?, dueOn: CalendarDate?, daysOverdue: Int?, daysRemaining: Int?,
        explanation: RuleMessage
    ) {
        self.status = status
        self.anchorOn = anchorOn
        self.dueOn = dueOn
        self.daysOverdue = daysOverdue
        self.daysRemaining = daysRemaining
        self.explanation = explanation
    }

    static func notApplicable(_ message: String) -> RuleOutcome {
        RuleOutcome(status: .notApplicable, message: message)
    }

    /// An order or pattern rule whose next step can no longer happen: the journey ended first.
    /// Nothing is left pending on a journey that has ended.
    static func ended(_ ending: Milestone, before what: String) -> RuleOutcome {
        .notApplicable("The journey ended with \(ending.kind.rawValue) on \(ending.occurredOn), before \(what).")
    }

    /// The most urgent of several instances (each viability assessment, each paternity test,
    /// each link, each placement); the longest overdue wins a tie, and the earlier a full tie.
    static func mostUrgent(_ outcomes: [RuleOutcome]) -> RuleOutcome? {
        outcomes.min(by: isMoreUrgent)
    }

    /// `mostUrgent` one instance at a time, without gathering them.
    static func mostUrgent(_ best: RuleOutcome?, _ next: RuleOutcome) -> RuleOutcome {
        guard let best else { return next }
        return isMoreUrgent(next, than: best) ? next : best
    }

    private static func isMoreUrgent(_ lhs: RuleOutcome, than rhs: RuleOutcome) -> Bool {
        lhs.status != rhs.status ? lhs.status < rhs.status : (lhs.daysOverdue ?? 0) > (rhs.daysOverdue ?? 0)
    }
}

extension String {
    var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }
}
