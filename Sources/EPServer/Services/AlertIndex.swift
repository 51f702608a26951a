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

    static let settingKey = "alert_index_policy"

    /// The revision of the rules' logic the index was built with: bump it with any change to
    /// what a rule computes (a clock's start, an episode's reading), so that every deployment
    /// rebuilds its index on its next start, as it does when the policy's thresholds change.
    /// 2: the rules of issue 15 (decisions only, recurring episodes, the 26-week arithmetic).
    /// 3: S4-entry-to-family ends its wait for a match at an adoption order or a closure.
    /// 4: S4-reg25a-timely waits while the child is unborn or not looked after; S4-adm-after-panel
    /// reads each panel as its own episode; the standing match is the latest approved;
    /// S4-entry-to-family waits while the child lives at home under an interim order.
    static let rulesRevision = 4

    /// Rebuilds every case's derived data (entries, state, digest) when the policy in force, or
    /// the rules' logic, is not the one they were built with (a new threshold or clock moves due
    /// dates). Runs at start, before requests are served.
    public static func rebuildIfPolicyChanged(store: any Store, policy: Policy, clock: Clock, logger: Logger) async throws {
        let marker = "\(policy.id)@\(policy.version)+rules\(rulesRevision)"
        guard try await store.setting(settingKey) != marker else { return }
        var after: UUID?
        var count = 0
        while true {
            let ids = try await store.caseIDs(after: after, limit: 200)
            guard let last = ids.last else { break }
            for subject in try await store.findCases(ids: ids) {
                // All of it, as a write works it out: the rules' revision can change the state too
                // (a return home before the final hearing is still in proceedings).
                _ = try await store.replaceDerived(
                    caseID: subject.id, expectedVersion: subject.version,
                    derived: policy.derive(caseID: subject.id, journey: subject.journey, asOf: clock.today).derived
                )
            }
            count += ids.count
            after = last
        }
        try await store.setSetting(settingKey, to: marker)
        if count > 0 { logger.info("rebuilt the alert index for the policy in force", metadata: ["policy": .string(marker), "cases": .stringConvertible(count)]) }
    }
}
