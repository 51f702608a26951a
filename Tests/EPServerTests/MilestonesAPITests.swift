import EPStore
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite struct MilestonesAPITests {
    @Test(arguments: TestDatabase.all)
    func recordingAMilestoneReturnsItTheNewStateAndOpenAlerts(database: TestDatabase) async throws {
        try await TestWorld.run(on: database) { world, client in
            let id = try await client.openCase(in: world)
            let plo = try await client.record("plo_pre_proceedings", on: "2025-07-01", caseID: id, in: world)
            #expect(plo.status == .created)
            let body = try plo.object()
            #expect(body["state"] as? String == "pre_proceedings")
            #expect((body["milestone"] as? [String: Any])?["kind"] as? String == "plo_pre_proceedings")
            // 1 September is past 20 working days from 1 July (due 29 July): EP consideration is overdue.
            let alerts = body["open_alerts"] as? [[String: Any]] ?? []
            let early = try #require(alerts.first { $0["rule_id"] as? String == "S2-ep-considered-early" })
            #expect(early["status"] as? String == "overdue")
            #expect(early["due_on"] as? String == "2025-07-29")
            #expect(early["days_overdue"] as? Int == 34)
        }
    }

    /// RFC 3339 in UTC, whole seconds (the fraction cut, not rounded), on the answer to the
    /// write and when read back from the database.
    @Test(arguments: TestDatabase.all)
    func timestampsAreUTCInWholeSeconds(database: TestDatabase) async throws {
        try await TestWorld.run(on: database, now: Date(timeIntervalSince1970: 1_756_717_200.75)) { world, client in
            let id = try await client.openCase(in: world)
            let recorded = try await client.record("plo_pre_proceedings", on: "2025-07-01", caseID: id, in: world)
            #expect((try recorded.object()["milestone"] as? [String: Any])?["recorded_at"] as? String == "2025-09-01T09:00:00Z")
            let view = try await client.send(.get, "/v1/cases/\(id)", as: .northshireSocialWorker, in: world)
            let milestones = try #require(try view.object()["milestones"] as? [[String: Any]])
            #expect(milestones.map { $0["recorded_at"] as? String } == ["2025-09-01T09:00:00Z"])
        }
    }

    @Test(arguments: TestDatabase.all)
    func refusedMilestonesStoreNothingAndNameTheField(database: TestDatabase) async throws {
        try await TestWorld.run(on: database) { world, client in
            let id = try await client.openCase(in: world)
            let future = try await client.record("plo_pre_proceedings", on: "2025-09-02", caseID: id, in: world)
            #expect(future.status == .unprocessableContent)
            #expect(future.problemField == "/occurred_on")

            let unknownKind = try await client.record("home_visit", on: "2025-08-01", caseID: id, in: world)
            #expect(unknownKind.status == .badRequest)
            #expect(unknownKind.problemField == "/kind")

            let unknownDetail = try await client.record("timetable_extension", on: "2025-08-01", details: #"{"weeks":4,"judge":"HHJ"}"#, caseID: id, in: world)
            #expect(unknownDetail.status == .unprocessableContent)

            let tooLong = try await client.record("timetable_extension", on: "2025-08-01", details: #"{"weeks":9}"#, caseID: id, in: world)
            #expect(tooLong.status == .unprocessableContent)
            #expect(tooLong.problemField == "/details/weeks")

            // Weeks are whole: a fraction is refused naming the field, not as a body that is not JSON.
            let fraction = try await client.record("timetable_extension", on: "2025-08-01", details: #"{"weeks":2.5}"#, caseID: id, in: world)
            #expect(fraction.status == .badRequest, "\(fraction.text)")
            #expect(fraction.problemField == "/details/weeks", "\(fraction.text)")

            let issued = try await client.record("proceedings_issued", on: "2025-07-10", caseID: id, in: world)
            let issuedID = try #require((try issued.object()["milestone"] as? [String: Any])?["id"] as? String)
            let early = try await client.record("court_decision", on: "2025-07-01", details: #"{"outcome":"placement_order"}"#, caseID: id, in: world)
            #expect(early.status == .conflict)
            #expect(early.problemType == "chronology-conflict")
            #expect(try early.object()["conflicting_milestone_id"] as? String == issuedID)

            let personal = try await client.send(.post, "/v1/cases/\(id)/milestones", as: .northshireSocialWorker, in: world,
                                                 json: #"{"kind":"family_group_conference","occurred_on":"2025-08-01","note":"Held at nan's house, B33 8TH"}"#)
            #expect(personal.status == .unprocessableContent)
            #expect(personal.problemField == "/note")
            #expect(!personal.text.contains("B33"), "the refusal never echoes the identifier")

            let missingCase = try await client.record("birth", on: "2025-07-01", caseID: UUID().uuidString, in: world)
            #expect(missingCase.status == .notFound)

            let view = try await client.send(.get, "/v1/cases/\(id)", as: .northshireSocialWorker, in: world)
            let kinds = (try view.object()["milestones"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String }
            #expect(kinds == ["proceedings_issued"], "only the accepted milestone is stored")
        }
    }

    @Test(arguments: TestDatabase.all)
    func aRetryWithTheSameIdempotencyKeyReplaysTheFirstResponse(database: TestDatabase) async throws {
        try await TestWorld.run(on: database) { world, client in
            let id = try await client.openCase(in: world)
            let key: HTTPFields = [HTTPField.Name("Idempotency-Key")!: "ns-0142-plo-1"]
            let first = try await client.record("plo_pre_proceedings", on: "2025-07-01", caseID: id, in: world, headers: key)
            let retry = try await client.record("plo_pre_proceedings", on: "2025-07-01", caseID: id, in: world, headers: key)
            #expect(first.status == .created)
            #expect(retry.status == .created)
            let firstID = (try first.object()["milestone"] as? [String: Any])?["id"] as? String
            #expect(firstID != nil)
            #expect((try retry.object()["milestone"] as? [String: Any])?["id"] as? String == firstID)
            #expect(retry.text == first.text, "the replay is the first response, byte for byte")
            #expect(!first.text.contains("\n"), "compact JSON")

            let otherBody = try await client.record("plo_pre_proceedings", on: "2025-07-02", caseID: id, in: world, headers: key)
            #expect(otherBody.status == .unprocessableContent)
            #expect(otherBody.problemType == "idempotency-key-reused")

            let view = try await client.send(.get, "/v1/cases/\(id)", as: .northshireSocialWorker, in: world)
            #expect((try view.object()["milestones"] as? [Any])?.count == 1)
        }
    }

    @Test(arguments: TestDatabase.all)
    func correctionsSupersedeAndKeepHistory(database: TestDatabase) async throws {
        try await TestWorld.run(on: database) { world, client in
            let id = try await client.openCase(in: world)
            let wrong = try await client.record("proceedings_issued", on: "2025-07-11", caseID: id, in: world)
            let wrongID = try #require((try wrong.object()["milestone"] as? [String: Any])?["id"] as? String)

            let noReason = try await client.send(.post, "/v1/cases/\(id)/milestones/\(wrongID)/corrections", as: .northshireSocialWorker, in: world,
                                                 json: #"{"reason":" ","kind":"proceedings_issued","occurred_on":"2025-07-01"}"#)
            #expect(noReason.status == .unprocessableContent)
            #expect(noReason.problemField == "/reason")

            let corrected = try await client.send(.post, "/v1/cases/\(id)/milestones/\(wrongID)/corrections", as: .northshireSocialWorker, in: world,
                                                  json: #"{"reason":"Keyed from the wrong court letter","kind":"proceedings_issued","occurred_on":"2025-07-01"}"#)
            #expect(corrected.status == .created, "\(corrected.text)")
            let replacement = try #require(try corrected.object()["milestone"] as? [String: Any])
            #expect(replacement["supersedes"] as? String == wrongID)

            let again = try await client.send(.post, "/v1/cases/\(id)/milestones/\(wrongID)/corrections", as: .northshireSocialWorker, in: world,
                                              json: #"{"reason":"Twice","retract":true}"#)
            #expect(again.status == .conflict, "a superseded record cannot be corrected again")

            let unknown = try await client.send(.post, "/v1/cases/\(id)/milestones/\(UUID().uuidString)/corrections", as: .northshireSocialWorker, in: world,
                                                json: #"{"reason":"Wrong case","retract":true}"#)
            #expect(unknown.status == .notFound)

            let view = try await client.send(.get, "/v1/cases/\(id)?as_of=2025-07-05", as: .northshireSocialWorker, in: world)
            let milestones = try #require(try view.object()["milestones"] as? [[String: Any]])
            #expect(milestones.count == 2, "history keeps the superseded record")
            #expect(milestones[0]["effective"] as? Bool == false)
            #expect(milestones[0]["superseded_by"] as? String == replacement["id"] as? String)
            #expect(milestones[1]["occurred_on"] as? String == "2025-07-01")

            let retract = try await client.send(.post, "/v1/cases/\(id)/milestones/\(try #require(replacement["id"] as? String))/corrections",
                                                 as: .northshireSocialWorker, in: world, json: #"{"reason":"Recorded on the wrong child","retract":true}"#)
            #expect(retract.status == .created)
            #expect(try retract.object()["state"] as? String == "pre_proceedings")
        }
    }

    @Test(arguments: TestDatabase.all)
    func concurrentRetriesWithOneKeyStoreOneMilestone(database: TestDatabase) async throws {
        try await TestWorld.run(on: database) { world, client in
            let id = try await client.openCase(in: world)
            let key: HTTPFields = [HTTPField.Name("Idempotency-Key")!: "ns-0142-fgc-1"]
            // Each answer: its status, and the milestone id a 201 carries.
            let answers = try await withThrowingTaskGroup(of: (HTTPResponse.Status, String?).self) { group in
                for _ in 0..<20 {
                    group.addTask {
                        let response = try await client.record("family_group_conference", on: "2025-07-03", caseID: id, in: world, headers: key)
                        let milestone = response.status == .created ? (try response.object()["milestone"] as? [String: Any])?["id"] as? String : nil
                        return (response.status, milestone)
                    }
                }
                return try await group.reduce(into: [(HTTPResponse.Status, String?)]()) { $0.append($1) }
            }
            let statuses = answers.map(\.0)
            #expect(statuses.allSatisfy { $0 == .created || $0 == .conflict }, "the rest replay or are told the first is in flight: \(statuses)")
            #expect(statuses.contains(.created))
            let ids = Set(answers.compactMap(\.1))
            #expect(ids.count == 1, "every 201 is the first response replayed: \(ids)")
            let view = try await client.send(.get, "/v1/cases/\(id)", as: .northshireSocialWorker, in: world)
            let stored = try #require(try view.object()["milestones"] as? [[String: Any]])
            #expect(stored.count == 1, "exactly one milestone stored")
            #expect(Set(stored.compactMap { $0["id"] as? String }) == ids)
        }
    }
}
