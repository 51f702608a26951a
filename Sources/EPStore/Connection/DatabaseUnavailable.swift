import PostgresNIO

/// The database did not hand out a connection in time, or the connection broke: the request
/// did nothing (a broken transaction is rolled back by the database) and may be retried.
public struct DatabaseUnavailable: Error, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}

/// What a database error may put in a log line: its code and SQLSTATE, never its message or
/// the statement (which can quote values a request sent). Nil for errors that are not the
/// database's.
public func databaseErrorSummary(_ error: any Error) -> String? {
    guard let error = error as? PSQLError else { return nil }
    return "PSQLError \(error.code)" + (error.serverInfo?[.sqlState].map { " SQLSTATE \($0)" } ?? "")
}
