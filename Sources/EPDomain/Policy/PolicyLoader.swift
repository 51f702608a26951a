import Yams

/// Reads a policy file (format documented in Policies/README.md) and checks it against the rule
/// catalogue. Pure: the caller reads files and hands over their text, including the bank
/// holidays file the policy names.
public enum PolicyLoader {
    /// - Parameters:
    ///   - yaml: the policy file's text.
    ///   - file: its name, for error messages.
    ///   - relatedFile: returns the text of a file named relative to the policy (its bank
    ///     holidays), or nil when there is no such file.
    public static func load(yaml: String, file: String, relatedFile: (String) -> String?) throws(PolicyLoadError) -> Policy {
        var reader = YAMLReader(file: file)
        guard let root = reader.compose(yaml),
              let top = reader.mapping(
                  root, allowed: ["id", "version", "title", "applies_to", "bank_holidays", "small_number_threshold", "rules"], what: "the policy"
              )
        else { throw PolicyLoadError(problems: reader.problems) }

        let id = reader.string(top["id"], "id", in: "the policy", parent: root)
        let version = reader.string(top["version"], "version", in: "the policy", parent: root)
        let title = reader.string(top["title"], "title", in: "the policy", parent: root)
        let appliesTo = appliesTo(top["applies_to"], &reader)
        let calendar = reader.string(top["bank_holidays"], "bank_holidays", in: "the policy", parent: root)
            .flatMap { path in bankHolidays(path, at: top["bank_holidays"]!, relatedFile: relatedFile, &reader) }
        let threshold = top["small_number_threshold"].map { smallNumberThreshold($0, &reader) } ?? Policy.nationalSmallNumberThreshold
        let rules = top["rules"].map { ruleSettings($0, &reader) } ?? {
            reader.problem("the policy needs 'rules'", at: root)
            return []
        }()

        guard reader.problems.isEmpty, let id, let version, let title, let calendar else {
            throw PolicyLoadError(problems: reader.problems)
        }
        return Policy(id: id, version: version, title: title, appliesTo: appliesTo, calendar: calendar, rules: rules, smallNumberThreshold: threshold)
    }

    /// A policy may withhold more small numbers than the default (counts from 1 to 5), never
    /// fewer.
    private static func smallNumberThreshold(_ node: Node, _ reader: inout YAMLReader) -> Int {
        let floor = Policy.nationalSmallNumberThreshold
        guard let value = node.scalar.flatMap({ Int($0.string) }), (floor...Policy.largestSmallNumberThreshold).contains(value) else {
            reader.problem(
                "'small_number_threshold' must be a whole number from \(floor) to \(Policy.largestSmallNumberThreshold): views across agencies withhold counts from 1 to it, and a policy may withhold more than counts from 1 to \(floor), never fewer",
                at: node
            )
            return floor
        }
        return value
    }

    private static func appliesTo(_ node: Node?, _ reader: inout YAMLReader) -> [String]? {
        guard let node else { return nil }
        if node.scalar?.string == "any" { return nil }
        guard let sequence = node.sequence, !sequence.isEmpty else {
            reader.problem("'applies_to' must be 'any' or a list of agency ids", at: node)
            return nil
        }
        return sequence.compactMap { item in
            guard let id = item.scalar?.string, !id.isEmpty else {
                reader.problem("'applies_to' lists agency ids as text", at: item)
                return nil
            }
            return id
        }
    }

    private static func bankHolidays(
        _ path: String, at node: Node, relatedFile: (String) -> String?, _ reader: inout YAMLReader
    ) -> WorkingCalendar? {
        guard let text = relatedFile(path) else {
            reader.problem("bank holidays file '\(path)' not found (it is read relative to the policy file)", at: node)
            return nil
        }
        do {
            return try BankHolidays.parse(yaml: text, file: path)
        } catch {
            reader.problem("bank holidays file '\(path)' is invalid: \(error.description)", at: node)
            return nil
        }
    }

    private static func ruleSettings(_ node: Node, _ reader: inout YAMLReader) -> [PolicyRule] {
        guard let sequence = node.sequence else {
            reader.problem("'rules' must be a list", at: node)
            return []
        }
        var settings: [String: PolicyRule] = [:]
        for item in sequence {
            guard let setting = rule(item, &reader) else { continue }
            if settings[setting.rule.id] != nil {
                reader.problem("rule \(setting.rule.id) is listed twice", at: item)
            }
            settings[setting.rule.id] = setting
        }
        let missing = RuleCatalogue.all.map(\.id).filter { settings[$0] == nil }
        if !missing.isEmpty {
            reader.problem("every rule must be listed (use 'enabled: false' to switch one off); missing: \(missing.joined(separator: ", "))", at: node)
        }
        return RuleCatalogue.all.compactMap { settings[$0.id] }
    }

    private static func rule(_ node: Node, _ reader: inout YAMLReader) -> PolicyRule? {
        guard let fields = reader.mapping(
            node, allowed: Set(["id", "enabled", "standard", "basis", "source", "threshold", "warning"]).union(secondParameterKeys), what: "a rule"
        ) else { return nil }
        guard let id = reader.string(fields["id"], "id", in: "a rule", parent: node) else { return nil }
        guard let rule = RuleCatalogue.rule(id: id) else {
            reader.problem("unknown rule id '\(id)'; the catalogue has \(RuleCatalogue.all.map(\.id).joined(separator: ", "))", at: fields["id"])
            return nil
        }
        var enabled = true
        if let node = fields["enabled"] {
            if let flag = node.scalar.flatMap(Bool.construct) { enabled = flag } else {
                reader.problem("\(id): 'enabled' must be true or false", at: node)
            }
        }
        if let node = fields["standard"], node.scalar?.string != rule.standard {
            reader.problem("\(id): standard is \(rule.standard), not '\(node.scalar?.string ?? "")'", at: node)
        }
        if let node = fields["basis"], node.scalar?.string != rule.basis.name {
            reader.problem("\(id): basis is \(rule.basis.name) (\(rule.basis.source)), not '\(node.scalar?.string ?? "")'", at: node)
        }
        // What the law requires is not a local choice: a statutory rule stays on.
        if case .statutory(let source) = rule.basis, !enabled {
            reader.problem("\(id) is statutory (\(source)): a policy cannot switch it off", at: fields["enabled"])
        }
        for key in secondParameterKeys where key != rule.secondParameter?.key && fields[key] != nil {
            reader.problem("\(id) takes no \(key)", at: fields[key])
        }
        guard case .deadline(let defaultThreshold, let defaultWarning, let units) = rule.shape else {
            for key in ["threshold", "warning"] where fields[key] != nil {
                reader.problem("\(id) (\(rule.shape.name) rule) takes no \(key)", at: fields[key])
            }
            return PolicyRule(rule: rule, enabled: enabled, threshold: nil, warning: nil)
        }
        let threshold = fields["threshold"].flatMap { period($0, of: id, key: "threshold", units: units, minimum: 1, &reader) } ?? defaultThreshold
        let warning = fields["warning"].flatMap { period($0, of: id, key: "warning", units: Set(Period.Unit.allCases), minimum: 0, &reader) } ?? defaultWarning
        let second = rule.secondParameter.map { parameter in
            fields[parameter.key].flatMap { period($0, of: id, key: parameter.key, units: parameter.units, minimum: 1, &reader) } ?? parameter.defaultValue
        }
        if case .statutory(let source) = rule.basis, threshold != defaultThreshold {
            reader.problem("\(id) is statutory (\(source)): its length is \(defaultThreshold) and a policy cannot change it; only its warning is local", at: fields["threshold"])
        }
        // A warning window as long as the threshold would show the alert as due soon from the
        // day its clock starts.
        if warning.isNeverShorter(than: threshold) {
            reader.problem(
                "\(id): the warning (\(warning)) must be shorter than the threshold (\(threshold))",
                at: fields["warning"] ?? fields["threshold"]
            )
        }
        return PolicyRule(rule: rule, enabled: enabled, threshold: threshold, warning: warning, second: second)
    }

    /// The keys of every catalogue rule's second parameter (`late_referral`).
    private static let secondParameterKeys = Set(RuleCatalogue.all.compactMap(\.secondParameter?.key))

    /// `20 working_days`, `26 weeks`, `4 months`, `42 days`.
    private static func period(
        _ node: Node, of id: String, key: String, units: Set<Period.Unit>, minimum: Int, _ reader: inout YAMLReader
    ) -> Period? {
        let parts = (node.scalar?.string ?? "").split(separator: " ")
        let allowed = Period.Unit.allCases.filter(units.contains).map(\.rawValue).joined(separator: ", ")
        guard parts.count == 2, let value = Int(parts[0]) else {
            reader.problem("\(id): \(key) must be a whole number and a unit, e.g. '20 working_days' (units: \(allowed))", at: node)
            return nil
        }
        guard let unit = Period.Unit(rawValue: String(parts[1])) else {
            reader.problem("\(id): unknown unit '\(parts[1])' for \(key); use \(allowed)", at: node)
            return nil
        }
        guard units.contains(unit) else {
            reader.problem("\(id): \(key) is counted in \(allowed) only, not \(unit.rawValue)", at: node)
            return nil
        }
        guard value >= minimum else {
            reader.problem("\(id): \(key) must be at least \(minimum), got \(value)", at: node)
            return nil
        }
        return Period(value, unit)
    }
}
