import EPDomain
import Foundation
import Logging
import SQLKit

/// The database connection, migrated and ready, with the store on top of it: opened one way
/// (`Backend.run`) by the server, the command line and the tests alike.
public final class Backend: Sendable {
    public let source: any SQLConnectionSource
    public let store: SQLStore

    public struct UnsafeDatabase: Error, CustomStringConvertible {
        public let description: String
    }

    /// How to open a backend: where the migrations are and the limits to work within.
    public struct Options: Sendable {
        public var schemaFolder: String
        /// Accept a PostgreSQL running with fsync, synchronous_commit or full_page_writes off.
        public var allowUnsafe = false
        /// How long to wait for the database to answer at start.
        public var patience: Duration = .seconds(30)
        /// How long each unit of work waits for one of the pool's connections.
        public var connectionWait: Duration = .seconds(1)
        /// PostgreSQL connections at most.
        public var connections = 20
        public var idempotencyLifetime: TimeInterval = SQLStore.defaultIdempotencyLifetime
        /// Apply missing migrations; false for a role that may not change the schema (the
        /// database is then only checked to be current).
        public var migrate = true

        public init(schemaFolder: String) { self.schemaFolder = schemaFolder }
    }

    /// Connects to `url`, waits for the database (up to `options.patience`), refuses a
    /// PostgreSQL that could lose acknowledged writes (unless allowed), applies missing
    /// migrations (or, without `migrate`, refuses a database whose migrations are not all
    /// applied), writes any journey digests missing from cases stored before they were kept,
    /// runs `body`, and closes the connection however `body` ends. PostgreSQL's client runs as a
    /// child task for exactly that long (structured, never detached), as the PostgresNIO and
    /// Hummingbird examples run it beside the application.
    public static func run<T>(
        _ url: DatabaseURL, options: Options, logger: Logger, _ body: (Backend) async throws -> T
    ) async throws -> T {
        switch url {
        case .sqlite(let path):
            return try await using(try await SQLiteSource(path: path, logger: logger), url: url, options: options, logger: logger, body)
        case .postgres(let settings):
            if let warning = url.interceptionWarning { logger.warning("database connection not verified", metadata: ["reason": .string(warning)]) }
            let postgres = try PostgresSource(settings, maximumConnections: options.connections, leaseTimeout: options.connectionWait, logger: logger)
            return try await withThrowingTaskGroup(of: Void.self, returning: T.self) { group in
                group.addTask { await postgres.client.run() }
                defer { group.cancelAll() }
                return try await using(postgres, url: url, options: options, logger: logger, body)
            }
        }
    }

    private static func using<T>(
        _ source: any SQLConnectionSource, url: DatabaseURL, options: Options, logger: Logger, _ body: (Backend) async throws -> T
    ) async throws -> T {
        let result: Result<T, any Error>
        do {
            let migrator = try Migrator(source: source, schemaFolder: URL(fileURLWithPath: options.schemaFolder))
            let backend = Backend(source: source, store: SQLStore(source: source, migrator: migrator, idempotencyLifetime: options.idempotencyLifetime))
            try await backend.prepare(url: url, migrator: migrator, options: options, logger: logger)
            result = .success(try await body(backend))
        } catch {
            result = .failure(error)
        }
        try? await source.shutdown()
        return try result.get()
    }

    private func prepare(url: DatabaseURL, migrator: Migrator, options: Options, logger: Logger) async throws {
        try await Self.waitForDatabase(source, patience: options.patience, logger: logger)
        if case .postgres = url, !options.allowUnsafe { try await Self.refuseUnsafeSettings(source) }
        // A database already migrated (by the owner, for a server whose role may change no
        // schema) is only checked: nothing runs that would need more than that role has.
        let current = (try? await migrator.isCurrent()) ?? false
        if current {
            try await migrator.refuseNewer()
        } else if options.migrate {
            let applied = try await migrator.migrate()
            if !applied.isEmpty { logger.info("applied migrations", metadata: ["versions": .string(applied.map(String.init).joined(separator: ","))]) }
        } else {
            throw MigrationError("the database's migrations are not all applied: run eptrack migrate with EPTRACK_MIGRATION_DATABASE_URL set to the tables' owner")
        }
        let completed = try await store.completeJourneyDigests()
        if completed > 0 { logger.info("wrote missing journey digests", metadata: ["cases": .stringConvertible(completed)]) }
    }

    private init(source: any SQLConnectionSource, store: SQLStore) {
        self.source = source
        self.store = store
    }

    /// Retries a trivial query with growing pauses, so a server started beside its database
    /// waits for it, but not for ever.
    private static func waitForDatabase(_ source: any SQLConnectionSource, patience: Duration, logger: Logger) async throws {
        let clock = ContinuousClock()
        let deadline = clock.now + patience
        var pause = Duration.milliseconds(200)
        while true {
            do {
                // PostgresNIO's pool waits for a connection indefinitely; each attempt is bounded.
                try await withTimeout(.seconds(3)) {
                    try await source.withConnection { try await $0.raw("SELECT 1").run() }
                }
                return
            } catch {
                guard clock.now + pause < deadline else { throw error }
                logger.warning("database not reachable yet; retrying", metadata: ["retry_in_ms": .stringConvertible(pause.components.seconds * 1000 + pause.components.attoseconds / 1_000_000_000_000_000)])
                try await Task.sleep(for: pause)
                pause = min(pause * 2, .seconds(5))
            }
        }
    }

    /// A PostgreSQL with fsync, synchronous_commit or full_page_writes off can lose writes the
    /// API has already acknowledged with 201. Refused unless the operator says otherwise
    /// (EPTRACK_ALLOW_UNSAFE_DB=1, meant for throwaway test servers).
    private static func refuseUnsafeSettings(_ source: any SQLConnectionSource) async throws {
        for setting in ["fsync", "synchronous_commit", "full_page_writes"] {
            let value = try await source.withConnection { database in
                try await database.raw("SELECT current_setting(\(bind: setting)) AS value").first()?.decode(column: "value", as: String.self)
            }
            if value == "off" {
                throw UnsafeDatabase(description: "PostgreSQL runs with \(setting)=off, so acknowledged writes could be lost; fix the server, or set EPTRACK_ALLOW_UNSAFE_DB=1 for a throwaway test database")
            }
        }
    }
}

public struct TimedOut: Error, CustomStringConvertible {
    public let description = "the database did not answer in time"
}

/// Runs `body`, cancelling it and throwing `TimedOut` if it takes longer than `limit`.
public func withTimeout<T: Sendable>(_ limit: Duration, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
    try await withThrowingTaskGroup(of: T.self) { group in
        group.addTask { try await body() }
        group.addTask {
            try await Task.sleep(for: limit)
            throw TimedOut()
        }
        defer { group.cancelAll() }
        return try await group.next()!
    }
}
