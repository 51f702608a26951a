import EPDomain
import Foundation
import Logging
import ServiceLifecycle
import SQLKit

/// The database connection, migrated and ready, with the store on top of it. It is a service:
/// the server lists it first in its service group (so it stops last), where it runs the database
/// client, prepares the database and opens `ready()` for the services that need it, the way
/// the Hummingbird PostgreSQL examples add the client to the application's services. The command
/// line and the tests run the same service around one piece of work (`Backend.run`).
public final class Backend: Service, Sendable {
    public let source: any SQLConnectionSource
    public let store: SQLStore
    private let url: DatabaseURL
    private let options: Options
    private let migrator: Migrator
    private let logger: Logger
    private let readiness = Readiness()

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
        /// Listens for other processes' changes to tokens and partnerships, so the store may
        /// answer them from memory (`IdentityCache`), as the server does. One more connection;
        /// one-off commands read them from the database instead.
        public var followsIdentityChanges = false
        public var idempotencyLifetime: TimeInterval = SQLStore.defaultIdempotencyLifetime
        /// The same database reached as the tables' owner: when set, the migrations are applied
        /// through a connection of its own (closed before anything else runs) and the backend's
        /// own role, which may change no schema, only checks them.
        public var migrationDatabase: DatabaseURL?

        public init(schemaFolder: String) { self.schemaFolder = schemaFolder }
    }

    /// Makes the backend for `url` without connecting yet: `run()` connects.
    public init(_ url: DatabaseURL, options: Options, logger: Logger) async throws {
        switch url {
        case .sqlite(let path):
            source = try await SQLiteSource(path: path, logger: logger)
        case .postgres(let settings):
            if let warning = url.interceptionWarning { logger.warning("database connection not verified", metadata: ["reason": .string(warning)]) }
            source = try PostgresSource(settings, maximumConnections: options.connections, leaseTimeout: options.connectionWait, logger: logger)
        }
        migrator = try Migrator(source: source, schemaFolder: URL(fileURLWithPath: options.schemaFolder))
        store = SQLStore(source: source, migrator: migrator, idempotencyLifetime: options.idempotencyLifetime)
        self.url = url
        self.options = options
        self.logger = logger
    }

    /// The service: runs the database client, waits for the database (up to
    /// `options.patience`), refuses a PostgreSQL that could lose acknowledged writes (unless
    /// allowed), applies missing migrations (with `migrationDatabase`, through the owner's
    /// connection first, then only checks that none is missing), writes any journey digests
    /// missing from cases stored before they were kept, and opens `ready()`. Then it keeps the client running until the
    /// group shuts down or the task is cancelled, and closes the connections. A failed
    /// preparation is thrown here (stopping the group) and by `ready()`.
    public func run() async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { [source] in await source.run() }
            var failure: (any Error)?
            do {
                try await prepare()
                if options.followsIdentityChanges {
                    group.addTask { [source, store] in await source.followIdentityChanges(store.identity) }
                }
                readiness.open()
                try? await gracefulShutdown()
            } catch {
                readiness.fail(error)
                failure = error
            }
            group.cancelAll()
            try? await source.shutdown()
            if let failure { throw failure }
        }
    }

    /// Returns once the database is ready for work; throws what stopped it from getting there.
    public func ready() async throws {
        try await readiness.wait()
    }

    /// Opens a backend for one piece of work (a command, a test): runs the backend's service
    /// for as long as `body` runs, after the database is ready, and closes it however `body` ends.
    public static func run<T>(
        _ url: DatabaseURL, options: Options, logger: Logger, _ body: (Backend) async throws -> T
    ) async throws -> T {
        let backend = try await Backend(url, options: options, logger: logger)
        return try await withThrowingTaskGroup(of: Void.self, returning: T.self) { group in
            group.addTask { try await backend.run() }
            do {
                try await backend.ready()
                let result = try await body(backend)
                group.cancelAll()
                try await group.waitForAll()
                return result
            } catch {
                group.cancelAll()
                try? await group.waitForAll()
                throw error
            }
        }
    }

    private func prepare() async throws {
        if let owner = options.migrationDatabase {
            var migrating = options
            migrating.connections = 1
            migrating.followsIdentityChanges = false
            migrating.migrationDatabase = nil
            try await Self.run(owner, options: migrating, logger: logger) { _ in }
        }
        try await Self.waitForDatabase(source, patience: options.patience, logger: logger)
        if case .postgres = url, !options.allowUnsafe { try await Self.refuseUnsafeSettings(source) }
        // A database already migrated (by the owner, for a server whose role may change no
        // schema) is only checked: nothing runs that would need more than that role has.
        if try await migrator.isCurrentAndKnown() {
            // Nothing to apply.
        } else if options.migrationDatabase == nil {
            let applied = try await migrator.migrate()
            if !applied.isEmpty { logger.info("applied migrations", metadata: ["versions": .string(applied.map(String.init).joined(separator: ","))]) }
        } else {
            // The owner's connection has just applied them: this role cannot see them.
            throw MigrationError(
                "the migrations were applied through EPTRACK_MIGRATION_DATABASE_URL, but DATABASE_URL's role does not see them: make its login a member of eptrack_app (GRANT eptrack_app TO <login>) and point both URLs at the same database and schema"
            )
        }
        let completed = try await store.completeJourneyDigests()
        if completed > 0 { logger.info("wrote missing journey digests", metadata: ["cases": .stringConvertible(completed)]) }
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
                guard clock.now + pause < deadline else {
                    if let problem = await source.connectionProblem() {
                        throw DatabaseUnavailable("cannot connect to the database: \(problem)")
                    }
                    throw error
                }
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
