import EPDomain
import EPServer
import EPStore
import Foundation
import Logging
import Testing

/// The databases every store and API test runs on: SQLite always, and the real PostgreSQL the
/// test script starts (`EPTRACK_TEST_POSTGRES_URL`). With `EPTRACK_REQUIRE_POSTGRES=1` (as the
/// test script and CI set it) a missing PostgreSQL fails the run instead of being skipped.
enum TestDatabase: String, CustomStringConvertible, Sendable {
    case sqlite, postgres

    static var all: [TestDatabase] {
        let environment = ProcessInfo.processInfo.environment
        if environment["EPTRACK_TEST_POSTGRES_URL"] != nil || environment["EPTRACK_REQUIRE_POSTGRES"] == "1" {
            return [.sqlite, .postgres]
        }
        return [.sqlite]
    }

    var description: String { rawValue }

    static let schemaFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Schema").path

    static let repository = URL(fileURLWithPath: schemaFolder).deletingLastPathComponent()

    /// The shipped England policy, read once for the run: every test's world parsed it again
    /// (about 4% of the test process's CPU).
    static func englandPolicy() throws -> Policy { try shippedPolicy.get() }
    private static let shippedPolicy = Result {
        try PolicyFile.load(path: repository.appendingPathComponent("Policies/england-default.yaml").path)
    }

    /// A new, empty, migrated database of this kind, removed after `body`; on PostgreSQL with a
    /// pool of at most `connections`.
    func withBackend<T>(connections: Int = 20, _ body: (Backend) async throws -> T) async throws -> T {
        try await withDatabase(connections: connections) { url, options, logger in
            try await Backend.run(url, options: options, logger: logger, body)
        }
    }

    /// A new, empty database of this kind (not yet migrated), with the options a test backend
    /// opens it with, removed after `body`.
    func withDatabase<T>(
        connections: Int = 20, _ body: (DatabaseURL, Backend.Options, Logger) async throws -> T
    ) async throws -> T {
        var logger = Logger(label: "eptrack-test")
        // PostgresNIO warns when the first lease races the pool's start; tests want errors only.
        logger.logLevel = .error
        // The test script's PostgreSQL runs with fsync off: it holds nothing worth keeping.
        // Hundreds of tests opening their own pools at once on two cores are far slower to get a
        // first connection than a running server; the wait limit itself is DatabaseTimeoutTests'.
        var options = Backend.Options(schemaFolder: Self.schemaFolder)
        options.allowUnsafe = true
        options.connectionWait = .seconds(30)
        options.connections = connections
        // As the server does: on PostgreSQL, tokens and access from memory while it listens.
        options.followsIdentityChanges = true
        switch self {
        case .sqlite:
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("eptrack-test-\(UUID().uuidString).sqlite").path
            defer {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            }
            return try await body(.sqlite(path: path), options, logger)
        case .postgres:
            guard let base = ProcessInfo.processInfo.environment["EPTRACK_TEST_POSTGRES_URL"] else {
                throw TestSetupError("EPTRACK_REQUIRE_POSTGRES=1 but EPTRACK_TEST_POSTGRES_URL is not set: run scripts/test.sh")
            }
            // Each test gets its own schema in the shared test database.
            let schema = "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
            try await Self.admin("CREATE SCHEMA \(schema)")
            do {
                let result = try await body(try DatabaseURL(base + "&search_path=\(schema)"), options, logger)
                try await Self.admin("DROP SCHEMA \(schema) CASCADE")
                return result
            } catch {
                try? await Self.admin("DROP SCHEMA \(schema) CASCADE")
                throw error
            }
        }
    }

    /// A pool on the test PostgreSQL that `variable` names (scripts/test.sh sets it), logging only
    /// critical messages; nil on a SQLite-only run (plain `swift test`). The caller runs its client.
    static func postgresSource(
        _ variable: String = "EPTRACK_TEST_POSTGRES_URL", connections: Int = 1, statementTimeout: Duration = .seconds(10),
        leaseTimeout: Duration = .seconds(30)
    ) throws -> PostgresSource? {
        guard all.contains(.postgres) else { return nil }
        let url = try #require(ProcessInfo.processInfo.environment[variable], "run scripts/test.sh")
        guard case .postgres(let settings) = try DatabaseURL(url) else { throw TestSetupError("\(variable) is not a PostgreSQL URL") }
        var logger = Logger(label: "eptrack-test")
        logger.logLevel = .critical
        return try PostgresSource(settings, maximumConnections: connections, statementTimeout: statementTimeout, leaseTimeout: leaseTimeout, logger: logger)
    }

    private static func admin(_ sql: String) async throws {
        try await sharedAdmin.get().withConnection { database in try await database.raw(.init(sql)).run() }
    }

    /// One pool for every test's CREATE and DROP SCHEMA, kept for the run: a pool of their own
    /// cost each test two more connections, each with a TLS handshake and a SCRAM sign-in
    /// (4,096 PBKDF2 rounds on each side).
    private static let sharedAdmin = Result { () throws -> PostgresSource in
        guard let url = ProcessInfo.processInfo.environment["EPTRACK_TEST_POSTGRES_URL"], case .postgres(let settings) = try DatabaseURL(url) else {
            throw TestSetupError("EPTRACK_TEST_POSTGRES_URL is not a PostgreSQL URL: run scripts/test.sh")
        }
        var logger = Logger(label: "eptrack-test")
        logger.logLevel = .error
        let source = try PostgresSource(settings, maximumConnections: 2, leaseTimeout: .seconds(30), logger: logger)
        // Runs until the test process ends, which ends it.
        Task { await source.client.run() }
        return source
    }
}

struct TestSetupError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

extension Trait where Self == ConditionTrait {
    /// For tests of PostgreSQL alone: a run without it (plain `swift test`) shows them as
    /// skipped, with this reason, rather than passed.
    static var needsPostgres: Self {
        .enabled(if: TestDatabase.all.contains(.postgres), "needs the test PostgreSQL: run scripts/test.sh")
    }
}

extension DerivedData {
    /// What a store test stores beside `subject`: its digest, `state` and the alert index entries
    /// given, none by default (the service works these out for real; the store writes what it
    /// is given).
    static func plain(_ subject: Case, state: JourneyState = .preProceedings, alerts: [AlertIndexEntry] = []) -> DerivedData {
        DerivedData(state: state, alerts: alerts, digest: JourneyDigest(subject.journey))
    }
}
