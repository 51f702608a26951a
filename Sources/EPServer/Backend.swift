import EPDomain
import EPStore
import Foundation
import Logging

/// The database connection, migrated and ready, with the store on top of it. Used by the
/// server, the CLI and the tests alike.
public final class Backend: Sendable {
    public let source: any SQLConnectionSource
    public let store: SQLStore
    private let runner: Task<Void, Never>?

    /// Connects to `url`, waits for the database, and applies any missing migrations.
    public static func connect(_ url: DatabaseURL, schemaFolder: String, logger: Logger) async throws -> Backend {
        let source: any SQLConnectionSource
        var runner: Task<Void, Never>?
        switch url {
        case .sqlite(let path):
            source = try await SQLiteSource(path: path, logger: logger)
        case .postgres(let settings):
            let postgres = try PostgresSource(settings, logger: logger)
            runner = Task { await postgres.client.run() }
            source = postgres
        }
        let migrator = try Migrator(source: source, schemaFolder: URL(fileURLWithPath: schemaFolder))
        do {
            let applied = try await migrator.migrate()
            if !applied.isEmpty { logger.info("applied migrations", metadata: ["versions": .string(applied.map(String.init).joined(separator: ","))]) }
        } catch {
            runner?.cancel()
            throw error
        }
        return Backend(source: source, store: SQLStore(source: source, migrator: migrator), runner: runner)
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
}
