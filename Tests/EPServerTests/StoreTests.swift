import EPDomain
import EPServer
@testable import EPStore
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
        try await store.createAgency(Agency(id: "la-northshire", name: "Northshire County Council", type: .la), at: Self.at, audit: nil)
        let subject = Case(
            id: UUID(), reference: "NS-EP-2025-0142", localAuthority: "la-northshire",
            profile: ChildProfile(sex: .female, ethnicity: .BCRB), createdAt: Self.at
        )
        try await store.insertCase(subject, derived: .plain(subject), audit: audit("case.create", subject.id), idempotency: nil)
        return subject
    }

    func audit(_ action: String, _ caseID: UUID, id: UUID = UUID()) -> AuditEvent {
        AuditEvent(id: id, at: Self.at, actor: "token:test", agency: "la-northshire", role: "social_worker", action: action, caseID: caseID)
    }

    /// Appends `record` to `subject` as the case's writer would, expecting `subject`'s version
    /// (or `version`), with a plain audit event: the call most of these tests make.
    func append(
        _ record: Milestone, to subject: Case, on store: any Store, version: Int? = nil, state: JourneyState = .preProceedings,
        alerts: [AlertIndexEntry] = [], auditID: UUID = UUID(), idempotency: IdempotencyRecord? = nil
    ) async throws -> Bool {
        var appended = subject
        appended.records.append(record)
        return try await store.appendMilestone(
            record, to: subject, expectedVersion: version ?? subject.version, derived: .plain(appended, state: state, alerts: alerts),
            audit: audit("milestone.record", subject.id, id: auditID), idempotency: idempotency
        )
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

    /// An agency, partnership or token change and its audit event are one write: when the event
    /// cannot be stored (here its id is already taken), the change is not stored either.
    @Test(arguments: TestDatabase.all)
    func anAdminChangeWhoseAuditEventFailsLeavesNothingBehind(database: TestDatabase) async throws {
        try await database.withBackend { backend in
            let store = backend.store
            let taken = UUID()
            let event = { (action: String) in
                AuditEvent(id: taken, at: Self.at, actor: "operator:deploy", agency: "operator", role: "operator", action: action)
            }
            try await store.recordAudit(event("agency.create"))
            /// Runs `write`, which must fail on the audit event's taken id and nothing else.
            func refusedForItsAuditEvent(_ write: () async throws -> Void, sourceLocation: SourceLocation = #_sourceLocation) async {
                do {
                    try await write()
                    Issue.record("stored although its audit event could not be", sourceLocation: sourceLocation)
                } catch {
                    #expect(ConstraintViolation.uniqueTable(of: error) == "audit_events", "\(String(reflecting: error))", sourceLocation: sourceLocation)
                }
            }
            await refusedForItsAuditEvent {
                try await store.createAgency(Agency(id: "la-westmarch", name: "Westmarch Council", type: .la), at: Self.at, audit: event("agency.create"))
            }
            #expect(try await store.agency(id: "la-westmarch") == nil)

            try await store.createAgency(Agency(id: "la-westmarch", name: "Westmarch Council", type: .la), at: Self.at, audit: nil)
            try await store.createAgency(Agency(id: "raa-moorland", name: "Moorland Adoption", type: .raa), at: Self.at, audit: nil)
            await refusedForItsAuditEvent {
                try await store.proposePartnership(agency: "raa-moorland", localAuthority: "la-westmarch", at: Self.at, audit: event("partnership.propose"))
            }
            #expect(try await store.partnerships(involving: "la-westmarch").isEmpty)
            await refusedForItsAuditEvent {
                try await store.startPartnership(agency: "raa-moorland", localAuthority: "la-westmarch", at: Self.at, audit: event("partnership.start"))
            }
            #expect(try await store.partnerships(involving: "la-westmarch").isEmpty)

            // A proposal the local authority's acceptance would start: still only proposed.
            try await store.proposePartnership(agency: "raa-moorland", localAuthority: "la-westmarch", at: Self.at, audit: nil)
            await refusedForItsAuditEvent {
                try await store.startPartnership(agency: "raa-moorland", localAuthority: "la-westmarch", at: Self.at, audit: event("partnership.start"))
            }
            #expect(try await store.partnerships(involving: "la-westmarch").map(\.status) == [.proposed])
            try await store.startPartnership(agency: "raa-moorland", localAuthority: "la-westmarch", at: Self.at, audit: nil)
            await refusedForItsAuditEvent {
                _ = try await store.endPartnership(agency: "raa-moorland", localAuthority: "la-westmarch", at: Self.at, audit: event("partnership.end"))
            }
            #expect(try await store.partnerships(involving: "la-westmarch").map(\.status) == [.active])

            let token = TokenRecord(id: UUID(), agency: "la-westmarch", role: .iro, label: "IRO service", createdAt: Self.at, expiresAt: Self.at.addingTimeInterval(86_400))
            await refusedForItsAuditEvent {
                try await store.createToken(token, hash: TokenSecret.hash(TokenSecret.generate()), audit: event("token.create"), idempotency: nil)
            }
            #expect(try await store.tokens(agency: "la-westmarch").isEmpty)
            try await store.createToken(token, hash: TokenSecret.hash(TokenSecret.generate()), audit: nil, idempotency: nil)
            await refusedForItsAuditEvent {
                _ = try await store.revokeToken(id: token.id, agency: "la-westmarch", at: Self.at, audit: event("token.revoke"))
            }
            #expect(try await store.tokens(agency: "la-westmarch").first?.revokedAt == nil)
        }
    }

    /// A database migrated by a newer eptrack (a migration this build does not know) is refused
    /// at start, not written to by code that does not know its tables.
    @Test(arguments: TestDatabase.all)
    func aDatabaseNewerThanThisBuildIsRefusedAtStart(database: TestDatabase) async throws {
        try await database.withDatabase { url, options, logger in
            try await Backend.run(url, options: options, logger: logger) { backend in
                try await backend.source.withConnection { database in
                    try await database.raw("INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, 'from a newer release', '2026-11-01T00:00:00Z')").run()
                }
            }
            let refused = await #expect(throws: MigrationError.self) {
                try await Backend.run(url, options: options, logger: logger) { _ in }
            }
            #expect(refused?.description.contains("newer than this build knows") == true)
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
                #expect(try await append(plo, to: read, on: store))
                #expect(!(try await append(
                    milestone(.familyGroupConference, "2025-05-09"), to: read, on: store
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
            #expect(try await append(placement, to: subject, on: backend.store, state: .epPlaced))
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
                try await append(
                    milestone(.ploPreProceedings, "2025-07-01"), to: subject, on: backend.store, auditID: reused
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
            #expect(try await append(milestone(.ploPreProceedings, "2025-07-01"), to: subject, on: backend.store))
            #expect(try await !append(milestone(.birth, "2025-06-01"), to: subject, on: backend.store))
            #expect(try await backend.store.findCase(id: subject.id)?.records.map(\.kind) == [.ploPreProceedings])
        }
    }

    @Test(arguments: TestDatabase.all)
    func auditAndMilestonesCannotBeChangedOrDeleted(database: TestDatabase) async throws {
        try await database.withBackend { backend in
            let subject = try await seed(backend.store)
            #expect(try await append(milestone(.birth, "2025-06-01"), to: subject, on: backend.store))
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
            let record = IdempotencyRecord(caller: "token:test", key: "retry-1", requestHash: "abc", body: "{}")
            #expect(try await append(milestone(.birth, "2025-06-01"), to: subject, on: backend.store, idempotency: record))
            let current = try #require(try await backend.store.findCase(id: subject.id))
            await #expect(throws: StoreError.idempotencyKeyTaken) {
                try await append(milestone(.ploPreProceedings, "2025-07-01"), to: current, on: backend.store, idempotency: record)
            }
            #expect(try await backend.store.findCase(id: subject.id)?.records.count == 1)
            #expect(try await backend.store.idempotencyRecord(caller: "token:test", key: "retry-1", at: Self.at) == record)
        }
    }

    /// Each write makes the case's alert index what the write was given: entries still due are
    /// updated, new ones added, the others removed (on PostgreSQL within one statement, where a
    /// delete and an insert of the same key would collide).
    @Test(arguments: TestDatabase.all)
    func eachWriteReplacesTheCasesAlertIndexEntries(database: TestDatabase) async throws {
        try await database.withBackend { backend in
            let store = backend.store
            let subject = try await seed(store)
            func entry(_ rule: String, _ overdue: String) -> AlertIndexEntry {
                let day = CalendarDate(iso: overdue)!
                return AlertIndexEntry(caseID: subject.id, ruleID: rule, opensOn: day.adding(days: -14), overdueOn: day, dueOn: day)
            }
            func index() async throws -> [AlertIndexEntry] {
                try await store.alertIndexPage(AlertIndexQuery(
                    localAuthorities: ["la-northshire"], asOf: CalendarDate(iso: "2026-12-31")!, status: nil, ruleID: nil, limit: 50, after: nil
                ))
            }
            let birth = milestone(.birth, "2025-06-01")
            let first = [entry("S2-ep-considered-early", "2025-06-29"), entry("S2-26-weeks", "2025-12-01")]
            #expect(try await append(birth, to: subject, on: store, alerts: first))
            #expect(Set(try await index()) == Set(first))

            let born = try #require(try await store.findCase(id: subject.id))
            #expect(born.version == 2)
            let second = [entry("S2-26-weeks", "2025-12-15"), entry("S2-ep-before-issue", "2025-08-01")]
            #expect(try await append(milestone(.ploPreProceedings, "2025-07-01"), to: born, on: store, alerts: second))
            #expect(Set(try await index()) == Set(second), "one updated, one added, one removed")

            let latest = try #require(try await store.findCase(id: subject.id))
            #expect(try await !store.replaceDerived(caseID: subject.id, expectedVersion: 2, derived: .plain(latest)), "written since")
            #expect(Set(try await index()) == Set(second))
            #expect(try await store.replaceDerived(caseID: subject.id, expectedVersion: 3, derived: .plain(latest)))
            #expect(try await index().isEmpty)
        }
    }
}
