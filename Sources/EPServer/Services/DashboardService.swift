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
        return DashboardBuilder.build(cases: try await store.allCases(in: scope), policy: policy, request: request)
    }
}
