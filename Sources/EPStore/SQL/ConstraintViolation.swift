import PostgresNIO
import SQLiteNIO

/// Which constraint a failed statement broke (or which table it missed), read the same way from
/// either driver.
enum ConstraintViolation {
    /// The table whose uniqueness `error` reports, or nil when it is not a uniqueness violation.
    static func uniqueTable(of error: any Error) -> String? {
        if let error = error as? PSQLError, error.serverInfo?[.sqlState] == "23505" {
            return error.serverInfo?[.tableName] ?? ""
        }
        if let error = error as? SQLiteError, error.message.contains("UNIQUE constraint failed") {
            // "UNIQUE constraint failed: idempotency_keys.caller, idempotency_keys.key"
            return error.message.split(separator: ":").last?.split(separator: ".").first
                .map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        }
        return nil
    }

    /// Whether `error` reports a table that does not exist (a database never migrated).
    static func isMissingTable(_ error: any Error) -> Bool {
        if let error = error as? PSQLError { return error.serverInfo?[.sqlState] == "42P01" }
        if let error = error as? SQLiteError { return error.message.contains("no such table") }
        return false
    }

    /// `table.column` when `error` reports a NULL put into a NOT NULL column, else nil.
    static func notNullColumn(of error: any Error) -> String? {
        if let error = error as? PSQLError, error.serverInfo?[.sqlState] == "23502" {
            return "\(error.serverInfo?[.tableName] ?? "").\(error.serverInfo?[.columnName] ?? "")"
        }
        if let error = error as? SQLiteError, error.message.contains("NOT NULL constraint failed") {
            // "NOT NULL constraint failed: idempotency_keys.request_hash"
            return error.message.split(separator: ":").last.map { $0.trimmingCharacters(in: .whitespaces) }
        }
        return nil
    }
}
