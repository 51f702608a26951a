/// A versioned set of rule thresholds (a file in Policies/). A policy changes thresholds and
/// switches rules on or off (statutory rules stay on, with their statutory length); the logic of
/// each rule is the catalogue's and never changes.
public struct Policy: Sendable {
    public let id: String
    public let version: String
    public let title: String
    /// Agency ids that may adopt this policy; nil means any agency.
    public let appliesTo: [String]?
    public let calendar: WorkingCalendar
    /// Every catalogue rule, in catalogue order, with this policy's parameters.
    public let rules: [PolicyRule]
    /// Views across agencies withhold every count from 1 to this (and what would give one away).
    public let smallNumberThreshold: Int

    /// Counts from 1 to 5 withheld: eptrack's default, and the least a policy may set.
    public static let nationalSmallNumberThreshold = 5
    /// The most a policy may set: beyond it an RAA's quarterly figures would be mostly withheld.
    public static let largestSmallNumberThreshold = 20

    public init(
        id: String, version: String, title: String, appliesTo: [String]?, calendar: WorkingCalendar, rules: [PolicyRule],
        smallNumberThreshold: Int = Policy.nationalSmallNumberThreshold
    ) {
        self.id = id
        self.version = version
        self.title = title
        self.appliesTo = appliesTo
        self.calendar = calendar
        self.rules = rules
        self.smallNumberThreshold = smallNumberThreshold
    }

    /// Every enabled rule's result for the journey on `asOf`, from the milestones that had occurred
    /// by then. Pure and deterministic.
    public func evaluate(_ journey: Journey, asOf: CalendarDate) -> [RuleResult] {
        let journey = journey.asOf(asOf)
        // Sized once and filled in place: results are large values, and every copy is a memmove.
        var results: [RuleResult] = []
        results.reserveCapacity(rules.count)
        for index in rules.indices where rules[index].enabled {
            results.append(rules[index].rule.evaluate(journeyAsOf: journey, context(for: rules[index], asOf: asOf)))
        }
        return results
    }

    /// One enabled rule's result, or nil when the policy does not have it in force.
    public func evaluate(_ journey: Journey, asOf: CalendarDate, ruleID: String) -> RuleResult? {
        guard let setting = rules.first(where: { $0.rule.id == ruleID && $0.enabled }) else { return nil }
        return setting.rule.evaluate(journey, context(for: setting, asOf: asOf))  // the rule leaves out later milestones
    }

    func context(for setting: PolicyRule, asOf: CalendarDate) -> RuleContext {
        RuleContext(
            asOf: asOf, calendar: calendar, threshold: setting.threshold ?? Period(0, .days),
            warning: setting.warning ?? Period(0, .days), second: setting.second
        )
    }
}

/// The enabled rules ready to give their outcomes on one day, in policy order, for counting:
/// a dashboard counts millions of statuses by their due days and reads none of their messages.
/// Built once per count, so that a journey's count makes no rule contexts (each holds the
/// calendar, whose reference counts the threads of a parallel count would otherwise contend for).
struct DayChecks: Sendable {
    let asOf: CalendarDate
    private let checks: [@Sendable (Journey, RuleContext) -> RuleOutcome]
    private let contexts: [RuleContext]

    init(_ policy: Policy, asOf: CalendarDate) {
        self.asOf = asOf
        let enabled = policy.rules.filter(\.enabled)
        checks = enabled.map(\.rule.check)
        contexts = enabled.map { policy.context(for: $0, asOf: asOf) }
    }

    func forEachOutcome(_ journey: Journey, _ body: (_ position: Int, RuleOutcome) -> Void) {
        let journey = journey.asOf(asOf)
        for position in checks.indices {
            body(position, checks[position](journey, contexts[position]))
        }
    }
}

/// One rule as a policy sets it.
public struct PolicyRule: Sendable {
    public let rule: Rule
    public let enabled: Bool
    /// Deadline rules only.
    public let threshold: Period?
    /// Deadline rules only: how long before the deadline a result turns `due_soon`.
    public let warning: Period?
    /// The rule's `secondParameter` (`Rule.Parameter.key` in the file), for a rule that has one.
    public let second: Period?

    public init(rule: Rule, enabled: Bool, threshold: Period?, warning: Period?, second: Period? = nil) {
        self.rule = rule
        self.enabled = enabled
        self.threshold = threshold
        self.warning = warning
        self.second = second
    }
}
