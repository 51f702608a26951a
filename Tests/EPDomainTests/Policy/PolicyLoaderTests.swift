import EPDomain
import Foundation
import Testing

/// The shipped policy loads; every malformed variant of it is refused with its reason and, where
/// the YAML gives one, its line. Variants are made by editing the shipped text.
@Suite struct PolicyLoaderTests {
    static let shipped: String = {
        (try? String(contentsOf: Policies.folder.appendingPathComponent("england-default.yaml"), encoding: .utf8)) ?? ""
    }()

    /// The shipped text with `old` (which must occur exactly once) replaced by `new`.
    func variant(_ old: String, _ new: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        let parts = Self.shipped.components(separatedBy: old)
        #expect(parts.count == 2, "'\(old)' should occur once in the shipped policy", sourceLocation: sourceLocation)
        return parts.joined(separator: new)
    }

    /// The 1-based line of the first line of `text` containing `needle`.
    func line(of needle: String, in text: String) -> Int? {
        text.components(separatedBy: "\n").firstIndex { $0.contains(needle) }.map { $0 + 1 }
    }

    /// The problems a variant is refused with (none, and a test issue, if it loads).
    func problems(_ yaml: String, sourceLocation: SourceLocation = #_sourceLocation) -> [PolicyLoadError.Problem] {
        do {
            _ = try Policies.load(yaml: yaml)
            Issue.record("expected the policy to be refused", sourceLocation: sourceLocation)
            return []
        } catch {
            return error.problems
        }
    }

    /// Asserts that exactly one problem mentions `reason`, on `line`.
    func expectProblem(
        _ problems: [PolicyLoadError.Problem], _ reason: String, line: Int?, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let matching = problems.filter { $0.reason.contains(reason) }
        #expect(matching.count == 1, "one problem should mention '\(reason)'; got \(problems)", sourceLocation: sourceLocation)
        #expect(matching.first?.line == line, "line of '\(reason)'", sourceLocation: sourceLocation)
        #expect(matching.first?.file == "test-policy.yaml", sourceLocation: sourceLocation)
    }

    // MARK: The shipped policy

    @Test func theShippedPolicyLoadsEveryRuleInCatalogueOrder() throws {
        let policy = try Policies.load(yaml: Self.shipped)
        #expect(policy.id == "england-default")
        #expect(policy.version == "2026.2")
        #expect(policy.appliesTo == nil)
        #expect(policy.rules.count == 18)
        #expect(policy.rules.map(\.rule.id) == RuleCatalogue.all.map(\.id))
        #expect(policy.rules.allSatisfy { $0.enabled })
        #expect(policy.rules.first { $0.rule.id == "S2-ep-considered-early" }?.threshold == Period(20, .workingDays))
        #expect(policy.rules.first { $0.rule.id == "S4-formal-match-timely" }?.threshold == Period(4, .months))
        #expect(policy.rules.first { $0.rule.id == "S2-ep-before-issue" }?.threshold == nil)
        #expect(policy.rules.first { $0.rule.id == "S2-prebirth-conference-timely" }?.second == Period(10, .workingDays))
        #expect(policy.rules.first { $0.rule.id == "S2-ep-ready-before-birth" }?.threshold == Period(36, .weeks))
        #expect(policy.calendar.bankHolidays.contains(.day("2026-12-28")))
        #expect(policy.smallNumberThreshold == 5)
    }

    @Test func aPolicyMayWithholdMoreSmallNumbersNeverFewer() throws {
        #expect(try Policies.load(yaml: variant("small_number_threshold: 5", "small_number_threshold: 10")).smallNumberThreshold == 10)
        #expect(try Policies.load(yaml: variant("small_number_threshold: 5\n", "")).smallNumberThreshold == 5, "5 when not set")
        for refused in ["3", "21", "five", "7.5"] {
            let yaml = variant("small_number_threshold: 5", "small_number_threshold: \(refused)")
            expectProblem(problems(yaml), "'small_number_threshold' must be a whole number from 5 to 20", line: line(of: "small_number_threshold: \(refused)", in: yaml))
        }
    }

    @Test func theCatalogueMatchesDesignSectionSix() {
        #expect(RuleCatalogue.all.map(\.id) == [
            "S2-ep-considered-early", "S2-ep-before-issue", "S2-viability-timely", "S2-sequential-planning",
            "S2-prebirth-conference-timely", "S2-ep-ready-before-birth", "S2-paternity-prompt", "S2-parents-informed", "S2-26-weeks",
            "S4-reg25a-timely", "S4-approval-before-placement", "S4-placement-after-recommendation", "S4-avoidable-move",
            "S4-family-time-plan", "S4-formal-match-timely", "S4-adm-after-panel", "S4-entry-to-family", "S7-reunification-planned",
        ])
        #expect(RuleCatalogue.all.filter { $0.basis.name == "statutory" }.map(\.id) == ["S2-26-weeks", "S4-approval-before-placement"])
        #expect(RuleCatalogue.rule(id: "S2-26-weeks")?.basis.source.contains("s.32(1)(a)(ii), (5) and (8)") == true)
        #expect(RuleCatalogue.rule(id: "S2-ep-considered-early")?.basis.source.contains("s.22C(9A)-(9C)") == true)
        #expect(RuleCatalogue.rule(id: "S2-ep-before-issue")?.shape == .order)
        #expect(RuleCatalogue.rule(id: "S4-avoidable-move")?.shape == .pattern)
        #expect(RuleCatalogue.rule(id: "S7-reunification-planned")?.shape == .order)
        #expect(RuleCatalogue.rule(id: "S2-paternity-test") == nil)
    }

    // MARK: Refused

    @Test func refusesAnUnknownRuleID() {
        let yaml = variant("- id: S2-paternity-prompt", "- id: S2-paternity-test")
        let found = problems(yaml)
        expectProblem(found, "unknown rule id 'S2-paternity-test'", line: line(of: "S2-paternity-test", in: yaml))
        // …and the real rule is then missing.
        #expect(found.contains { $0.reason.contains("missing: S2-paternity-prompt") })
    }

    @Test func refusesANegativeThreshold() {
        let yaml = variant("threshold: 28 days", "threshold: -28 days")
        expectProblem(problems(yaml), "S2-paternity-prompt: threshold must be at least 1, got -28", line: line(of: "-28 days", in: yaml))
    }

    @Test func refusesAZeroThreshold() {
        let yaml = variant("threshold: 14 days", "threshold: 0 days")
        expectProblem(problems(yaml), "S4-placement-after-recommendation: threshold must be at least 1, got 0", line: line(of: "0 days", in: yaml))
    }

    @Test func refusesAnUnknownUnit() {
        let yaml = variant("threshold: 20 working_days", "threshold: 20 fortnights")
        expectProblem(problems(yaml), "unknown unit 'fortnights'", line: line(of: "fortnights", in: yaml))
    }

    @Test func refusesAThresholdThatIsNotANumberAndAUnit() {
        let yaml = variant("threshold: 42 days", "threshold: six weeks")
        expectProblem(problems(yaml), "S2-viability-timely: threshold must be a whole number and a unit", line: line(of: "six weeks", in: yaml))
    }

    @Test func refusesMonthsForThePreBirthConferenceWhichCountsWeeksOfPregnancy() {
        let yaml = variant("threshold: 30 weeks   # the week of pregnancy by which the conference is held", "threshold: 7 months")
        expectProblem(problems(yaml), "threshold is counted in weeks only, not months", line: line(of: "7 months", in: yaml))
    }

    @Test func refusesADuplicateRule() {
        let block = """
              - id: S4-adm-after-panel
                threshold: 10 working_days

            """
        let yaml = Self.shipped + "\n" + block
        let lastLine = yaml.components(separatedBy: "\n").lastIndex { $0.contains("- id: S4-adm-after-panel") }.map { $0 + 1 }
        expectProblem(problems(yaml), "rule S4-adm-after-panel is listed twice", line: lastLine)
    }

    @Test func refusesAMissingRule() {
        let yaml = variant("""
              - id: S4-avoidable-move
                standard: "S1.3, S4"
                basis: local_default
                source: National EP Practice Standards S1.3 and S4

            """, "")
        // Reported on the rules list, which starts with its first item.
        expectProblem(problems(yaml), "missing: S4-avoidable-move", line: line(of: "- id: S2-ep-considered-early", in: yaml))
    }

    @Test func refusesAThresholdOnAnOrderRule() {
        let yaml = variant("source: National EP Practice Standards S2.4\n", "source: National EP Practice Standards S2.4\n    threshold: 10 days\n")
        expectProblem(problems(yaml), "S2-ep-before-issue (order rule) takes no threshold", line: line(of: "10 days", in: yaml))
    }

    @Test func refusesAChangedStatutoryTwentySixWeeks() {
        let yaml = variant("threshold: 26 weeks", "threshold: 30 weeks")
        let target = yaml.components(separatedBy: "\n").firstIndex { $0.contains("threshold: 30 weeks   # statutory") }.map { $0 + 1 }
        let found = problems(yaml)
        #expect(found.count == 1)
        expectProblem(found, "S2-26-weeks is statutory (Children Act 1989 s.32(1)(a)(ii), (5) and (8)", line: target)
    }

    /// One clear line naming the rule and the statute.
    @Test func refusesSwitchingOffTheStatutoryTwentySixWeeks() {
        let yaml = variant("  - id: S2-26-weeks\n", "  - id: S2-26-weeks\n    enabled: false\n")
        let found = problems(yaml)
        #expect(found.count == 1)
        expectProblem(found, "S2-26-weeks is statutory (Children Act 1989 s.32(1)(a)(ii), (5) and (8), as amended by the Children and Families Act 2014 s.14): a policy cannot switch it off", line: line(of: "enabled: false", in: yaml))
    }

    @Test func refusesSwitchingOffTheStatutoryApprovalBeforePlacement() {
        let yaml = variant("  - id: S4-approval-before-placement\n", "  - id: S4-approval-before-placement\n    enabled: false\n")
        expectProblem(problems(yaml), "S4-approval-before-placement is statutory (Children Act 1989 s.22C(6)(b)", line: line(of: "enabled: false", in: yaml))
    }

    @Test func refusesALateReferralOnARuleWithoutOne() {
        let yaml = variant("    threshold: 36 weeks", "    threshold: 36 weeks\n    late_referral: 5 working_days")
        expectProblem(problems(yaml), "S2-ep-ready-before-birth takes no late_referral", line: line(of: "late_referral: 5 working_days", in: yaml))
    }

    @Test func refusesAZeroLateReferral() {
        let yaml = variant("late_referral: 10 working_days", "late_referral: 0 working_days")
        expectProblem(problems(yaml), "S2-prebirth-conference-timely: late_referral must be at least 1, got 0", line: line(of: "late_referral: 0", in: yaml))
    }

    @Test func refusesMarkingTheStatutoryRuleAsALocalDefault() {
        let yaml = variant("basis: statutory\n    source: Children Act 1989 s.32", "basis: local_default   # changed\n    source: Children Act 1989 s.32")
        expectProblem(problems(yaml), "S2-26-weeks: basis is statutory", line: line(of: "# changed", in: yaml))
    }

    @Test func refusesTheWrongStandard() {
        let yaml = variant("standard: \"S4.1\"", "standard: \"S4.2\"")
        expectProblem(problems(yaml), "S4-placement-after-recommendation: standard is S4.1, not 'S4.2'", line: line(of: "\"S4.2\"", in: yaml))
    }

    @Test func refusesAnUnknownTopLevelKey() {
        let yaml = variant("applies_to: any\n", "applies_to: any\nowner: Northshire children's services\n")
        expectProblem(problems(yaml), "unknown key 'owner' in the policy", line: line(of: "owner:", in: yaml))
    }

    @Test func refusesAnUnknownKeyInARule() {
        let yaml = variant("    threshold: 42 days\n", "    threshold: 42 days\n    escalate_to: head of service\n")
        expectProblem(problems(yaml), "unknown key 'escalate_to' in a rule", line: line(of: "escalate_to", in: yaml))
    }

    @Test func refusesInvalidYAML() {
        // A plain value continued on a more indented line, then a colon: not valid YAML.
        let yaml = variant("id: england-default\n", "id: england-default\n  owner: Northshire\n")
        let found = problems(yaml)
        #expect(found.count == 1)
        expectProblem(found, "not valid YAML", line: line(of: "owner: Northshire", in: yaml))
    }

    @Test func refusesAnEmptyFile() {
        expectProblem(problems(""), "the file is empty", line: nil)
    }

    @Test func refusesAMissingBankHolidaysFile() {
        let yaml = variant("bank_holidays: bank-holidays/england-and-wales.yaml", "bank_holidays: bank-holidays/scotland.yaml")
        expectProblem(problems(yaml), "bank holidays file 'bank-holidays/scotland.yaml' not found", line: line(of: "bank_holidays:", in: yaml))
    }

    @Test func reportsEveryProblemAtOnce() {
        let yaml = variant("threshold: 28 days", "threshold: -28 days")
            .replacingOccurrences(of: "threshold: 20 working_days", with: "threshold: 20 fortnights")
        let found = problems(yaml)
        #expect(found.count == 2)
    }

    // MARK: Accepted changes

    /// VA-1 started Wed 2025-03-05, completed Thu 2025-04-10. With the default 42 days it was due
    /// 2025-04-16 (met); with a local 28 days it was due 2025-04-02 and is 8 days late.
    @Test func aLocalThresholdIsAcceptedAndChangesTheResult() throws {
        let local = try Policies.load(yaml: variant("threshold: 42 days", "threshold: 28 days"))
        #expect(local.rules.first { $0.rule.id == "S2-viability-timely" }?.threshold == Period(28, .days))

        var builder = JourneyBuilder(reference: "EP-2025-080", profile: ChildProfile(sex: .female, ethnicity: .WBRI))
        builder.record(.birth, "2025-02-01")
        builder.record(.viabilityAssessment, "2025-03-05", .viabilityStarted("VA-1", .maternalFamily))
        builder.record(.viabilityAssessment, "2025-04-10", .viabilityCompleted("VA-1", .maternalFamily, .negative))
        expectResult(builder.result("S2-viability-timely", asOf: "2025-04-20"), .met, anchor: "2025-03-05", due: "2025-04-16")
        expectResult(builder.result("S2-viability-timely", asOf: "2025-04-20", policy: local), .late, anchor: "2025-03-05", due: "2025-04-02", overdue: 8)
    }

    @Test func aLocalWarningWindowIsAccepted() throws {
        // Warn 14 days ahead instead of 7: VA-1 (due 2025-04-16) is due soon from 2025-04-02.
        let local = try Policies.load(yaml: variant("warning: 7 days\n\n  - id: S2-sequential-planning", "warning: 14 days\n\n  - id: S2-sequential-planning"))
        var builder = JourneyBuilder(reference: "EP-2025-081", profile: ChildProfile(sex: .male, ethnicity: .WBRI))
        builder.record(.birth, "2025-02-01")
        builder.record(.viabilityAssessment, "2025-03-05", .viabilityStarted("VA-1", .maternalFamily))
        #expect(builder.result("S2-viability-timely", asOf: "2025-04-02", policy: local).status == .dueSoon)
        #expect(builder.result("S2-viability-timely", asOf: "2025-04-02").status == .pending)
    }

    @Test func refusesAWarningAsLongAsTheThreshold() {
        let yaml = variant("warning: 4 weeks\n", "warning: 26 weeks\n")
        expectProblem(problems(yaml), "S2-26-weeks: the warning (26 weeks) must be shorter than the threshold (26 weeks)",
                      line: line(of: "warning: 26 weeks", in: yaml))
    }

    @Test func refusesAWarningLongerThanTheThresholdInAnotherUnit() {
        // 20 working days are at least 20 calendar days; 2 weeks are 14.
        let yaml = variant("S6.3\n    threshold: 5 working_days\n    warning: 2 working_days", "S6.3\n    threshold: 2 weeks\n    warning: 20 working_days")
        expectProblem(problems(yaml), "S4-family-time-plan: the warning (20 working_days) must be shorter than the threshold (2 weeks)",
                      line: line(of: "warning: 20 working_days", in: yaml))
    }

    @Test func aWarningThatMayBeShorterThanTheThresholdIsAccepted() throws {
        // A month is 28 to 31 days: a 4-week warning is shorter than a month in every month but February.
        _ = try Policies.load(yaml: variant("threshold: 4 months\n    warning: 1 months", "threshold: 1 months\n    warning: 4 weeks"))
        // 5 working days span 5 to 7 calendar days or more.
        _ = try Policies.load(yaml: variant("S6.3\n    threshold: 5 working_days\n    warning: 2 working_days", "S6.3\n    threshold: 5 working_days\n    warning: 5 days"))
    }

    @Test func periodsSpanTheirCalendarDays() {
        #expect(Period(3, .days).calendarDays == 3...3)
        #expect(Period(2, .weeks).calendarDays == 14...14)
        #expect(Period(2, .months).calendarDays == 56...62)
        #expect(Period(5, .workingDays).calendarDays == 5...17)
        #expect(Period(20, .workingDays).calendarDays == 20...38)
        #expect(Period(20, .workingDays).isNeverShorter(than: Period(2, .weeks)))
        #expect(!Period(4, .weeks).isNeverShorter(than: Period(1, .months)))
        #expect(Period(31, .days).isNeverShorter(than: Period(1, .months)))
    }

    @Test func aDisabledRuleIsAbsentFromTheResults() throws {
        let local = try Policies.load(yaml: variant("  - id: S2-paternity-prompt\n", "  - id: S2-paternity-prompt\n    enabled: false\n"))
        #expect(local.rules.first { $0.rule.id == "S2-paternity-prompt" }?.enabled == false)

        var builder = JourneyBuilder(reference: "EP-2025-082", profile: ChildProfile(sex: .male, ethnicity: .WBRI))
        builder.record(.birth, "2025-01-02")
        builder.record(.paternityTest, "2025-01-20", .paternityRequested)
        let results = local.evaluate(builder.journey, asOf: .day("2025-03-01"))
        #expect(results.count == 17)
        #expect(!results.contains { $0.ruleID == "S2-paternity-prompt" })
        #expect(Policies.england.evaluate(builder.journey, asOf: .day("2025-03-01")).contains { $0.ruleID == "S2-paternity-prompt" })
    }

    @Test func refusesEnabledThatIsNotABoolean() {
        let yaml = variant("  - id: S2-paternity-prompt\n", "  - id: S2-paternity-prompt\n    enabled: sometimes\n")
        expectProblem(problems(yaml), "S2-paternity-prompt: 'enabled' must be true or false", line: line(of: "sometimes", in: yaml))
    }
}
