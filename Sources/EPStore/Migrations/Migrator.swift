import Foundation
import SQLKit

/// Applies the migrations of Schema/<dialect>/ that have not run yet, each in its own
/// transaction, and records them in `schema_migrations`.
public struct Migrator: Sendable {
    public let source: any SQLConnectionSource
    public let migrations: [Migration]

    public init(source: any SQLConnectionSource, schemaFolder: URL) throws {
        self.source = source
        self.migrations = try Migration.load(from: schemaFolder.appendingPathComponent(source.dialect))
        guard !migrations.isEmpty else {
            throw MigrationError("no migrations found in \(schemaFolder.appendingPathComponent(source.dialect).path)")
        }
    }

    /// Applies what is missing; returns the versions applied.
    @discardableResult
    public func migrate() async throws -> [Int] {
        try await source.withConnection { database in
            try await database.raw(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
            ).run()
        }
        let applied = try await appliedVersions()
        try refuseNewer(applied)
        var ran: [Int] = []
        for migration in migrations where !applied.contains(migration.version) {
            try await source.transaction { database in
                for statement in migration.statements {
                    try await database.raw(SQLQueryString(statement)).run()
                }
                let now = ISO8601DateFormatter().string(from: Date())
                try await database.raw(
                    "INSERT INTO schema_migrations (version, name, applied_at) VALUES (\(bind: migration.version), \(bind: migration.name), \(bind: now))"
                ).run()
            }
            ran.append(migration.version)
        }
        return ran
    }

    /// Whether every migration this build knows has been applied, from one read of
    /// `schema_migrations`: false when the database was never migrated (no such table); throws
    /// when it is at a migration newer than this build knows, and throws the database's own
    /// error when the table cannot be read (a login role not granted `eptrack_app`, say), which
    /// says more than "not migrated" would.
    public func isCurrentAndKnown() async throws -> Bool {
        let applied: [Int]
        do {
            applied = try await appliedVersions()
        } catch where ConstraintViolation.isMissingTable(error) {
            return false
        }
        try refuseNewer(applied)
        return coversEveryMigration(applied)
    }

    private func refuseNewer(_ applied: [Int]) throws {
        if let newest = applied.max(), let known = migrations.last?.version, newest > known {
            throw MigrationError("the database is at migration \(newest), newer than this build knows (\(known)): upgrade eptrack")
        }
    }

    /// Whether every known migration has run (for readiness).
    public func isCurrent() async throws -> Bool {
        coversEveryMigration(try await appliedVersions())
    }

    private func coversEveryMigration(_ applied: [Int]) -> Bool {
        Set(applied).isSuperset(of: migrations.map(\.version))
    }

    private func appliedVersions() async throws -> [Int] {
        try await source.withConnection { database in
            try await database.raw("SELECT version FROM schema_migrations").all().map { try $0.decode(column: "version", as: Int.self) }
        }
    }
}
