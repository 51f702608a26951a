import EPDomain
import Foundation
import SQLKit

/// The one implementation of `Store`, for PostgreSQL and SQLite alike: plain SQL that both
/// dialects accept, with binds for every value.
public struct SQLStore: Store {
    public let source: any SQLConnectionSource
    let migrator: Migrator
    /// How long a stored response is replayed (and kept): it holds the request's free text, so
    /// it expires rather than staying for ever.
    public let idempotencyLifetime: TimeInterval
    /// Tokens and agencies' access, shared by every copy of this store (see `IdentityCache`).
    public let identity: IdentityCache

    public static let defaultIdempotencyLifetime: TimeInterval = 24 * 3600

    public init(
        source: any SQLConnectionSource, migrator: Migrator, idempotencyLifetime: TimeInterval = SQLStore.defaultIdempotencyLifetime,
        identity: IdentityCache = IdentityCache()
    ) {
        self.source = source
        self.migrator = migrator
        self.idempotencyLifetime = idempotencyLifetime
        self.identity = identity
    }

    public func session<T: Sendable>(_ body: @escaping @Sendable (any Store) async throws -> T) async throws -> T {
        try await source.withConnection { [self] database in try await body(pinned(to: database)) }
    }

    /// This store working through one leased connection.
    private func pinned(to database: any SQLDatabase) -> SQLStore {
        SQLStore(
            source: PinnedConnection(database: database, leasedFrom: source), migrator: migrator, idempotencyLifetime: idempotencyLifetime,
            identity: identity
        )
    }

    public func isReady() async -> Bool {
        (try? await migrator.isCurrent()) ?? false
    }

    /// Carries out `plan` (see `WritePlan`): one statement on PostgreSQL, a transaction on
    /// SQLite. False when its anchor found no row (another write claimed the case's version).
    func perform(_ plan: WritePlan) async throws -> Bool {
        do {
            if source.dialect == "postgres" {
                return try await source.withConnection { try await !$0.prepared(plan.oneStatement).all().isEmpty }
            }
            return try await source.transaction { database in
                guard try await !database.raw(plan.anchor).all().isEmpty else { return false }
                for statement in plan.followingStatements {
                    try await database.raw(statement).run()
                }
                return true
            }
        } catch where ConstraintViolation.notNullColumn(of: error) == "idempotency_keys.request_hash" {
            throw StoreError.idempotencyKeyTaken
        }
    }

    /// Adds the idempotency record, if any, to `plan`. A key whose stored response has expired is
    /// taken over. A live key must fail the whole write, and a statement cannot refuse itself
    /// otherwise: its conflict sets `request_hash` to NULL, which the column refuses, and
    /// `perform` reports that as `idempotencyKeyTaken`. (A concurrent request with the same key
    /// waits for the first to commit, then meets the same conflict.)
    func storeIdempotency(_ record: IdempotencyRecord?, at: Date, in plan: inout WritePlan) {
        guard let record else { return }
        plan.insert([TableRow.idempotency(record, at: at)], onConflict: """
            ON CONFLICT (caller, key) DO UPDATE SET
                request_hash = CASE WHEN idempotency_keys.created_at < \(bind: at.addingTimeInterval(-idempotencyLifetime)) THEN excluded.request_hash END,
                body = excluded.body, created_at = excluded.created_at
            """)
    }

    public func recordAudit(_ event: AuditEvent) async throws {
        try await source.withConnection { try await $0.prepared(TableRow.audit(event).insert).run() }
    }

    public func auditEvents(caseID: UUID) async throws -> [AuditEvent] {
        try await source.withConnection { database in
            try await database.raw("SELECT * FROM audit_events WHERE case_id = \(bind: caseID) ORDER BY at, id").all().map(Self.auditEvent)
        }
    }

    public func auditEvents(_ query: AuditQuery) async throws -> [AuditEvent] {
        var sql: SQLQueryString = "SELECT e.* FROM audit_events e LEFT JOIN cases c ON c.id = e.case_id WHERE 1 = 1"
        if let agency = query.agency {
            sql = sql + " AND (e.agency_id = \(bind: agency) OR e.subject_agency = \(bind: agency)"
            if !query.localAuthorities.isEmpty {
                sql = sql + " OR c.local_authority IN (\(binds: query.localAuthorities.sorted()))"
            }
            sql = sql + ")"
        }
        if let caseID = query.caseID { sql = sql + " AND e.case_id = \(bind: caseID)" }
        if let actor = query.actor { sql = sql + " AND e.actor = \(bind: actor)" }
        if let from = query.from { sql = sql + " AND e.at >= \(bind: from)" }
        if let until = query.until { sql = sql + " AND e.at < \(bind: until)" }
        if let after = query.after {
            sql = sql + " AND (e.at > \(bind: after.at) OR (e.at = \(bind: after.at) AND e.id > \(bind: after.id)))"
        }
        sql = sql + " ORDER BY e.at, e.id LIMIT \(literal: query.limit)"
        let statement = sql
        return try await source.withConnection { database in
            try await database.raw(statement).all().map(Self.auditEvent)
        }
    }

    private static func auditEvent(_ row: any SQLRow) throws -> AuditEvent {
        AuditEvent(
            id: try row.decode(column: "id", as: UUID.self),
            at: try row.decode(column: "at", as: Date.self),
            actor: try row.decode(column: "actor", as: String.self),
            agency: try row.decode(column: "agency_id", as: String.self),
            role: try row.decode(column: "role", as: String.self),
            action: try row.decode(column: "action", as: String.self),
            caseID: try row.decode(column: "case_id", as: UUID?.self),
            milestoneID: try row.decode(column: "milestone_id", as: UUID?.self),
            requestID: try row.decode(column: "request_id", as: String?.self),
            outcome: try row.decode(column: "outcome", as: String.self),
            subjectAgency: try row.decode(column: "subject_agency", as: String?.self),
            reason: try row.decode(column: "reason", as: String?.self),
            recordID: try row.decode(column: "record_id", as: UUID?.self)
        )
    }

    public func idempotencyRecord(caller: String, key: String, at now: Date) async throws -> IdempotencyRecord? {
        let since = now.addingTimeInterval(-idempotencyLifetime)
        return try await source.withConnection { database in
            try await database.raw("""
                SELECT request_hash, body FROM idempotency_keys WHERE caller = \(bind: caller) AND key = \(bind: key) AND created_at >= \(bind: since)
                """).first().map { row in
                IdempotencyRecord(
                    caller: caller, key: key,
                    requestHash: try row.decode(column: "request_hash", as: String.self),
                    body: try row.decode(column: "body", as: String.self)
                )
            }
        }
    }
}
