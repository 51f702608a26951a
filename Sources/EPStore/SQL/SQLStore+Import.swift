import EPDomain
import Foundation
import SQLKit

extension SQLStore {
    /// Multi-row INSERTs in chunks that stay under both databases' limits on bound values
    /// (PostgreSQL 65,535; SQLite 32,766).
    private static let boundValuesPerStatement = 30_000

    public func importCases(_ cases: [ImportedCase]) async throws {
        guard !cases.isEmpty else { return }
        let caseRows = cases.map { TableRow.newCase($0.subject, derived: $0.derived, at: $0.audit.at) }
        let milestoneRows = cases.flatMap { imported in
            imported.subject.records.enumerated().map { position, milestone in
                TableRow.milestone(milestone, caseID: imported.subject.id, seq: position + 1)
            }
        }
        let alertRows = cases.flatMap(\.derived.alerts).map(TableRow.alert)
        let auditRows = cases.map(\.audit).map(TableRow.audit)
        try await source.transaction { database in
            do {
                try await Self.insert(caseRows, on: database)
            } catch where ConstraintViolation.uniqueTable(of: error) == "cases" {
                throw StoreError.duplicateReference("one of \(cases.first!.subject.reference)…\(cases.last!.subject.reference)")
            }
            for rows in [milestoneRows, alertRows, auditRows] {
                try await Self.insert(rows, on: database)
            }
        }
    }

    /// Rows of one table in multi-row INSERTs.
    private static func insert(_ rows: [TableRow], on database: any SQLDatabase) async throws {
        guard let first = rows.first else { return }
        let chunk = max(1, boundValuesPerStatement / first.columns.count)
        for start in stride(from: 0, to: rows.count, by: chunk) {
            var insert = database.insert(into: first.table).columns(first.columns)
            for row in rows[start..<min(start + chunk, rows.count)] {
                insert = insert.values(row.values)
            }
            try await insert.run()
        }
    }
}
