import EPDomain
import Foundation
import SQLKit

extension SQLStore {
    public func insertCase(_ subject: Case, derived: DerivedData, audit: AuditEvent, idempotency: IdempotencyRecord?) async throws {
        var plan = WritePlan(anchor: TableRow.newCase(subject, derived: derived, at: subject.createdAt).insert + " RETURNING id")
        plan.insert(derived.alerts.map(TableRow.alert))
        plan.insert([TableRow.audit(audit)])
        storeIdempotency(idempotency, at: audit.at, in: &plan)
        do {
            _ = try await perform(plan)
        } catch where ConstraintViolation.uniqueTable(of: error) == "cases" {
            // Named as the case that holds it spells it ("NS-EP-0142" when "ns-ep-0142" was sent).
            let held = try? await source.withConnection { database in
                try await database.raw("""
                    SELECT reference FROM cases WHERE local_authority = \(bind: subject.localAuthority) AND reference_key = \(bind: TableRow.referenceKey(subject.reference))
                    """).first(decodingColumn: "reference", as: String.self)
            }
            throw StoreError.duplicateReference(held ?? subject.reference)
        }
    }

    /// The read of a case on every request that names one: its column list is worked out once.
    private static let joinedMilestoneColumns = Rows.milestoneColumns("m", prefix: "m_")

    /// One round trip: the case's columns on every row, its milestones beside them.
    public func findCase(id: UUID) async throws -> Case? {
        let columns = Self.joinedMilestoneColumns
        let rows = try await source.withConnection { database in
            try await database.prepared("""
                SELECT \(unsafeRaw: Rows.caseColumns("c")), \(unsafeRaw: columns) FROM cases c LEFT JOIN milestones m ON m.case_id = c.id
                WHERE c.id = \(bind: id) ORDER BY m.seq
                """).all()
        }
        guard let first = rows.first else { return nil }
        var subject = try Rows.caseSummary(first).subject
        subject.records = try rows.compactMap { row in
            try row.decodeNil(column: "m_id") ? nil : Rows.milestone(row, prefix: "m_")
        }
        return subject
    }

    public func findCases(ids: [UUID]) async throws -> [Case] {
        guard !ids.isEmpty else { return [] }
        return try await source.withConnection { database in
            let summaries = try await database.raw("SELECT \(unsafeRaw: Rows.caseColumns("cases")) FROM cases WHERE id IN (\(binds: ids))").all().map(Rows.caseSummary)
            let milestones = try await database.raw("SELECT * FROM milestones WHERE case_id IN (\(binds: ids)) ORDER BY case_id, seq").all()
            return try Self.attach(milestones, to: summaries)
        }
    }

    /// Puts each milestone row on its case, keeping recording order.
    static func attach(_ rows: [any SQLRow], to summaries: [CaseSummary]) throws -> [Case] {
        var byCase: [UUID: [Milestone]] = [:]
        for row in rows {
            byCase[try row.decode(column: "case_id", as: UUID.self), default: []].append(try Rows.milestone(row))
        }
        return summaries.map { summary in
            var subject = summary.subject
            subject.records = byCase[subject.id] ?? []
            return subject
        }
    }

    public func listCases(_ query: CaseQuery) async throws -> [CaseSummary] {
        guard !query.localAuthorities.isEmpty else { return [] }
        var sql: SQLQueryString = "SELECT \(unsafeRaw: Rows.caseColumns("cases")) FROM cases WHERE local_authority IN (\(binds: query.localAuthorities.sorted()))"
        if let state = query.state { sql = sql + " AND state = \(bind: state.rawValue)" }
        if let reference = query.reference {
            // Whatever its case, as references are unique; a later case of an older pair that
            // differs only in case holds its key with `#` and its id after (migration 0011).
            // (A reference holds letters, digits, - and / only, which the service checks first,
            // so the pattern has no wildcard but its own.)
            let key = TableRow.referenceKey(reference)
            sql = sql + " AND (reference_key = \(bind: key) OR reference_key LIKE \(bind: key + "#%"))"
        }
        if let after = query.after {
            sql = sql + " AND (created_at > \(bind: after.createdAt) OR (created_at = \(bind: after.createdAt) AND id > \(bind: after.id)))"
        }
        sql = sql + " ORDER BY created_at, id LIMIT \(literal: query.limit)"
        let statement = sql
        return try await source.withConnection { database in
            try await database.raw(statement).all().map(Rows.caseSummary)
        }
    }

    /// Every case of these LAs, with its milestones, in two queries.
    public func allCases(in localAuthorities: Set<String>) async throws -> [Case] {
        guard !localAuthorities.isEmpty else { return [] }
        let authorities = localAuthorities.sorted()
        return try await source.withConnection { database in
            let summaries = try await database.raw("""
                SELECT \(unsafeRaw: Rows.caseColumns("cases")) FROM cases WHERE local_authority IN (\(binds: authorities))
                ORDER BY created_at, id
                """).all().map(Rows.caseSummary)
            let milestones = try await database.raw("""
                SELECT m.* FROM milestones m JOIN cases c ON c.id = m.case_id
                WHERE c.local_authority IN (\(binds: authorities))
                ORDER BY m.case_id, m.seq
                """).all()
            return try Self.attach(milestones, to: summaries)
        }
    }

    public func updateCase(_ subject: Case, expectedVersion: Int, derived: DerivedData, audit: AuditEvent) async throws -> Bool {
        let profile = subject.profile
        var plan = WritePlan(anchor: """
            UPDATE cases SET adoption_agency = \(bind: subject.adoptionAgency), sex = \(bind: profile.sex.rawValue),
                ethnicity = \(bind: profile.ethnicity.rawValue), sibling_group_size = \(bind: profile.siblingGroupSize),
                disability = \(bind: profile.disability), unborn = \(bind: profile.unborn),
                expected_birth_month = \(bind: profile.expectedBirthMonth?.description),
                version = \(bind: subject.version), updated_at = \(bind: audit.at), journey_digest = \(bind: derived.digest.text)
            WHERE id = \(bind: subject.id) AND version = \(bind: expectedVersion)
            RETURNING id
            """)
        replaceAlertIndex(of: subject.id, with: derived.alerts, in: &plan)
        plan.insert([TableRow.audit(audit)])
        return try await perform(plan)
    }

    public func appendMilestone(
        _ milestone: Milestone, to subject: Case, expectedVersion: Int, derived: DerivedData, audit: AuditEvent, idempotency: IdempotencyRecord?
    ) async throws -> Bool {
        // Claiming the next version is the anchor: if another write claimed it first, nothing
        // is stored and the caller re-reads and re-validates.
        var plan = WritePlan(anchor: """
            UPDATE cases SET version = \(bind: expectedVersion + 1), state = \(bind: derived.state.rawValue), updated_at = \(bind: audit.at),
                journey_digest = \(bind: derived.digest.text)
            WHERE id = \(bind: subject.id) AND version = \(bind: expectedVersion)
            RETURNING id
            """)
        plan.insert([TableRow.milestone(milestone, caseID: subject.id, seq: subject.records.count + 1)])
        replaceAlertIndex(of: subject.id, with: derived.alerts, in: &plan)
        plan.insert([TableRow.audit(audit)])
        storeIdempotency(idempotency, at: audit.at, in: &plan)
        return try await perform(plan)
    }

    public func addAcknowledgement(_ acknowledgement: Acknowledgement, audit: AuditEvent, idempotency: IdempotencyRecord?) async throws {
        var plan = WritePlan(anchor: TableRow.acknowledgement(acknowledgement).insert + " RETURNING id")
        plan.insert([TableRow.audit(audit)])
        storeIdempotency(idempotency, at: audit.at, in: &plan)
        _ = try await perform(plan)
    }

    public func acknowledgements(caseIDs: [UUID]) async throws -> [Acknowledgement] {
        guard !caseIDs.isEmpty else { return [] }
        let select: SQLQueryString = "SELECT id, case_id, rule_id, note, acknowledged_by, acknowledged_at, anchor_on FROM alert_acknowledgements"
        return try await source.withConnection { database in
            // One case (every case read): one shape, prepared; an alert list's page of cases: a
            // list of any length, which is no shape to keep prepared.
            let fetcher: any SQLQueryFetcher = caseIDs.count == 1
                ? database.prepared(select + " WHERE case_id = \(bind: caseIDs[0]) ORDER BY acknowledged_at, id")
                : database.raw(select + " WHERE case_id IN (\(binds: caseIDs)) ORDER BY acknowledged_at, id")
            return try await fetcher.all().map { row in
                Acknowledgement(
                    id: try row.decode(column: "id", as: UUID.self),
                    caseID: try row.decode(column: "case_id", as: UUID.self),
                    ruleID: try row.decode(column: "rule_id", as: String.self),
                    note: try row.decode(column: "note", as: String.self),
                    acknowledgedBy: try row.decode(column: "acknowledged_by", as: String.self),
                    acknowledgedAt: try row.decode(column: "acknowledged_at", as: Date.self),
                    anchorOn: try Rows.optionalDay(row, "anchor_on")
                )
            }
        }
    }
}
