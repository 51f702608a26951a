import EPStore
import Logging

extension Backend {
    /// The backend for the configured database with the configured limits, for the server (which
    /// listens for changes to tokens and partnerships) and the command line's one-off commands
    /// alike. With `EPTRACK_MIGRATION_DATABASE_URL` set, the
    /// migrations are applied through that (the tables' owner's) connection, which is then
    /// closed; the backend itself uses `DATABASE_URL`, a role that may change no schema.
    public convenience init(_ configuration: ServerConfiguration, logger: Logger) async throws {
        var options = Self.options(configuration)
        options.followsIdentityChanges = true
        try await self.init(configuration.database, options: options, logger: logger)
    }

    /// Runs `body` on the configured backend once it is ready (a one-off command).
    public static func run<T>(_ configuration: ServerConfiguration, logger: Logger, _ body: (Backend) async throws -> T) async throws -> T {
        try await run(configuration.database, options: options(configuration), logger: logger, body)
    }

    private static func options(_ configuration: ServerConfiguration) -> Options {
        var options = Options(schemaFolder: configuration.schemaFolder)
        options.allowUnsafe = configuration.allowUnsafeDatabase
        options.connectionWait = configuration.databaseWait
        options.idempotencyLifetime = configuration.idempotencyLifetime
        options.connections = configuration.databaseConnections
        options.migrationDatabase = configuration.migrationDatabase
        return options
    }
}
