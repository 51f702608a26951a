/// One catalogue rule's clock, with the policy's parameters, on the dashboard's as-of day. A
/// rate asks it whether a child's outcome is still to come: the rule's clock has not started or
/// has not run out (`pending` or `due_soon`), so the child is neither a success nor a failure
/// yet. The policy's threshold applies whether or not the policy has the rule switched on (the
/// figure is not a compliance figure); a policy without the rule gets the catalogue's default.
struct RuleClock: Sendable {
    private let check: @Sendable (Journey, RuleContext) -> RuleOutcome
    private let context: RuleContext

    init(_ rule: Rule, policy: Policy, asOf: CalendarDate) {
        check = rule.check
        let setting = policy.rules.first { $0.rule.id == rule.id } ?? Self.defaults(rule)
        context = policy.context(for: setting, asOf: asOf)
    }

    /// Whether the outcome for `journey` (already cut at the as-of day) is still to come.
    func isRunning(_ journey: Journey) -> Bool {
        let status = check(journey, context).status
        return status == .pending || status == .dueSoon
    }

    /// The rule's result for `journey` (already cut at the as-of day).
    func status(_ journey: Journey) -> RuleStatus { check(journey, context).status }

    private static func defaults(_ rule: Rule) -> PolicyRule {
        guard case .deadline(let threshold, let warning, _) = rule.shape else {
            return PolicyRule(rule: rule, enabled: false, threshold: nil, warning: nil)
        }
        return PolicyRule(rule: rule, enabled: false, threshold: threshold, warning: warning, second: rule.secondParameter?.defaultValue)
    }
}
