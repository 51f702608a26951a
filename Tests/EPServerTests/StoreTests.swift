import EPDomain
import EPServer
import EPStore
import Foundation
import SQLKit
import HummingbirdTesting
import Logging
import Synchronization
import Testing

/// The SQL store on the real databases: one code path, the same answers on both.
@Suite struct StoreTests {
    static let at = Date(timeIntervalSince1970: 1_751_360_400)

    func seed(_ store: SQLStore) async throws -> Case {
        try await store.createAgency(Agency(id: "la-northshire", name: "Northshire County Council", type: .la), at: Self.at)
        let subject = Case(
            id: UUID(), reference: "NS-EP-2025-0142", localAuthority: "la-northshire",
            profile: ChildProfile(sex: .female, ethnicity: .BCRB), createdAt: Self.at
        )
        try await store.insertCase(subject, state: .preProceedings, alerts: [], audit: audit("case.create", subject.id), idempotency: nil)
        return subject
    }

    func audit(_ action: String, _ caseID: UUID, id: UUID = UUID()) -> AuditEvent {
        AuditEvent(id: id, at: Self.at, actor: "token:test", agency: "la-northshire", role: "social_worker", action: action, caseID: caseID)
    }

    func milestone(_ kind: MilestoneKind, _ date: String) -> Milestone {
        Milestone(id: UUID(), kind: kind, occurredOn: CalendarDate(iso: date)!, recordedAt: Self.at, recordedBy: "token:test")
    }

    @Test(arguments: TestDatabase.all)
    func migrationsRunOnceAndAreCurrent(database: TestDatabase) async throws {
        try await database.withBackend { backend in
            let migrator = try Migrator(source: backend.source, schemaFolder: URL(fileURLWithPath: TestDatabase.schemaFolder))
            #expect(try await migrator.migrate().isEmpty, "a second run applies nothing")
            #expect(try await migrator.isCurrent())
            #expect(await backend.store.isReady())
        }
    }

    /// A milestone write reads the case and writes on one lease: inner calls never lease again
    /// (on SQLite, with its one connection, a second lease would wait for ever), and a write
    /// refused inside the session leaves its connection usable.
    /// A milestone stored under earlier free-text rules (here a control character in a reason,
    /// written straight into the table as an older version could) still reads, as stored, from
    /// its rows and from the journey digest; the case does not become unreadable.
    @Test(arguments: TestDatabase.all)
    func olderFreeTextStillReads(database: TestDatabase) async throws {
        try await database.withBackend { backend in
            let subject = try await seed(backend.store)
            let id = UUID()
            let older = #"{"outcome":"recommended","reason":"Agreed at legal gateway\u0007"}"#
            try await backend.store.source.withConnection { database in
                try await database.raw("""
                    INSERT INTO milestones (id, case_id, seq, kind, occurred_on, details, note, recorded_at, recorded_by,
                                            supersedes, correction_reason, retracted)
                    VALUES (\(bind: id), \(bind: subject.id), 1, 'ep_consideration', '2025-07-14', \(bind: older), NULL,
                            \(bind: Self.at), 'token:test', NULL, NULL, \(bind: false))
                    """).run()
                try await database.raw("UPDATE cases SET journey_digest = NULL WHERE id = \(bind: subject.id)").run()
            }
            #expect(try await backend.store.completeJourneyDigests() == 1, "the digest is made again from the stored rows")
            let read = try #require(try await backend.store.findCase(id: subject.id))
            #expect(read.records.first?.details == .epConsideration(outcome: .recommended, reason: "Agreed at legal gateway\u{7}"))
            let digests = Mutex<[JourneyDigest]>([])
            try await backend.store.journeyDigests(in: ["la-northshire"], batch: 10) { batch in digests.withLock { $0 += batch } }
            var reader = JourneyDigest.Reader()
            let journey = try reader.journey(try #require(digests.withLock { $0.first }))
            #expect(journey.milestones.first?.details == .epConsideration(outcome: .recommended, reason: "Agreed at legal gateway\u{7}"))
        }
    }

    @Test(.timeLimit(.minutes(1)), arguments: TestDatabase.all)
    func aSessionDoesItsReadsAndWritesOnOneConnection(database: TestDatabase) async throws {
        try await database.withBackend { backend in
            let subject = try await seed(backend.store)
            let source = backend.store.source
            let plo = milestone(.ploPreProceedings, "2025-05-02")
            let inUse = try await backend.store.session { store in
                let read = try #require(try await store.findCase(id: subject.id))
                let afterRead = source.usage.inUse
                #expect(try await store.appendMilestone(
                    plo, to: read, expectedVersion: read.version, state: .preProceedings, alerts: [],
                    audit: audit("milestone.record", subject.id), idempotency: nil
                ))
                #expect(!(try await store.appendMilestone(
                    milestone(.familyGroupConference, "2025-05-09"), to: read, expectedVersion: read.version, state: .preProceedings,
                    alerts: [], audit: audit("milestone.record", subject.id), idempotency: nil
                )), "the version was claimed by the first write")
                let reread = try #require(try await store.findCase(id: subject.id))
                #expect(reread.records == [plo])
                return [afterRead, source.usage.inUse]
            }
            #expect(inUse == [1, 1])
            #expect(source.usage.inUse == 0)
            #expect(try await backend.store.findCase(id: subject.id)?.version == 2)
        }
    }

    @Test(arguments: TestDatabase.all)
    func aMilestoneRoundTripsWithItsDetails(database: TestDatabase) async throws {
        try await database.withBackend { backend in
            let subject = try await seed(backend.store)
            let placement = Milestone(
                id: UUID(), kind: .epPlacement, occurredOn: CalendarDate(iso: "2025-06-19")!,
                details: .epPlacement(scheme: .concurrency, placedFrom: .hospital), note: "Placed from the maternity unit",
                recordedAt: Self.at, recordedBy: "token:test"
            )
            #expect(try await backend.store.appendMilestone(placement, to: subject, expectedVersion: 1, state: .epPlaced, alerts: [], audit: audit("milestone.record", subject.id), idempotency: nil))
            let read = try #require(try await backend.store.findCase(id: subject.id))
            #expect(read.records == [placement])
            #expect(read.version == 2)
            #expect(read.profile == subject.profile)
        }
    }

    @Test(arguments: TestDatabase.all)
    func aFailedAuditWriteLeavesNoMilestoneBehind(database: TestDatabase) async throws {
        try await database.withBackend { backend in
            let subject = try await seed(backend.store)
            let reused = UUID()
            try await backend.store.recordAudit(audit("case.read", subject.id, id: reused))
            // The audit row collides, so the whole transaction must roll back.
            await #expect(throws: (any Error).self) {
                try await backend.store.appendMilestone(
                    milestone(.ploPreProceedings, "2025-07-01"), to: subject, expectedVersion: 1, state: .preProceedings, alerts: [],
                    audit: audit("milestone.record", subject.id, id: reused), idempotency: nil
                )
            }
            let read = try #require(try await backend.store.findCase(id: subject.id))
            #expect(read.records.isEmpty)
            #expect(read.version == 1)
        }
    }

    @Test(arguments: TestDatabase.all)
    func aStaleVersionIsRefusedWithoutWriting(database: TestDatabase) async throws {
        try await database.withBackend { backend in
            let subject = try await seed(backend.store)
            #expect(try await backend.store.appendMilestone(milestone(.ploPreProceedings, "2025-07-01"), to: subject, expectedVersion: 1, state: .preProceedings, alerts: [], audit: audit("milestone.record", subject.id), idempotency: nil))
            #expect(try await !backend.store.appendMilestone(milestone(.birth, "2025-06-01"), to: subject, expectedVersion: 1, state: .preProceedings, alerts: [], audit: audit("milestone.record", subject.id), idempotency: nil))
            #expect(try await backend.store.findCase(id: subject.id)?.records.map(\.kind) == [.ploPreProceedings])
        }
    }

    @Test(arguments: TestDatabase.all)
    func auditAndMilestonesCannotBeChangedOrDeleted(database: TestDatabase) async throws {
        try await database.withBackend { backend in
            let subject = try await seed(backend.store)
            #expect(try await backend.store.appendMilestone(milestone(.birth, "2025-06-01"), to: subject, expectedVersion: 1, state: .preProceedings, alerts: [], audit: audit("milestone.record", subject.id), idempotency: nil))
            for statement in ["UPDATE audit_events SET outcome = 'edited'", "DELETE FROM audit_events", "UPDATE milestones SET occurred_on = '2025-01-01'", "DELETE FROM milestones"] {
                await #expect(throws: (any Error).self, "\(statement)") {
                    try await backend.source.withConnection { try await $0.raw(SQLQueryString(statement)).run() }
                }
            }
            // Both events carry the same instant here, so compare without order.
            #expect(Set(try await backend.store.auditEvents(caseID: subject.id).map(\.action)) == ["case.create", "milestone.record"])
        }
    }

    @Test(arguments: TestDatabase.all)
    func idempotencyKeysAreUniquePerCaller(database: TestDatabase) async throws {
        try await database.withBackend { backend in
            let subject = try await seed(backend.store)
            let record = IdempotencyRecord(caller: "token:test", key: "retry-1", requestHash: "abc", status: 201, location: nil, body: "{}")
            #expect(try await backend.store.appendMilestone(milestone(.birth, "2025-06-01"), to: subject, expectedVersion: 1, state: .preProceedings, alerts: [], audit: audit("milestone.record", subject.id), idempotency: record))
            let current = try #require(try await backend.store.findCase(id: subject.id))
            await #expect(throws: StoreError.idempotencyKeyTaken) {
                try await backend.store.appendMilestone(milestone(.ploPreProceedings, "2025-07-01"), to: current, expectedVersion: 2, state: .preProceedings, alerts: [], audit: audit("milestone.record", subject.id), idempotency: record)
            }
            #expect(try await backend.store.findCase(id: subject.id)?.records.count == 1)
            #expect(try await backend.store.idempotencyRecord(caller: "token:test", key: "retry-1", at: Self.at) == record)
        }
    }
}

/// Start-up refuses a PostgreSQL that could lose acknowledged writes, and readiness follows the
/// database.
@Suite struct StartupTests {
    @Test(.needsPostgres) func aPostgreSQLWithFsyncOffIsRefusedUnlessAllowed() async throws {
        let url = try #require(ProcessInfo.processInfo.environment["EPTRACK_TEST_POSTGRES_URL"], "run scripts/test.sh")
        var logger = Logger(label: "eptrack-test")
        logger.logLevel = .critical
        // The test script's server runs with fsync off, exactly the unsafe setting.
        let error = await #expect(throws: Backend.UnsafeDatabase.self) {
            try await Backend.connect(try DatabaseURL(url), schemaFolder: TestDatabase.schemaFolder, patience: .seconds(1), connectionWait: .seconds(30), logger: logger)
        }
        #expect(error?.description.contains("fsync=off") == true)
    }

    /// `EPTRACK_DB_CONNECTIONS` reaches the pool: six units of work at once share three sessions.
    @Test(.needsPostgres) func thePoolOpensAtMostTheConfiguredConnections() async throws {
        try await TestDatabase.postgres.withBackend(connections: 3) { backend in
            #expect(backend.source.usage.capacity == 3)
            let pids = try await withThrowingTaskGroup(of: Int32.self) { group in
                for _ in 0..<6 {
                    group.addTask {
                        try await backend.source.withConnection { database in
                            try await database.raw("SELECT pg_backend_pid() AS pid, pg_sleep(0.3)").first()!.decode(column: "pid", as: Int32.self)
                        }
                    }
                }
                return try await group.reduce(into: Set<Int32>()) { $0.insert($1) }
            }
            #expect(pids.count == 3, "six units on three connections: \(pids)")
        }
    }

    @Test func anUnreachableDatabaseFailsStartAfterABoundedWait() async throws {
        var logger = Logger(label: "eptrack-test")
        logger.logLevel = .critical
        let started = ContinuousClock.now
        await #expect(throws: (any Error).self) {
            // Port 9 (discard) on loopback: nothing listens there.
            try await Backend.connect(try DatabaseURL("postgres://eptrack:secret@127.0.0.1:9/eptrack?sslmode=disable"), schemaFolder: TestDatabase.schemaFolder, patience: .seconds(2), logger: logger)
        }
        #expect(ContinuousClock.now - started < .seconds(20))
    }

    @Test(arguments: TestDatabase.all)
    func readinessFailsWhenMigrationsAreNotCurrent(database: TestDatabase) async throws {
        try await TestWorld.run(on: database) { world, client in
            #expect(try await client.send(.get, "/health/ready", as: nil, in: world).status == .ok)
            // As if someone rolled the schema back under a running server.
            try await world.backend.source.withConnection { try await $0.raw("DELETE FROM schema_migrations WHERE version = 3").run() }
            let notReady = try await client.send(.get, "/health/ready", as: nil, in: world)
            #expect(notReady.status == .serviceUnavailable)
            #expect(notReady.problemType == "not-ready")
            #expect(try await client.send(.get, "/health/live", as: nil, in: world).status == .ok, "the process is still alive")
        }
    }
}

/// A request must not hang on the database: a statement that runs too long is cancelled by
/// PostgreSQL, and a request that cannot get a connection in time gives up before it starts.
@Suite struct DatabaseTimeoutTests {
    @Test(.needsPostgres) func postgreSQLCancelsAStatementThatRunsPastTheTimeout() async throws {
        let source = try #require(try TestDatabase.postgresSource(statementTimeout: .milliseconds(300)))
        let runner = Task { await source.client.run() }
        defer { runner.cancel() }
        try await source.withConnection { try await $0.raw("SELECT 1").run() }
        let started = ContinuousClock.now
        await #expect(throws: DatabaseUnavailable.self, "a cancelled statement is the database's failure: 503, not 500") {
            try await source.withConnection { try await $0.raw("SELECT pg_sleep(5)").run() }
        }
        #expect(ContinuousClock.now - started < .seconds(3), "cancelled by the server well before the 5 s sleep ended")
    }

    /// PostgresNIO never answers a statement sent on a connection the database has dropped;
    /// the watch on the connection answers instead.
    @Test(.needsPostgres) func aStatementOnADroppedConnectionAnswersInsteadOfHanging() async throws {
        let source = try #require(try TestDatabase.postgresSource())
        let other = try #require(try TestDatabase.postgresSource())
        let runners = [Task { await source.client.run() }, Task { await other.client.run() }]
        defer { runners.forEach { $0.cancel() } }
        let sent = Mutex<ContinuousClock.Instant?>(nil)
        await #expect(throws: DatabaseUnavailable.self) {
            try await source.withConnection { database in
                let pid = try await database.raw("SELECT pg_backend_pid() AS pid").first()?.decode(column: "pid", as: Int32.self)
                // The database ends this session, as when it is restarted or killed.
                try await other.withConnection { try await $0.raw("SELECT pg_terminate_backend(\(bind: pid))").run() }
                sent.withLock { $0 = .now }
                // Whether this is sent before or after the close is noticed, it must not hang.
                try await Task.sleep(for: .milliseconds(50))
                try await database.raw("SELECT 1").run()
            }
        }
        let waited = try #require(sent.withLock { $0 }).duration(to: .now)
        #expect(waited < .seconds(5), "answered within the watch's interval and grace of the session ending, not left hanging")
        // The pool opens a new connection; until it has noticed the old one closed, a lease may
        // still get the dead one and answer unavailable, as a client would see a 503 and retry.
        var recovered = false
        for _ in 0..<50 where !recovered {
            do {
                try await source.withConnection { try await $0.raw("SELECT 1").run() }
                recovered = true
            } catch is DatabaseUnavailable {
                try await Task.sleep(for: .milliseconds(100))
            }
        }
        #expect(recovered, "a new connection within 5 s")
    }

    @Test(.needsPostgres) func aRequestGivesUpWaitingForABusyPoolAndNeverStartsLate() async throws {
        let source = try #require(try TestDatabase.postgresSource(leaseTimeout: .milliseconds(300)))
        let runner = Task { await source.client.run() }
        defer { runner.cancel() }
        // Open the one connection first (a TLS handshake on a busy machine can itself take 300 ms).
        var open = false
        for _ in 0..<50 where !open {
            do {
                try await source.withConnection { try await $0.raw("SELECT 1").run() }
                open = true
            } catch is DatabaseUnavailable {}
        }
        let timeoutsBefore = source.usage.timeouts
        let holder = Task { try await source.withConnection { try await $0.raw("SELECT pg_sleep(3)").run() } }
        for _ in 0..<100 where source.usage.inUse == 0 { try await Task.sleep(for: .milliseconds(20)) }
        #expect(source.usage.inUse == 1, "the only connection is held")

        let startedLate = Mutex(false)
        let started = ContinuousClock.now
        await #expect(throws: DatabaseUnavailable.self) {
            try await source.withConnection { _ in startedLate.withLock { $0 = true } }
        }
        #expect(ContinuousClock.now - started < .seconds(2.5), "gave up after the 300 ms lease timeout, not after the 3 s holder")
        #expect(source.usage == { var usage = PoolUsage(capacity: 1); usage.inUse = 1; usage.timeouts = timeoutsBefore + 1; return usage }())

        try await holder.value
        #expect(!startedLate.withLock { $0 }, "the connection freed later did not run the abandoned work")
        #expect(source.usage.inUse == 0 && source.usage.waiting == 0)
        try await source.withConnection { try await $0.raw("SELECT 1").run() }  // the pool still works
    }
}

/// Managed PostgreSQL services require TLS: the store connects with sslmode=verify-full to a
/// server whose certificate a given CA signed, and refuses one it cannot verify.
@Suite struct PostgresTLSTests {
    @Test(.needsPostgres) func verifyFullConnectsWithTheRightCAAndRefusesAnother() async throws {
        let environment = ProcessInfo.processInfo.environment
        let good = try #require(environment["EPTRACK_TEST_POSTGRES_TLS_URL"], "run scripts/test.sh")
        let wrong = try #require(environment["EPTRACK_TEST_POSTGRES_WRONG_CA_URL"], "run scripts/test.sh")
        var logger = Logger(label: "eptrack-test")
        logger.logLevel = .critical
        guard case .postgres(let settings) = try DatabaseURL(good), case .postgres(let other) = try DatabaseURL(wrong) else {
            Issue.record("not PostgreSQL URLs")
            return
        }
        #expect(settings.sslMode == .verifyFull)
        let source = try PostgresSource(settings, maximumConnections: 1, leaseTimeout: .seconds(30), logger: logger)
        let runner = Task { await source.client.run() }
        defer { runner.cancel() }
        let encrypted = try await source.withConnection { database in
            try await database.raw("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").first()?.decode(column: "ssl", as: Bool.self)
        }
        #expect(encrypted == true, "the session is encrypted")

        await #expect(throws: (any Error).self, "a server the CA did not sign is refused") {
            try await Backend.connect(.postgres(other), schemaFolder: TestDatabase.schemaFolder, allowUnsafe: true, patience: .seconds(1), logger: logger)
        }
    }
}

/// A PostgreSQL on the same host, reached through its Unix socket (`?host=/socket/folder`).
@Suite struct PostgresSocketTests {
    @Test(.needsPostgres) func aSocketURLConnectsWithoutTCP() async throws {
        let source = try #require(try TestDatabase.postgresSource("EPTRACK_TEST_POSTGRES_SOCKET_URL"))
        let url = try DatabaseURL(ProcessInfo.processInfo.environment["EPTRACK_TEST_POSTGRES_SOCKET_URL"] ?? "")
        guard case .postgres(let settings) = url, case .unixSocket = settings.endpoint else {
            Issue.record("not a PostgreSQL socket URL: \(url)")
            return
        }
        let runner = Task { await source.client.run() }
        defer { runner.cancel() }
        let overSocket = try await source.withConnection { database in
            // A session over a Unix socket has no client address.
            try await database.raw("SELECT inet_client_addr() IS NULL AS local").first()?.decode(column: "local", as: Bool.self)
        }
        #expect(overSocket == true)
    }
}

/// The store's values through eptrack's PostgreSQL adapter (`PostgresSQLDatabase`): each kind
/// of bind the store uses comes back as it went in, absent ones as NULL.
@Suite struct PostgresCodingTests {
    private struct Reference: Encodable, Sendable { let reference = "NS-EP-2025-0142" }

    @Test(.needsPostgres) func everyBoundKindComesBackAsItWentIn() async throws {
        let source = try #require(try TestDatabase.postgresSource())
        let runner = Task { await source.client.run() }
        defer { runner.cancel() }
        let caseID = UUID()
        let recordedAt = Date(timeIntervalSince1970: 1_756_717_200.25)
        let absentNote: String? = nil, absentSupersedes: UUID? = nil, note: String? = "Contact went well"
        let row = try await source.withConnection { database in
            try await database.raw("""
                SELECT \(bind: "family_time") AS kind, \(bind: note)::text AS note, \(bind: absentNote)::text AS absent_note,
                       \(bind: caseID) AS case_id, \(bind: absentSupersedes)::uuid AS supersedes, \(bind: recordedAt) AS recorded_at,
                       \(bind: 12) AS seq, \(bind: true) AS retracted
                """).first()
        }
        let values = try #require(row)
        #expect(try values.decode(column: "kind", as: String.self) == "family_time")
        #expect(try values.decode(column: "note", as: String?.self) == "Contact went well")
        #expect(try values.decode(column: "absent_note", as: String?.self) == nil)
        #expect(try values.decodeNil(column: "absent_note"))
        #expect(try values.decode(column: "case_id", as: UUID.self) == caseID)
        #expect(try values.decode(column: "supersedes", as: UUID?.self) == nil)
        #expect(try values.decode(column: "recorded_at", as: Date.self) == recordedAt)
        #expect(try values.decode(column: "seq", as: Int.self) == 12)
        #expect(try values.decode(column: "retracted", as: Bool.self))
        #expect(throws: (any Error).self, "a column the query did not select") { try values.decode(column: "reference", as: String.self) }
        #expect(try values.decodeNil(column: "reference"), "a column not selected reads as absent")
        #expect(try values.decode(column: "seq", as: Int64.self) == 12, "a type outside the store's own is decoded too")
        #expect(throws: (any Error).self, "a type with no PostgreSQL coding") { try values.decode(column: "kind", as: [String: String].self) }

        let refused = await #expect(throws: (any Error).self, "a value with no PostgreSQL coding is refused, not sent") {
            try await source.withConnection { database in try await database.raw("SELECT \(bind: Reference()) AS reference").run() }
        }
        #expect("\(refused.map { "\($0)" } ?? "")".contains("no coding for Reference"))
    }
}
