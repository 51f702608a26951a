import Foundation
import SQLKit

/// Everything one write stores (a milestone with the case's new version, digest and state, its
/// alert index entries, audit event and idempotency record, say), described once and carried
/// out the way each database does it best:
///
/// - on PostgreSQL, **one statement**: the anchor and every step as data-modifying common table
///   expressions, each step taking its rows from the anchor's (none if the anchor found none).
///   One round trip, and atomic without BEGIN and COMMIT: a statement is its own transaction.
/// - on SQLite, which has no network to save and no data-modifying CTEs, the same statements
///   one after another in a transaction, the steps only if the anchor returned its row.
///
/// Either way the write is all stored or none of it, and a step that fails (a reused audit id,
/// a live idempotency key) undoes the anchor too.
struct WritePlan {
    /// The statement the rest depends on, returning one row (`id`) when the write may go ahead
    /// and none when it may not: an UPDATE that claims the case's next version finds no row if
    /// another write took it first. An INSERT anchor always returns its row or fails.
    let anchor: SQLQueryString
    private(set) var steps: [Step] = []

    enum Step {
        /// Rows of one table, with an ON CONFLICT clause if they may meet existing rows.
        case insert([TableRow], onConflict: SQLQueryString?)
        /// Deletes the rows of `table` that belong to the anchor's row (`column` = its id, given
        /// for SQLite's statement) and match `condition`.
        case delete(table: String, column: String, id: UUID, condition: SQLQueryString)
    }

    init(anchor: SQLQueryString) {
        self.anchor = anchor
    }

    mutating func insert(_ rows: [TableRow], onConflict: SQLQueryString? = nil) {
        guard !rows.isEmpty else { return }
        steps.append(.insert(rows, onConflict: onConflict))
    }

    /// Deletes the rows of `table` whose `column` is `id`, the id the anchor returns, and that
    /// match `condition`.
    mutating func delete(from table: String, where column: String, is id: UUID, and condition: SQLQueryString) {
        steps.append(.delete(table: table, column: column, id: id, condition: condition))
    }

    /// PostgreSQL's one statement: `WITH anchor AS (…), step1 AS (…), … SELECT id FROM anchor`.
    /// Every step runs whether or not the final SELECT reads it (PostgreSQL's rule for
    /// data-modifying CTEs); each sees the database as it was when the statement began, so no
    /// step may depend on another's rows, only on the anchor's.
    var oneStatement: SQLQueryString {
        var sql: SQLQueryString = "WITH anchor AS (" + anchor + ")"
        for (position, step) in steps.enumerated() {
            sql = sql + ", step\(unsafeRaw: String(position + 1)) AS (" + Self.dependent(step) + ")"
        }
        return sql + " SELECT id FROM anchor"
    }

    private static func dependent(_ step: Step) -> SQLQueryString {
        switch step {
        case .insert(let rows, let onConflict):
            // INSERT … SELECT values FROM anchor: the rows exist only if the anchor's row does.
            // Several rows are joined by UNION ALL, which types a NULL as text: only rows without
            // NULLs (alert index entries) come several at a time.
            let selects = rows.map { "SELECT \(binds: $0.values) FROM anchor" as SQLQueryString }.joined(separator: " UNION ALL ")
            return rows[0].insertHeader + selects + (onConflict.map { " " + $0 } ?? "")
        case .delete(let table, let column, _, let condition):
            return "DELETE FROM \(unsafeRaw: table) WHERE \(unsafeRaw: column) IN (SELECT id FROM anchor) AND " + condition
        }
    }

    /// SQLite's statements for the steps, run after the anchor returned its row.
    var followingStatements: [SQLQueryString] {
        steps.map { step in
            switch step {
            case .insert(let rows, let onConflict):
                let values = rows.map { "(\(binds: $0.values))" as SQLQueryString }.joined(separator: ", ")
                return rows[0].insertHeader + "VALUES " + values + (onConflict.map { " " + $0 } ?? "")
            case .delete(let table, let column, let id, let condition):
                return "DELETE FROM \(unsafeRaw: table) WHERE \(unsafeRaw: column) = \(bind: id) AND " + condition
            }
        }
    }
}
