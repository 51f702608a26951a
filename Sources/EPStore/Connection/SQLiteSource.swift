import Logging
import NIOCore
import NIOPosix
import SQLiteKit
import Foundation

/// The embedded database: one SQLite file, one connection, one unit of work at a time.
public final class SQLiteSource: SQLConnectionSource {
    public let dialect = "sqlite"
    private let connection: SQLiteConnection
    private let lock = AsyncLock()
    private let counter = PoolUsageCounter(capacity: 1)

    /// Statements are never logged: SQLKit would log them with their bound values (notes,
    /// token hashes) at debug level.
    public init(path: String, logger: Logger) async throws {
        connection = try await SQLiteConnection.open(
            storage: .file(path: path), threadPool: .singleton, logger: logger,
            on: MultiThreadedEventLoopGroup.singleton.any()
        ).get()
        let database = connection.sql(queryLogLevel: nil)
        try await database.raw("PRAGMA journal_mode = WAL").run()
        try await database.raw("PRAGMA foreign_keys = ON").run()
        try await database.raw("PRAGMA busy_timeout = 5000").run()
    }

    public var usage: PoolUsage { counter.snapshot }

    public func withConnection<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let database = CountingDatabase(base: connection.sql(queryLogLevel: nil), counter: counter)
        counter.startedWaiting()
        return try await lock.withLock { [counter] in
            counter.leased()
            defer { counter.released() }
            return try await body(database)
        }
    }

    /// One connection opened at `init`: nothing runs in the background.
    public func run() async {}

    /// SQLite cannot tell this process that another (`eptrack token revoke` on the same file)
    /// changed something, so the identity cache stays off: every lookup reads the file.
    public func followIdentityChanges(_ cache: IdentityCache) async {}

    /// The file was opened at `init`: there is nothing to connect to.
    public func connectionProblem() async -> String? { nil }

    public func shutdown() async throws {
        try await connection.close().get()
    }
}

/// SQLiteKit's view of the connection, counting statements as `PostgresSQLDatabase` does.
private struct CountingDatabase: SQLDatabase {
    let base: any SQLDatabase
    let counter: PoolUsageCounter

    var logger: Logger { base.logger }
    var eventLoop: any EventLoop { base.eventLoop }
    var version: (any SQLDatabaseReportedVersion)? { base.version }
    var dialect: any SQLDialect { base.dialect }
    var queryLogLevel: Logger.Level? { base.queryLogLevel }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        counter.sentStatement()
        return base.execute(sql: query, onRow)
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        counter.sentStatement()
        try await base.execute(sql: query, onRow)
    }
}
