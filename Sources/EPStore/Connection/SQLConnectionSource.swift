import Foundation
import SQLKit

/// Hands out a database connection for the length of one unit of work. The store's code is the
/// same for both databases; only where connections come from differs.
public protocol SQLConnectionSource: Sendable {
    /// `postgres` or `sqlite`: the folder of Schema/ whose migrations apply.
    var dialect: String { get }
    /// Throws `DatabaseUnavailable` when no connection comes in time or the connection breaks.
    func withConnection<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T
    /// Connections in use and waited for, for `/metrics`.
    var usage: PoolUsage { get }
    /// The source's own background work for as long as it is in use, returning when the task
    /// is cancelled: PostgreSQL's pool maintains its connections; SQLite has none (it returns
    /// at once).
    func run() async
    func shutdown() async throws
    /// Keeps `cache` in step with other processes' changes to agencies, partnerships and
    /// tokens until the task is cancelled, turning it on only while it can (`IdentityCache`).
    /// A source that cannot hear them returns at once and the cache stays off.
    func followIdentityChanges(_ cache: IdentityCache) async
    /// Why a connection cannot be opened now, in the database's or the network's words, or nil
    /// (always nil for a source with nothing to connect to).
    func connectionProblem() async -> String?
}

extension SQLConnectionSource {
    /// Runs `body` in one transaction on one connection: all of it is stored, or none of it.
    func transaction<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await withConnection { database in
            try await database.raw("BEGIN").run()
            do {
                let result = try await body(database)
                try await database.raw("COMMIT").run()
                return result
            } catch {
                try? await database.raw("ROLLBACK").run()
                throw error
            }
        }
    }
}
