import EPDomain
import Foundation
import SQLKit

extension SQLStore {
    /// Makes `entries` the case's alert index: the plan inserts them, updates those that moved
    /// (most writes move none, and an unchanged row is not rewritten) and deletes the case's
    /// others. (Not a delete of all then an insert: in PostgreSQL's one statement both would see
    /// the rows as they were, and the insert would collide with the rows deleted.)
    func replaceAlertIndex(of caseID: UUID, with entries: [AlertIndexEntry], in plan: inout WritePlan) {
        plan.insert(entries.map(TableRow.alert), onConflict: """
            ON CONFLICT (case_id, rule_id) DO UPDATE SET opens_on = excluded.opens_on, overdue_on = excluded.overdue_on, due_on = excluded.due_on
            WHERE alert_index.opens_on <> excluded.opens_on OR alert_index.overdue_on <> excluded.overdue_on OR alert_index.due_on <> excluded.due_on
            """)
        let kept = entries.map(\.ruleID)
        plan.delete(from: "alert_index", where: "case_id", is: caseID, and: kept.isEmpty ? "1 = 1" : "rule_id NOT IN (\(binds: kept))")
    }

    public func replaceDerived(caseID: UUID, expectedVersion: Int, derived: DerivedData) async throws -> Bool {
        // SET reads the row as it was: the version moves with the state, or stays.
        let state = derived.state.rawValue
        var plan = WritePlan(anchor: """
            UPDATE cases SET state = \(bind: state), version = CASE WHEN state = \(bind: state) THEN version ELSE version + 1 END,
                journey_digest = \(bind: derived.digest.text)
            WHERE id = \(bind: caseID) AND version = \(bind: expectedVersion) RETURNING id
            """)
        replaceAlertIndex(of: caseID, with: derived.alerts, in: &plan)
        return try await perform(plan)
    }

    public func alertIndexPage(_ query: AlertIndexQuery) async throws -> [AlertIndexEntry] {
        guard !query.localAuthorities.isEmpty else { return [] }
        let closed = JourneyState.allCases.filter { !$0.isOpen }.map(\.rawValue)
        let day = query.asOf.iso
        var sql: SQLQueryString = """
            SELECT a.case_id, a.rule_id, a.opens_on, a.overdue_on, a.due_on FROM alert_index a JOIN cases c ON c.id = a.case_id
            WHERE c.local_authority IN (\(binds: query.localAuthorities.sorted())) AND c.state NOT IN (\(binds: closed))
              AND a.opens_on <= \(bind: day)
            """
        switch query.status {
        case .overdue?: sql = sql + " AND a.overdue_on <= \(bind: day)"
        case .dueSoon?: sql = sql + " AND a.overdue_on > \(bind: day)"
        default: break
        }
        if let rule = query.ruleID { sql = sql + " AND a.rule_id = \(bind: rule)" }
        if let after = query.after {
            let due = after.dueOn.iso
            sql = sql + """
                 AND (a.due_on > \(bind: due) OR (a.due_on = \(bind: due) AND (a.rule_id > \(bind: after.ruleID)
                      OR (a.rule_id = \(bind: after.ruleID) AND a.case_id > \(bind: after.caseID)))))
                """
        }
        sql = sql + " ORDER BY a.due_on, a.rule_id, a.case_id LIMIT \(literal: query.limit)"
        let statement = sql
        return try await source.withConnection { database in
            try await database.raw(statement).all().map { row in
                guard let opens = CalendarDate(iso: try row.decode(column: "opens_on", as: String.self)),
                      let overdue = CalendarDate(iso: try row.decode(column: "overdue_on", as: String.self)),
                      let due = CalendarDate(iso: try row.decode(column: "due_on", as: String.self)) else {
                    throw StoredDataError("alert index row with an unreadable date")
                }
                return AlertIndexEntry(
                    caseID: try row.decode(column: "case_id", as: UUID.self), ruleID: try row.decode(column: "rule_id", as: String.self),
                    opensOn: opens, overdueOn: overdue, dueOn: due
                )
            }
        }
    }

    public func openAlertCounts(asOf: CalendarDate) async throws -> [String: Int] {
        let closed = JourneyState.allCases.filter { !$0.isOpen }.map(\.rawValue)
        return try await source.withConnection { database in
            let rows = try await database.raw("""
                SELECT a.rule_id, COUNT(*) AS open FROM alert_index a JOIN cases c ON c.id = a.case_id
                WHERE a.opens_on <= \(bind: asOf.iso) AND c.state NOT IN (\(binds: closed))
                GROUP BY a.rule_id
                """).all()
            return Dictionary(uniqueKeysWithValues: try rows.map {
                (try $0.decode(column: "rule_id", as: String.self), try $0.decode(column: "open", as: Int.self))
            })
        }
    }

    public func caseIDs(after: UUID?, limit: Int) async throws -> [UUID] {
        try await source.withConnection { database in
            let rows = if let after {
                try await database.raw("SELECT id FROM cases WHERE id > \(bind: after) ORDER BY id LIMIT \(literal: limit)").all()
            } else {
                try await database.raw("SELECT id FROM cases ORDER BY id LIMIT \(literal: limit)").all()
            }
            return try rows.map { try $0.decode(column: "id", as: UUID.self) }
        }
    }

    public func setting(_ key: String) async throws -> String? {
        try await source.withConnection { database in
            try await database.raw("SELECT value FROM settings WHERE key = \(bind: key)").first()?.decode(column: "value", as: String.self)
        }
    }

    public func setSetting(_ key: String, to value: String) async throws {
        try await source.withConnection { database in
            try await database.raw("""
                INSERT INTO settings (key, value) VALUES (\(bind: key), \(bind: value))
                ON CONFLICT (key) DO UPDATE SET value = excluded.value
                """).run()
        }
    }
}
