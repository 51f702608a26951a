import SQLKit

/// A statement the store runs on (nearly) every request: the read of a case, a write, the bearer
/// token's look-up when it is not in memory. On PostgreSQL (`PostgresSQLDatabase`) it runs as a named prepared statement,
/// parsed and planned once per connection instead of on every run (planning alone was more than
/// half of PostgreSQL's time for a milestone write); on SQLite it is the statement it wraps.
/// Only statements of a few shapes belong here: each shape is prepared once on every
/// connection and kept while the connection lives (see `PreparedStatementNames`). A prepared
/// statement names its columns, never `*`: a migration that adds a column would otherwise
/// change the result of statements other instances have prepared.
struct PreparedSQL: SQLExpression {
    let statement: SQLQueryString

    func serialize(to serializer: inout SQLSerializer) {
        statement.serialize(to: &serializer)
    }
}

/// `database.prepared(…)`, the counterpart of SQLKit's `database.raw(…)`.
final class PreparedSQLBuilder: SQLQueryBuilder, SQLQueryFetcher {
    let query: any SQLExpression
    let database: any SQLDatabase

    init(_ statement: SQLQueryString, on database: any SQLDatabase) {
        query = PreparedSQL(statement: statement)
        self.database = database
    }
}

extension SQLDatabase {
    /// A statement to prepare once per connection on PostgreSQL (see `PreparedSQL`).
    func prepared(_ statement: SQLQueryString) -> PreparedSQLBuilder {
        PreparedSQLBuilder(statement, on: self)
    }
}
