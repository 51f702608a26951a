import EPDomain
import EPServer
import EPStore
import Foundation
import SQLKit
import HummingbirdTesting
import Logging
import Synchronization
import Testing

/// Start-up refuses a PostgreSQL that could lose acknowledged writes, and readiness follows the
/// database.
@Suite struct StartupTests {
    @Test(.needsPostgres) func aPostgreSQLWithFsyncOffIsRefusedUnlessAllowed() async throws {
        let url = try #require(ProcessInfo.processInfo.environment["EPTRACK_TEST_POSTGRES_URL"], "run scripts/test.sh")
        var logger = Logger(label: "eptrack-test")
        logger.logLevel = .critical
        // The test script's server runs with fsync off, exactly the unsafe setting.
        let error = await #expect(throws: Backend.UnsafeDatabase.self) {
            var options = Backend.Options(schemaFolder: TestDatabase.schemaFolder)
            options.patience = .seconds(1)
            options.connectionWait = .seconds(30)
            try await Backend.run(try DatabaseURL(url), options: options, logger: logger) { _ in }
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
        let refused = await #expect(throws: DatabaseUnavailable.self) {
            // Port 9 (discard) on loopback: nothing listens there.
            var options = Backend.Options(schemaFolder: TestDatabase.schemaFolder)
            options.patience = .seconds(2)
            try await Backend.run(try DatabaseURL("postgres://eptrack:secret@127.0.0.1:9/eptrack?sslmode=disable"), options: options, logger: logger) { _ in }
        }
        #expect(ContinuousClock.now - started < .seconds(20))
        // In the network's words, not only that no connection came in time.
        #expect(refused?.description.lowercased().contains("connection refused") == true, "\(String(describing: refused))")
    }

    /// A wrong password stops the start with the database's own reason, so the operator knows
    /// which setting to fix; the password itself is never repeated.
    @Test(.needsPostgres) func aWrongPasswordIsReportedInTheDatabasesWords() async throws {
        let url = try #require(ProcessInfo.processInfo.environment["EPTRACK_TEST_POSTGRES_URL"], "run scripts/test.sh")
        let wrong = url.replacingOccurrences(of: #"(//[^:]+:)[^@]*@"#, with: "$1not-the-password@", options: .regularExpression)
        var logger = Logger(label: "eptrack-test")
        logger.logLevel = .critical
        var options = Backend.Options(schemaFolder: TestDatabase.schemaFolder)
        options.patience = .seconds(1)
        options.allowUnsafe = true
        let refused = await #expect(throws: DatabaseUnavailable.self) {
            try await Backend.run(try DatabaseURL(wrong), options: options, logger: logger) { _ in }
        }
        #expect(refused?.description.contains("password authentication failed") == true, "\(String(describing: refused))")
        #expect(refused?.description.contains("not-the-password") == false)
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
