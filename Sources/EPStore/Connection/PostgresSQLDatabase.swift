import Foundation
import Logging
import NIOCore
import PostgresKit
import PostgresNIO
import SQLKit

/// SQLKit's view of one PostgresNIO connection, in place of PostgresKit's `connection.sql()`.
/// The queries are the store's, the same SQLKit expressions SQLite runs; what differs is only
/// how binds reach PostgresNIO and how cells come back. PostgresKit's adapter routes both
/// through a generic `Codable` translation (for each cell it also formats a coding path,
/// "name (index)", in case decoding fails) and each statement through futures; here a bind is
/// a `PostgresEncodable` value and a cell a `PostgresDecodable` one, on PostgresNIO's async
/// API. About a third less client CPU to read a case with its milestones (measured).
struct PostgresSQLDatabase: SQLDatabase {
    let connection: PostgresConnection
    let counter: PoolUsageCounter

    var logger: Logger { connection.logger }
    var eventLoop: any EventLoop { connection.eventLoop }
    var dialect: any SQLDialect { PostgresDialect() }
    /// Statements are not logged one by one: the request log says what was done.
    var queryLogLevel: Logger.Level? { nil }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        let (sql, values) = serialize(query)
        var binds = PostgresBindings(capacity: values.count)
        var types: [PostgresDataType] = []
        types.reserveCapacity(values.count)
        for value in values {
            types.append(try Self.append(value, to: &binds))
        }
        counter.sentStatement()
        if query is PreparedSQL, let name = PreparedStatementNames.shared.name(sql: sql, types: types) {
            do {
                try await NamedStatement.$current.withValue(NamedStatement.Current(name: name, sql: sql, types: types)) {
                    try await Self.deliver(try await connection.execute(NamedStatement(bindings: binds), logger: logger), to: onRow)
                }
            } catch let error as PSQLError where !(error.serverInfo?[.sqlState]?.hasPrefix("23") ?? false) {
                // Not a constraint the data broke (a unique key, a NOT NULL): the preparation
                // itself may have failed, and PostgresNIO would repeat that failure for ever.
                PreparedStatementNames.shared.forget(sql: sql, types: types)
                throw error
            }
        } else {
            try await Self.deliver(try await connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger), to: onRow)
        }
    }

    private static func deliver(_ rows: some AsyncSequence<PostgresRow, any Error>, to onRow: @Sendable (any SQLRow) -> Void) async throws {
        var columns: [String: Int]?  // the same for every row of the result: worked out once
        for try await row in rows {
            let index = columns ?? Dictionary(row.enumerated().map { ($1.columnName, $0) }) { first, _ in first }
            columns = index
            onRow(Row(columns: index, cells: row.makeRandomAccess()))
        }
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        eventLoop.makeFutureWithTask { try await execute(sql: query, onRow) }
    }

    /// The store binds strings, integers, booleans, dates and UUIDs, each maybe absent. Returns
    /// the value's type (`.null`, unspecified, for an absent one: PostgreSQL infers it).
    private static func append(_ value: any Encodable, to binds: inout PostgresBindings) throws -> PostgresDataType {
        if let optional = value as? any OptionalBind {
            guard let wrapped = optional.wrappedBind else {
                binds.appendNull()
                return .null
            }
            return try append(wrapped, to: &binds)
        } else if let encodable = value as? any PostgresThrowingDynamicTypeEncodable {
            try binds.append(encodable, context: .default)
            return encodable.psqlType
        } else {
            throw NoPostgresCoding(type: "\(type(of: value))")
        }
    }

    struct Row: SQLRow {
        let columns: [String: Int]
        let cells: PostgresRandomAccessRow

        var allColumns: [String] { cells.map(\.columnName) }

        func contains(column: String) -> Bool { columns[column] != nil }

        func decodeNil(column: String) throws -> Bool {
            columns[column].map { cells[$0].bytes == nil } ?? true
        }

        /// The store reads strings, integers, booleans, dates and UUIDs: those are decoded
        /// without looking up a conformance for every cell (a read of a case decodes hundreds).
        func decode<T: Decodable>(column: String, as type: T.Type) throws -> T {
            guard let index = columns[column] else { throw MissingColumn(column: column) }
            let cell = cells[index]
            if T.self == String.self { return try cell.decode(String.self) as! T }
            if T.self == String?.self { return try cell.decode(String?.self) as! T }
            if T.self == UUID.self { return try cell.decode(UUID.self) as! T }
            if T.self == UUID?.self { return try cell.decode(UUID?.self) as! T }
            if T.self == Date.self { return try cell.decode(Date.self) as! T }
            if T.self == Date?.self { return try cell.decode(Date?.self) as! T }
            if T.self == Int.self { return try cell.decode(Int.self) as! T }
            if T.self == Bool.self { return try cell.decode(Bool.self) as! T }
            guard let decodable = T.self as? any PostgresDecodable.Type else { throw NoPostgresCoding(type: "\(T.self)") }
            return try cell.decode(decodable) as! T  // the cast restores the type asked for
        }
    }

    struct MissingColumn: Error, CustomStringConvertible {
        let column: String
        var description: String { "the row has no column \(column)" }
    }

    /// A value the store's SQL binds or reads that PostgresNIO has no coding for: a programming
    /// error, caught by the store tests on PostgreSQL.
    struct NoPostgresCoding: Error, CustomStringConvertible {
        let type: String
        var description: String { "PostgresNIO has no coding for \(type)" }
    }
}

/// Lets an absent optional be bound as NULL and a present one as its value.
private protocol OptionalBind {
    var wrappedBind: (any Encodable)? { get }
}

extension Optional: OptionalBind where Wrapped: Encodable {
    var wrappedBind: (any Encodable)? { self }
}
