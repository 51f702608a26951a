import EPDomain
import EPStore
import Foundation

/// Leaders' figures over the cases they may see.
public struct DashboardService: Sendable {
    let store: any Store
    let policy: Policy
    let clock: Clock
    let heavy: HeavyWork
    /// Journeys per batch: enough that counting one is worth a task, few enough that the
    /// counting of the first batches overlaps the reading of the rest.
    let batch: Int

    public init(store: any Store, policy: Policy, clock: Clock, heavy: HeavyWork, batch: Int = 4_000) {
        self.store = store
        self.policy = policy
        self.clock = clock
        self.heavy = heavy
        self.batch = batch
    }

    /// Exact figures only for an LA looking at its own cases; any view that spans more than one
    /// agency (an RAA or VAA, which always sees other agencies' cases) suppresses small numbers,
    /// covers whole calendar quarters and is counted as of a quarter's last day (by default the
    /// latest one that has ended).
    public func summary(
        by caller: Caller, from: CalendarDate, to: CalendarDate, localAuthority: String?, asOf: CalendarDate?, requestID: String?
    ) async throws -> Dashboard {
        try require(caller.role == .leader, caller, "read dashboards")
        // Well-formed days that make no period: 422, as the whole-quarter rule's refusals are.
        try CalendarDate.requirePeriod(from: from, to: to)
        guard from.days(until: to) <= 366 * 10 else {
            throw ValidationError(.invalidField, field: "from", "a dashboard covers at most ten years")
        }
        var scope = caller.visibleLocalAuthorities
        if let localAuthority {
            // An LA the caller cannot see (or a mistyped id) is not found, as an invisible case
            // is: figures of zero would read as an LA with no children in EP.
            guard scope.contains(localAuthority) else { throw ServiceError.notFound("no local authority \(localAuthority) that you can see") }
            scope = [localAuthority]
        }
        let exact = caller.agencyType == .la && scope == [caller.agency]
        // Across agencies, whole quarters only: periods a day apart could be subtracted.
        if !exact { try WholeQuarters.check(from: from, to: to, asOf: asOf, today: clock.today) }
        try await store.recordAudit(AuditEvent(caller, "dashboard.read", at: clock.stamp, requestID: requestID))
        let day = asOf ?? (exact ? clock.today : WholeQuarters.latestEnded(today: clock.today))
        let request = DashboardRequest(from: from, to: to, asOf: day, suppressSmallNumbers: !exact, threshold: policy.smallNumberThreshold)
        // Every view the caller may ask (their LAs' sum or one LA, over any run of quarters) is
        // put together from one suppression per calendar year over all of them (the reporting
        // grid, `DashboardBuilder.build(parts:showing:)`), so that no view subtracted from
        // another gives a withheld count away.
        let authorities = caller.visibleLocalAuthorities.sorted()
        guard !exact, authorities.count > 1 else {
            return try await heavy.admit { DashboardBuilder.build(try await tally(scope, request: request)) }
        }
        return try await heavy.admit {
            var parts: [DashboardTally] = []
            for authority in authorities { parts.append(try await tally([authority], request: request)) }
            return DashboardBuilder.build(parts: parts, showing: localAuthority.flatMap { authorities.firstIndex(of: $0) })
        }
    }

    /// Reads the digests in batches and counts each batch on the evaluation threads as it
    /// arrives, so the cores count while the database is still sending (a national view is
    /// 200,000 journeys), then merges the counts (the merged figures do not depend on their order).
    private func tally(_ scope: Set<String>, request: DashboardRequest) async throws -> DashboardTally {
        let (batches, arriving) = AsyncStream.makeStream(of: [JourneyDigest].self)
        async let reading: Void = {
            defer { arriving.finish() }
            try await store.journeyDigests(in: scope, batch: batch) { arriving.yield($0) }
        }()
        let policy = policy
        let heavy = heavy
        let counted = try await withThrowingTaskGroup(of: DashboardTally.self) { group in
            for await batch in batches {
                group.addTask {
                    try await heavy.compute {
                        var tally = DashboardTally(policy: policy, request: request)
                        var reader = JourneyDigest.Reader()
                        for digest in batch { tally.add(try reader.journey(digest)) }
                        return tally
                    }
                }
            }
            return try await group.reduce(into: DashboardTally(policy: policy, request: request)) { $0.merge($1) }
        }
        try await reading
        return counted
    }
}
