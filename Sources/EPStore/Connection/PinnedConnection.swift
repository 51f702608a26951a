import Foundation
import SQLKit

/// One connection already leased from a source, handed to every unit of work of a session
/// (`Store.session`): a read and the write that depends on it lease once, not once each.
struct PinnedConnection: SQLConnectionSource {
    let database: any SQLDatabase
    let leasedFrom: any SQLConnectionSource

    var dialect: String { leasedFrom.dialect }
    var usage: PoolUsage { leasedFrom.usage }

    func withConnection<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await body(database)
    }

    /// The lease ends with the session; the source it came from is run and shut down by its owner.
    func run() async {}
    func shutdown() async throws {}
    func followIdentityChanges(_ cache: IdentityCache) async {}
    func connectionProblem() async -> String? { nil }
}
