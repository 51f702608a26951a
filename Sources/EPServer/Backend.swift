import EPDomain
import EPStore
import Foundation
import Logging
import SQLKit

/// The database connection, migrated and ready, with the store on top of it. Used by the
/// server, the CLI and the tests alike.
public final class Backend: Sendable {
    public let source: any SQLConnectionSource
    public let store: SQLStore
    private let runner: Task<Void, Never>?

    public struct UnsafeDatabase: Error, CustomStringConvertible {
        public let description: String
    }

    /// Connects to the configured database with the configured limits (the server and the
    /// command line's one-off commands alike). With `EPTRACK_MIGRATION_DATABASE_URL` set, the
    /// migrations run first through that (the tables' owner's) connection, which is then
    /// closed; the returned backend uses `DATABASE_URL`, a role that may change no schema.
    public static func connect(_ configuration: ServerConfiguration, logger: Logger) async throws -> Backend {
        if let owner = configuration.migrationDatabase {
            let migrating = try await connect(
                owner, schemaFolder: configuration.schemaFolder, allowUnsafe: configuration.allowUnsafeDatabase,
                connectionWait: configuration.databaseWait, connections: 1, idempotencyLifetime: configuration.idempotencyLifetime, logger: logger
            )
            await migrating.shutdown()
        }
        return try await connect(
            configuration.database, schemaFolder: configuration.schemaFolder, allowUnsafe: configuration.allowUnsafeDatabase,
            connectionWait: configuration.databaseWait, connections: configuration.databaseConnections,
            idempotencyLifetime: configuration.idempotencyLifetime, migrate: configuration.migrationDatabase == nil, logger: logger
        )
    }

    /// Connects to `url`, waits for the database (up to `patience`), refuses a PostgreSQL that
    /// could lose acknowledged writes (unless `allowUnsafe`), and applies missing migrations, or,
    /// when `migrate` is false (a role that may not change the schema), refuses a database whose
    /// migrations are not all applied; then writes any journey digests missing from cases
    /// stored before they were kept.
    /// Later, each unit of work waits at most `connectionWait` for one of at most `connections`
    /// PostgreSQL connections.
    public static func connect(
        _ url: DatabaseURL, schemaFolder: String, allowUnsafe: Bool = false, patience: Duration = .seconds(30),
        connectionWait: Duration = .seconds(1), connections: Int = 20, idempotencyLifetime: TimeInterval = SQLStore.defaultIdempotencyLifetime,
        migrate: Bool = true, logger: Logger
    ) async throws -> Backend {
        let source: any SQLConnectionSource
        var runner: Task<Void, Never>?
        switch url {
        case .sqlite(let path):
            source = try await SQLiteSource(path: path, logger: logger)
        case .postgres(let settings):
            if let warning = url.interceptionWarning { logger.warning("database connection not verified", metadata: ["reason": .string(warning)]) }
            let postgres = try PostgresSource(settings, maximumConnections: connections, leaseTimeout: connectionWait, logger: logger)
            runner = Task { await postgres.client.run() }
            source = postgres
        }
        let migrator = try Migrator(source: source, schemaFolder: URL(fileURLWithPath: schemaFolder))
        let store = SQLStore(source: source, migrator: migrator, idempotencyLifetime: idempotencyLifetime)
        do {
            try await waitForDatabase(source, patience: patience, logger: logger)
            if case .postgres = url, !allowUnsafe { try await refuseUnsafeSettings(source) }
            // A database already migrated (by the owner, for a server whose role may change no
            // schema) is only checked: nothing runs that would need more than that role has.
            let current = (try? await migrator.isCurrent()) ?? false
            if current {
                try await migrator.refuseNewer()
            } else if migrate {
                let applied = try await migrator.migrate()
                if !applied.isEmpty { logger.info("applied migrations", metadata: ["versions": .string(applied.map(String.init).joined(separator: ","))]) }
            } else {
                throw MigrationError("the database's migrations are not all applied: run eptrack migrate with EPTRACK_MIGRATION_DATABASE_URL set to the tables' owner")
            }
            let completed = try await store.completeJourneyDigests()
            if completed > 0 { logger.info("wrote missing journey digests", metadata: ["cases": .stringConvertible(completed)]) }
        } catch {
            runner?.cancel()
            throw error
        }
        return Backend(source: source, store: store, runner: runner)
    }

    private init(source: any SQLConnectionSource, store: SQLStore, runner: Task<Void, Never>?) {
        self.source = source
        self.store = store
        self.runner = runner
    }

    public func shutdown() async {
        try? await source.shutdown()
        runner?.cancel()
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

struct TimedOut: Error, CustomStringConvertible {
    let description = "the database did not answer in time"
}

/// Runs `body`, cancelling it and throwing `TimedOut` if it takes longer than `limit`.
func withTimeout<T: Sendable>(_ limit: Duration, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
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
