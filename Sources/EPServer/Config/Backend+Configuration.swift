import EPStore
import Logging

extension Backend {
    /// Opens the configured database with the configured limits (the server and the command
    /// line's one-off commands alike) and runs `body` on it. With
    /// `EPTRACK_MIGRATION_DATABASE_URL` set, the migrations run first through that (the tables'
    /// owner's) connection, which is then closed; `body` gets `DATABASE_URL`, a role that may
    /// change no schema.
    public static func run<T>(_ configuration: ServerConfiguration, logger: Logger, _ body: (Backend) async throws -> T) async throws -> T {
        var options = Options(schemaFolder: configuration.schemaFolder)
        options.allowUnsafe = configuration.allowUnsafeDatabase
        options.connectionWait = configuration.databaseWait
        options.idempotencyLifetime = configuration.idempotencyLifetime
        if let owner = configuration.migrationDatabase {
            var migrating = options
            migrating.connections = 1
            try await run(owner, options: migrating, logger: logger) { _ in }
            options.migrate = false
        }
        options.connections = configuration.databaseConnections
        return try await run(configuration.database, options: options, logger: logger, body)
    }
}
