import EPDomain
import Foundation
import SQLKit

/// One row a write adds: its table, its columns and their values, written out once for every
/// way the store adds rows (an import's multi-row INSERTs, SQLite's transaction of statements,
/// PostgreSQL's one statement).
struct TableRow {
    let table: String
    let columns: [String]
    let values: [any Encodable & Sendable]

    static let caseColumns = [
        "id", "reference", "local_authority", "adoption_agency", "sex", "ethnicity", "sibling_group_size",
        "disability", "unborn", "expected_birth_month", "state", "version", "created_at", "updated_at", "journey_digest",
        "reference_key",
    ]
    static let milestoneColumns = [
        "id", "case_id", "seq", "kind", "occurred_on", "details", "note", "recorded_at", "recorded_by",
        "supersedes", "correction_reason", "retracted",
    ]
    static let alertColumns = ["case_id", "rule_id", "opens_on", "overdue_on", "due_on"]
    static let auditColumns = [
        "id", "at", "actor", "agency_id", "role", "action", "case_id", "milestone_id", "request_id", "outcome",
        "subject_agency", "reason", "record_id",
    ]

    static func newCase(_ subject: Case, derived: DerivedData, at: Date) -> TableRow {
        let profile = subject.profile
        return TableRow(table: "cases", columns: caseColumns, values: [
            subject.id, subject.reference, subject.localAuthority, subject.adoptionAgency, profile.sex.rawValue,
            profile.ethnicity.rawValue, profile.siblingGroupSize, profile.disability, profile.unborn,
            profile.expectedBirthMonth?.description, derived.state.rawValue, subject.version, subject.createdAt, at,
            derived.digest.text, referenceKey(subject.reference),
        ])
    }

    /// What makes a reference unique in its local authority: the reference whatever its case
    /// (migration 0011), as SQL's lower() folds the ASCII a reference is made of.
    static func referenceKey(_ reference: String) -> String { reference.lowercased() }

    /// The `seq`-th milestone recorded on the case (from 1), which orders its journey.
    static func milestone(_ milestone: Milestone, caseID: UUID, seq: Int) -> TableRow {
        TableRow(table: "milestones", columns: milestoneColumns, values: [
            milestone.id, caseID, seq, milestone.kind.rawValue, milestone.occurredOn.iso,
            DetailsJSON.write(milestone.details), milestone.note, milestone.recordedAt, milestone.recordedBy,
            milestone.correction?.supersedes, milestone.correction?.reason, milestone.correction?.retracted ?? false,
        ])
    }

    static func alert(_ entry: AlertIndexEntry) -> TableRow {
        TableRow(table: "alert_index", columns: alertColumns, values: [
            entry.caseID, entry.ruleID, entry.opensOn.iso, entry.overdueOn.iso, entry.dueOn.iso,
        ])
    }

    static func acknowledgement(_ acknowledgement: Acknowledgement) -> TableRow {
        TableRow(table: "alert_acknowledgements", columns: ["id", "case_id", "rule_id", "note", "acknowledged_by", "acknowledged_at", "anchor_on"], values: [
            acknowledgement.id, acknowledgement.caseID, acknowledgement.ruleID, acknowledgement.note, acknowledgement.acknowledgedBy,
            acknowledgement.acknowledgedAt, acknowledgement.anchorOn?.iso,
        ])
    }

    static func audit(_ audit: AuditEvent) -> TableRow {
        TableRow(table: "audit_events", columns: auditColumns, values: [
            audit.id, audit.at, audit.actor, audit.agency, audit.role, audit.action, audit.caseID, audit.milestoneID,
            audit.requestID, audit.outcome, audit.subjectAgency, audit.reason, audit.recordID,
        ])
    }

    static func idempotency(_ record: IdempotencyRecord, at: Date) -> TableRow {
        TableRow(table: "idempotency_keys", columns: ["caller", "key", "request_hash", "body", "created_at"], values: [
            record.caller, record.key, record.requestHash, record.body, at,
        ])
    }

    /// `INSERT INTO table (columns) `, for the row and any others of its table.
    var insertHeader: SQLQueryString {
        "INSERT INTO \(unsafeRaw: table) (\(unsafeRaw: columns.joined(separator: ", "))) "
    }

    /// `INSERT INTO table (columns) VALUES (…)`.
    var insert: SQLQueryString {
        insertHeader + "VALUES (\(binds: values))"
    }
}
