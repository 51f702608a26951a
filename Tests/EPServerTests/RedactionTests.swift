import EPDomain
import EPServer
import EPStore
import Foundation
import HTTPTypes
import HummingbirdTesting
import SQLKit
import Testing

/// Personal data recorded by mistake can be erased (UK GDPR Articles 16 and 17): the LA's admin
/// redacts a record's free text, which disappears from every place it was stored, and nothing
/// else about the record, the journey or its alerts changes.
@Suite struct RedactionTests {
    static let name = "Sandra Okafor"

    @Test(arguments: TestDatabase.all)
    func anLAAdminRedactsANoteEverywhereItIsStored(database: TestDatabase) async throws {
        try await TestWorld.run(on: database) { world, client in
            let id = try await client.openCase(in: world)
            let plo = try await client.record("plo_pre_proceedings", on: "2025-07-01", caseID: id, in: world)
            let ploID = try #require((try plo.object()["milestone"] as? [String: Any])?["id"] as? String)
            let key: HTTPFields = [HTTPField.Name("Idempotency-Key")!: "ns-0142-fgc-0708"]
            let body = #"{"kind":"family_group_conference","occurred_on":"2025-07-08","note":"Maternal grandmother \#(Self.name) attended and offered to be assessed"}"#
            let recorded = try await client.send(.post, "/v1/cases/\(id)/milestones", as: .northshireSocialWorker, in: world, json: body, headers: key)
            #expect(recorded.status == .created)
            let milestone = try #require((try recorded.object()["milestone"] as? [String: Any])?["id"] as? String)
            let consideration = try await client.record("ep_consideration", on: "2025-07-10", details: #"{"outcome":"recommended","reason":"Agreed with \#(Self.name) present"}"#, caseID: id, in: world)
            let considerationID = try #require((try consideration.object()["milestone"] as? [String: Any])?["id"] as? String)
            let before = try await client.send(.get, "/v1/cases/\(id)", as: .northshireIRO, in: world)
            #expect(before.text.contains(Self.name))

            // Only the admin of the LA that owns the case may redact.
            let redaction = #"{"milestone_id":"\#(milestone)","reason":"A relative's name entered in the note by mistake"}"#
            #expect(try await client.send(.post, "/v1/cases/\(id)/redactions", as: .northshireSocialWorker, in: world, json: redaction).status == .forbidden)
            #expect(try await client.send(.post, "/v1/cases/\(id)/redactions", as: .raaAdmin, in: world, json: redaction).status == .forbidden)
            #expect(try await client.send(.post, "/v1/cases/\(id)/redactions", as: .southmoorAdmin, in: world, json: redaction).status == .notFound)
            let both = #"{"milestone_id":"\#(milestone)","acknowledgement_id":"\#(milestone)","reason":"Both"}"#
            #expect(try await client.send(.post, "/v1/cases/\(id)/redactions", as: .northshireAdmin, in: world, json: both).status == .badRequest)
            let personal = #"{"milestone_id":"\#(milestone)","reason":"Entered in error, call 07700 900123"}"#
            let refused = try await client.send(.post, "/v1/cases/\(id)/redactions", as: .northshireAdmin, in: world, json: personal)
            #expect(refused.status == .unprocessableContent && refused.problemField == "/reason", "the reason is free text too")

            let done = try await client.send(.post, "/v1/cases/\(id)/redactions", as: .northshireAdmin, in: world, json: redaction)
            #expect(done.status == .created, "\(done.text)")
            #expect(try done.object()["fields"] as? [String] == ["note"])
            #expect(try done.object()["record_type"] as? String == "milestone")
            let detail = try await client.send(.post, "/v1/cases/\(id)/redactions", as: .northshireAdmin, in: world, json: #"{"milestone_id":"\#(considerationID)","reason":"A relative's name in the reason"}"#)
            #expect(try detail.object()["fields"] as? [String] == ["details/reason"])
            #expect(try await client.send(.post, "/v1/cases/\(id)/redactions", as: .northshireAdmin, in: world, json: redaction).status == .conflict, "nothing left to redact")
            let nothing = try await client.send(.post, "/v1/cases/\(id)/redactions", as: .northshireAdmin, in: world, json: #"{"milestone_id":"\#(ploID)","reason":"Checking"}"#)
            #expect(nothing.status == .unprocessableContent && nothing.problemField == "/milestone_id", "a milestone that never held free text: \(nothing.text)")

            // The case reads the same but for the text: same kinds, dates, state and alerts.
            let after = try await client.send(.get, "/v1/cases/\(id)", as: .northshireIRO, in: world)
            #expect(!after.text.contains("Okafor"))
            let milestones = try #require(try after.object()["milestones"] as? [[String: Any]])
            let redacted = try #require(milestones.first { $0["id"] as? String == milestone })
            #expect(redacted["note"] as? String == "[redacted]")
            #expect(redacted["kind"] as? String == "family_group_conference" && redacted["occurred_on"] as? String == "2025-07-08")
            #expect(try after.object()["state"] as? String == (try before.object()["state"] as? String))
            #expect(try await client.send(.get, "/v1/cases/\(id)/alerts", as: .northshireIRO, in: world).text
                .replacingOccurrences(of: "Okafor", with: "") != "", "alerts still read")
            let beforeAlerts = (try before.object()["open_alerts"] as? [[String: Any]])?.compactMap { $0["rule_id"] as? String }
            #expect((try after.object()["open_alerts"] as? [[String: Any]])?.compactMap { $0["rule_id"] as? String } == beforeAlerts)

            // A replay of the first request answers the stored response, without the text.
            let replay = try await client.send(.post, "/v1/cases/\(id)/milestones", as: .northshireSocialWorker, in: world, json: body, headers: key)
            #expect(replay.status == .created)
            #expect(!replay.text.contains("Okafor") && replay.text.contains("[redacted]"), "\(replay.text)")

            // Stored rows and the digest hold it no more; the audit trail says who and why, not what.
            let stored = try await world.backend.source.withConnection { database in
                try await database.raw("SELECT note, details FROM milestones WHERE case_id = \(bind: try #require(UUID(uuidString: id)))").all()
                    .map { "\(try $0.decode(column: "note", as: String?.self) ?? "") \(try $0.decode(column: "details", as: String.self))" }
                    .joined(separator: " ")
                + (try await database.raw("SELECT journey_digest FROM cases").all().map { try $0.decode(column: "journey_digest", as: String?.self) ?? "" }.joined())
                + (try await database.raw("SELECT body FROM idempotency_keys").all().map { try $0.decode(column: "body", as: String.self) }.joined())
            }
            #expect(!stored.contains("Okafor"), "\(stored)")
            let trail = try await client.send(.get, "/v1/audit?case_id=\(id)", as: .northshireAdmin, in: world)
            let events = try #require(try trail.object()["items"] as? [[String: Any]])
            let event = try #require(events.first { $0["action"] as? String == "milestone.redact" })
            #expect(event["record_id"] as? String == milestone)
            #expect(event["reason"] as? String == "A relative's name entered in the note by mistake")
            #expect(!trail.text.contains("Okafor"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func anAcknowledgementNoteIsRedactedAndNothingElseCanChange(database: TestDatabase) async throws {
        try await TestWorld.run(on: database) { world, client in
            let id = try await client.openCase(in: world)
            try await client.record("plo_pre_proceedings", on: "2025-07-01", caseID: id, in: world)
            let ack = try await client.send(.post, "/v1/cases/\(id)/alerts/S2-ep-considered-early/acknowledgements", as: .northshireIRO, in: world,
                                            json: #"{"note":"Raised with \#(Self.name) at the review"}"#)
            let ackID = try #require(try ack.object()["id"] as? String)
            let done = try await client.send(.post, "/v1/cases/\(id)/redactions", as: .northshireAdmin, in: world,
                                             json: #"{"acknowledgement_id":"\#(ackID)","reason":"A relative's name in the note"}"#)
            #expect(done.status == .created, "\(done.text)")
            let alerts = try await client.send(.get, "/v1/cases/\(id)/alerts", as: .northshireIRO, in: world)
            #expect(!alerts.text.contains("Okafor") && alerts.text.contains("[redacted]"))
            #expect(try await client.send(.post, "/v1/cases/\(id)/redactions", as: .northshireAdmin, in: world,
                                          json: #"{"acknowledgement_id":"\#(UUID().uuidString)","reason":"No such record"}"#).status == .notFound)

            // Below the API, the database lets only free text become the marker.
            for statement in [
                "UPDATE milestones SET occurred_on = '2025-01-01'", "UPDATE milestones SET note = 'something else'",
                "UPDATE milestones SET recorded_by = 'someone else'", "DELETE FROM milestones",
                "UPDATE alert_acknowledgements SET note = 'rewritten'", "UPDATE alert_acknowledgements SET rule_id = 'S2-26-weeks'",
                "UPDATE alert_acknowledgements SET anchor_on = '2000-01-01'", "DELETE FROM alert_acknowledgements",
            ] {
                await #expect(throws: (any Error).self, "\(statement)") {
                    try await world.backend.source.withConnection { try await $0.raw(SQLQueryString(statement)).run() }
                }
            }
        }
    }

    /// Stored responses quote their requests: they are replayed for a day, then deleted, and the
    /// key may be used again.
    @Test(arguments: TestDatabase.all)
    func storedResponsesExpire(database: TestDatabase) async throws {
        try await database.withBackend { backend in
            let store = backend.store
            let day = TestWorld.now
            try await store.createAgency(Agency(id: "la-northshire", name: "Northshire County Council", type: .la), at: day, audit: nil)
            let subject = Case(id: UUID(), reference: "NS-EP-2025-0142", localAuthority: "la-northshire", profile: ChildProfile(sex: .female, ethnicity: .WBRI), createdAt: day)
            let old = IdempotencyRecord(caller: "token:sw", key: "open-0142", requestHash: "h1", body: #"{"note":"an old note"}"#)
            let yesterday = AuditEvent(at: day.addingTimeInterval(-25 * 3600), actor: "token:sw", agency: "la-northshire", role: "social_worker", action: "case.create", caseID: subject.id)
            try await store.insertCase(subject, derived: .plain(subject), audit: yesterday, idempotency: old)
            #expect(try await store.idempotencyRecord(caller: "token:sw", key: "open-0142", at: day.addingTimeInterval(-24 * 3600)) == old, "replayed within the day")
            #expect(try await store.idempotencyRecord(caller: "token:sw", key: "open-0142", at: day) == nil, "not replayed after it")
            let fresh = IdempotencyRecord(caller: "token:sw", key: "open-0142", requestHash: "h2", body: "{}")
            let other = Case(id: UUID(), reference: "NS-EP-2025-0143", localAuthority: "la-northshire", profile: ChildProfile(sex: .male, ethnicity: .WBRI), createdAt: day)
            try await store.insertCase(other, derived: .plain(other), audit: AuditEvent(at: day, actor: "token:sw", agency: "la-northshire", role: "social_worker", action: "case.create", caseID: other.id), idempotency: fresh)
            #expect(try await store.idempotencyRecord(caller: "token:sw", key: "open-0142", at: day) == fresh, "an expired key may be used again")
            #expect(try await store.purgeIdempotencyRecords(at: day) == 0)
            #expect(try await store.purgeIdempotencyRecords(at: day.addingTimeInterval(25 * 3600)) == 1, "deleted once expired")
            #expect(try await store.idempotencyRecord(caller: "token:sw", key: "open-0142", at: day) == nil)
        }
    }
}
