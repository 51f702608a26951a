import EPDomain
import EPStore
import Foundation
import Logging

/// Keeps the store's alert index (where each case's rules stand if nothing more is recorded)
/// in step with the journeys and the policy in force.
public enum AlertIndex {
    static func entries(caseID: UUID, _ results: [RuleResult]) -> [AlertIndexEntry] {
        results.compactMap { result in
            guard let opens = result.opensOn, let overdue = result.overdueOn, let due = result.dueOn else { return nil }
            return AlertIndexEntry(caseID: caseID, ruleID: result.ruleID, opensOn: opens, overdueOn: overdue, dueOn: due)
        }
    }

    static func entries(for subject: Case, policy: Policy, asOf: CalendarDate) -> [AlertIndexEntry] {
        entries(caseID: subject.id, policy.evaluate(subject.journey, asOf: asOf))
    }

    static let settingKey = "alert_index_policy"

    /// Rebuilds every case's entries when the policy in force is not the one the index was
    /// built with (a new threshold moves due dates). Runs at start, before requests are served.
    public static func rebuildIfPolicyChanged(store: any Store, policy: Policy, clock: Clock, logger: Logger) async throws {
        let marker = "\(policy.id)@\(policy.version)"
        guard try await store.setting(settingKey) != marker else { return }
        var after: UUID?
        var count = 0
        while true {
            let ids = try await store.caseIDs(after: after, limit: 200)
            guard let last = ids.last else { break }
            for subject in try await store.findCases(ids: ids) {
                try await store.replaceAlertIndex(caseID: subject.id, with: entries(for: subject, policy: policy, asOf: clock.today))
            }
            count += ids.count
            after = last
        }
        try await store.setSetting(settingKey, to: marker)
        if count > 0 { logger.info("rebuilt the alert index for the policy in force", metadata: ["policy": .string(marker), "cases": .stringConvertible(count)]) }
    }
}
