import EPDomain
import Foundation
import SQLKit

extension SQLStore {
    public func redact(_ redacted: Milestone, in subject: Case, digest: JourneyDigest, removing removed: Set<String>, audit: AuditEvent) async throws {
        try await source.transaction { database in
            try await database.raw("""
                UPDATE milestones SET note = \(bind: redacted.note), correction_reason = \(bind: redacted.correction?.reason),
                    details = \(bind: DetailsJSON.write(redacted.details))
                WHERE id = \(bind: redacted.id) AND case_id = \(bind: subject.id)
                """).run()
            try await database.raw("UPDATE cases SET journey_digest = \(bind: digest.text) WHERE id = \(bind: subject.id)").run()
            try await scrubStoredResponses(quoting: redacted.id, removing: removed, on: database)
            try await database.raw(TableRow.audit(audit).insert).run()
        }
    }

    public func redact(acknowledgement: Acknowledgement, removing removed: Set<String>, audit: AuditEvent) async throws {
        try await source.transaction { database in
            try await database.raw("""
                UPDATE alert_acknowledgements SET note = \(bind: acknowledgement.note)
                WHERE id = \(bind: acknowledgement.id) AND case_id = \(bind: acknowledgement.caseID)
                """).run()
            try await scrubStoredResponses(quoting: acknowledgement.id, removing: removed, on: database)
            try await database.raw(TableRow.audit(audit).insert).run()
        }
    }

    /// Every stored response that quotes the record (the response to recording it names its id)
    /// with the removed texts replaced, so that a replay cannot bring them back.
    private func scrubStoredResponses(quoting recordID: UUID, removing removed: Set<String>, on database: any SQLDatabase) async throws {
        let rows = try await database.raw("""
            SELECT caller, key, body FROM idempotency_keys WHERE body LIKE \(bind: "%\(recordID.uuidString.lowercased())%")
            """).all()
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        for row in rows {
            let body = try row.decode(column: "body", as: String.self)
            let stored = try JSONDecoder().decode(JSONValue.self, from: Data(body.utf8))
            let scrubbed = Redaction.scrub(stored, removing: removed)
            guard scrubbed != stored else { continue }
            try await database.raw("""
                UPDATE idempotency_keys SET body = \(bind: String(decoding: try encoder.encode(scrubbed), as: UTF8.self))
                WHERE caller = \(bind: try row.decode(column: "caller", as: String.self)) AND key = \(bind: try row.decode(column: "key", as: String.self))
                """).run()
        }
    }

    public func purgeIdempotencyRecords(at now: Date) async throws -> Int {
        try await source.withConnection { [idempotencyLifetime] database in
            try await database.raw("""
                DELETE FROM idempotency_keys WHERE created_at < \(bind: now.addingTimeInterval(-idempotencyLifetime)) RETURNING key
                """).all().count
        }
    }
}
