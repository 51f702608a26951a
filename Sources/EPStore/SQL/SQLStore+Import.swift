import EPDomain
import Foundation
import SQLKit

extension SQLStore {
    /// Multi-row INSERTs in chunks that stay under both databases' limits on bound values
    /// (PostgreSQL 65,535; SQLite 32,766).
    private static let boundValuesPerStatement = 30_000

    public func importCases(_ cases: [ImportedCase]) async throws {
        guard !cases.isEmpty else { return }
        let caseRows: [[any Encodable & Sendable]] = cases.map { imported in
            let subject = imported.subject
            let profile = subject.profile
            return [
                subject.id, subject.reference, subject.localAuthority, subject.adoptionAgency, profile.sex.rawValue,
                profile.ethnicity.rawValue, profile.siblingGroupSize, profile.disability, profile.unborn,
                profile.expectedBirthMonth?.description, imported.derived.state.rawValue, subject.version, subject.createdAt, imported.audit.at,
                imported.derived.digest.text,
            ]
        }
        let milestoneRows: [[any Encodable & Sendable]] = cases.flatMap { imported in
            imported.subject.records.enumerated().map { position, milestone in
                [
                    milestone.id, imported.subject.id, position + 1, milestone.kind.rawValue, milestone.occurredOn.iso,
                    DetailsJSON.write(milestone.details), milestone.note, milestone.recordedAt, milestone.recordedBy,
                    milestone.correction?.supersedes, milestone.correction?.reason, milestone.correction?.retracted ?? false,
                ]
            }
        }
        let alertRows: [[any Encodable & Sendable]] = cases.flatMap(\.derived.alerts).map { entry in
            [entry.caseID, entry.ruleID, entry.opensOn.iso, entry.overdueOn.iso, entry.dueOn.iso]
        }
        let auditRows: [[any Encodable & Sendable]] = cases.map(\.audit).map { audit in
            [audit.id, audit.at, audit.actor, audit.agency, audit.role, audit.action, audit.caseID, audit.milestoneID, audit.requestID, audit.outcome]
        }
        try await source.transaction { database in
            do {
                try await Self.insert(caseRows, into: "cases", columns: [
                    "id", "reference", "local_authority", "adoption_agency", "sex", "ethnicity", "sibling_group_size",
                    "disability", "unborn", "expected_birth_month", "state", "version", "created_at", "updated_at", "journey_digest",
                ], on: database)
            } catch where UniqueViolation.table(of: error) == "cases" {
                throw StoreError.duplicateReference("one of \(cases.first!.subject.reference)…\(cases.last!.subject.reference)")
            }
            try await Self.insert(milestoneRows, into: "milestones", columns: [
                "id", "case_id", "seq", "kind", "occurred_on", "details", "note", "recorded_at", "recorded_by",
                "supersedes", "correction_reason", "retracted",
            ], on: database)
            try await Self.insert(alertRows, into: "alert_index", columns: ["case_id", "rule_id", "opens_on", "overdue_on", "due_on"], on: database)
            try await Self.insert(auditRows, into: "audit_events", columns: [
                "id", "at", "actor", "agency_id", "role", "action", "case_id", "milestone_id", "request_id", "outcome",
            ], on: database)
        }
    }

    private static func insert(_ rows: [[any Encodable & Sendable]], into table: String, columns: [String], on database: any SQLDatabase) async throws {
        let chunk = max(1, boundValuesPerStatement / columns.count)
        for start in stride(from: 0, to: rows.count, by: chunk) {
            var insert = database.insert(into: table).columns(columns)
            for row in rows[start..<min(start + chunk, rows.count)] {
                insert = insert.values(row)
            }
            try await insert.run()
        }
    }
}
