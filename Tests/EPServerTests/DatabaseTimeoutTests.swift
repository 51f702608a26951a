import EPDomain
import EPServer
import EPStore
import Foundation
import SQLKit
import HummingbirdTesting
import Logging
import Synchronization
import Testing

/// A request must not hang on the database: a statement that runs too long is cancelled by
/// PostgreSQL, and a request that cannot get a connection in time gives up before it starts.
@Suite struct DatabaseTimeoutTests {
    @Test(.needsPostgres) func postgreSQLCancelsAStatementThatRunsPastTheTimeout() async throws {
        // A second: well short of the sleep below, and long enough that the first statement (the
        // connection's warm-up) is not itself cancelled while the whole suite loads the machine.
        let source = try #require(try TestDatabase.postgresSource(statementTimeout: .seconds(1)))
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
        let statementsBefore = source.usage.statements
        // The holder takes the one connection, asking again if a busy machine (the other suites
        // run alongside) let its own 300 ms wait run out first: a lease that gives up runs no
        // statement, and the timeouts are counted from when the connection is held.
        let holder = Task {
            while true {
                do {
                    return try await source.withConnection { try await $0.raw("SELECT pg_sleep(3)").run() }
                } catch is DatabaseUnavailable {}
            }
        }
        for _ in 0..<250 where source.usage.inUse == 0 { try await Task.sleep(for: .milliseconds(20)) }
        #expect(source.usage.inUse == 1, "the only connection is held")
        let timeoutsBefore = source.usage.timeouts

        let startedLate = Mutex(false)
        let started = ContinuousClock.now
        await #expect(throws: DatabaseUnavailable.self) {
            try await source.withConnection { _ in startedLate.withLock { $0 = true } }
        }
        #expect(ContinuousClock.now - started < .seconds(2.5), "gave up after the 300 ms lease timeout, not after the 3 s holder")
        #expect(source.usage == {
            var usage = PoolUsage(capacity: 1)
            usage.inUse = 1
            usage.timeouts = timeoutsBefore + 1
            usage.statements = statementsBefore + 1  // the holder's; none from the work that gave up
            return usage
        }())

        try await holder.value
        #expect(!startedLate.withLock { $0 }, "the connection freed later did not run the abandoned work")
        #expect(source.usage.inUse == 0 && source.usage.waiting == 0)
        try await source.withConnection { try await $0.raw("SELECT 1").run() }  // the pool still works
    }
}
