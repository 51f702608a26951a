import EPDomain
import Foundation
import Testing

/// Short names for the details the dashboard tests record beyond the shared ones in Support/.
extension MilestoneDetails {
    static func session(_ status: FamilyTimeStatus) -> MilestoneDetails { .familyTime(status: status, supervised: true) }
    static func court(_ outcome: CourtOutcome) -> MilestoneDetails { .courtDecision(outcome: outcome) }
}

extension CalendarDate {
    /// The first day of the quarter `offset` quarters after 2024-Q1 (0 is 1 January 2024).
    static func quarterStart(_ offset: Int) -> CalendarDate {
        CalendarDate(year: 2024 + offset / 4, month: offset % 4 * 3 + 1, day: 1)!
    }
}

extension ChildProfile {
    static func child(_ sex: Sex, _ ethnicity: Ethnicity, siblings: Int = 1, disability: Bool = false) -> ChildProfile {
        ChildProfile(sex: sex, ethnicity: ethnicity, siblingGroupSize: siblings, disability: disability)
    }

    static func unborn(_ ethnicity: Ethnicity, expected month: String, siblings: Int = 1, disability: Bool = false) -> ChildProfile {
        ChildProfile(
            sex: .notKnown, ethnicity: ethnicity, siblingGroupSize: siblings, disability: disability,
            unborn: true, expectedBirthMonth: YearMonth(iso: month)!
        )
    }
}

extension Policies {
    /// The shipped England policy with every rule but `keep` switched off, so that rule
    /// compliance on a hand-worked set can be worked out by hand. Made in code: a policy file may
    /// not switch the statutory rules off (docs/design.md §3.8).
    static func englandWithOnly(_ keep: Set<String>) throws -> Policy {
        let shipped = try load()
        return Policy(
            id: shipped.id, version: shipped.version, title: shipped.title, appliesTo: shipped.appliesTo, calendar: shipped.calendar,
            rules: shipped.rules.map { setting in
                PolicyRule(rule: setting.rule, enabled: keep.contains(setting.rule.id), threshold: setting.threshold, warning: setting.warning, second: setting.second)
            }
        )
    }
}

extension Dashboard {
    /// The one figure with these labels; records an issue when there is none or more than one.
    func figure(
        _ name: String, _ breakdown: String, period: String = "", _ statistic: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> Figure? {
        let found = figures.filter { $0.name == name && $0.breakdown == breakdown && $0.period == period && $0.statistic == statistic }
        if found.count != 1 {
            Issue.record("expected one \(name) [\(breakdown)] [\(period)] \(statistic), found \(found.count)", sourceLocation: sourceLocation)
        }
        return found.first
    }

    /// A count figure's value as a whole number (nil when withheld).
    func count(
        _ name: String, _ breakdown: String = "", period: String = "", _ statistic: String = "count",
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> Int? {
        figure(name, breakdown, period: period, statistic, sourceLocation: sourceLocation)?.value.map { Int($0) }
    }
}

/// A small deterministic generator (SplitMix64), so a property test's datasets are the same on
/// every run and a failure can be replayed from its seed.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

extension DashboardTally {
    /// The tally of `cases`, as `DashboardBuilder.build(cases:policy:request:)` counts them.
    init(_ cases: [Case], policy: Policy, request: DashboardRequest) {
        self.init(policy: policy, request: request)
        for subject in cases { add(subject.journey) }
    }
}

extension DisclosureProperties.SuppressionPropertyTests {
    /// `size` journeys drawn from the pool.
    static func cases(_ size: Int, using generator: inout SeededGenerator) -> [Case] {
        (0..<size).map { _ in pool.randomElement(using: &generator)! }
    }
}
