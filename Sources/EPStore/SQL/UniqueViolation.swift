import PostgresNIO
import SQLiteNIO

/// Which table's uniqueness a failed insert broke, read the same way from either driver.
enum UniqueViolation {
    /// The table named by the violated constraint, or nil when `error` is not a uniqueness violation.
    static func table(of error: any Error) -> String? {
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
}
