import EPDomain
import EPStore
import Foundation

/// Leaders' figures over the cases they may see.
public struct DashboardService: Sendable {
    let store: any Store
    let policy: Policy
    let clock: Clock

    public init(store: any Store, policy: Policy, clock: Clock) {
        self.store = store
        self.policy = policy
        self.clock = clock
    }

    /// Exact figures only for an LA looking at its own cases; any view that spans more than one
    /// agency (an RAA or VAA, which always sees other agencies' cases) suppresses small numbers.
    public func summary(
        by caller: Caller, from: CalendarDate, to: CalendarDate, localAuthority: String?, asOf: CalendarDate?, requestID: String?
    ) async throws -> Dashboard {
        try require(caller.role == .leader, caller, "read dashboards")
        guard from <= to else { throw ServiceError.badParameter(field: "to", detail: "to must not be before from") }
        guard from.days(until: to) <= 366 * 10 else {
            throw ServiceError.badParameter(field: "from", detail: "a dashboard covers at most ten years")
        }
        var scope = caller.visibleLocalAuthorities
        if let localAuthority { scope = scope.intersection([localAuthority]) }
        try await store.recordAudit(AuditEvent(caller, "dashboard.read", at: clock.stamp, requestID: requestID))
        let exact = caller.agencyType == .la && scope == [caller.agency]
        let request = DashboardRequest(from: from, to: to, asOf: asOf ?? clock.today, suppressSmallNumbers: !exact)
        let digests = try await store.journeyDigests(in: scope)
        return DashboardBuilder.build(try await Self.tally(digests, policy: policy, request: request))
    }

    /// Journeys per part below which splitting the count costs more than it saves.
    static let journeysPerPart = 2_000

    /// Reads and counts the journeys in one part per core, then merges the parts (in order, so
    /// the result does not depend on which finished first). A national view is 200,000 journeys.
    static func tally(_ digests: [JourneyDigest], policy: Policy, request: DashboardRequest) async throws -> DashboardTally {
        let parts = max(1, min(ProcessInfo.processInfo.activeProcessorCount, digests.count / journeysPerPart))
        let size = (digests.count + parts - 1) / parts
        let tallies = try await withThrowingTaskGroup(of: (Int, DashboardTally).self) { group in
            for part in 0..<parts {
                let slice = digests[min(part * size, digests.count)..<min((part + 1) * size, digests.count)]
                group.addTask {
                    var tally = DashboardTally(policy: policy, request: request)
                    var reader = JourneyDigest.Reader()
                    for digest in slice { tally.add(try reader.journey(digest)) }
                    return (part, tally)
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        var total = DashboardTally(policy: policy, request: request)
        for (_, tally) in tallies.sorted(by: { $0.0 < $1.0 }) { total.merge(tally) }
        return total
    }
}
