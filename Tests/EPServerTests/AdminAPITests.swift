import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// Admins manage agencies and partnerships and read the audit trail; they read no case data.
@Suite struct AdminAPITests {
    @Test(arguments: TestDatabase.all)
    func adminsRegisterAgencies(database: TestDatabase) async throws {
        try await TestWorld.run(on: database) { world, client in
            let list = try await client.send(.get, "/v1/agencies", as: .northshireAdmin, in: world)
            #expect((try list.object()["items"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == [
                "la-northshire", "la-southmoor", "raa-coast-and-vale", "vaa-hearth",
            ])
            #expect(try await client.send(.get, "/v1/agencies", as: .northshireSocialWorker, in: world).status == .forbidden)

            let body = #"{"id":"vaa-kinship-north","name":"Kinship North Adoption","type":"vaa"}"#
            let created = try await client.send(.post, "/v1/agencies", as: .northshireAdmin, in: world, json: body)
            #expect(created.status == .created)
            #expect(try created.object()["type"] as? String == "vaa")
            let again = try await client.send(.post, "/v1/agencies", as: .northshireAdmin, in: world, json: body)
            #expect(again.status == .conflict)
            #expect(again.problemType == "already-exists")
            let badID = try await client.send(.post, "/v1/agencies", as: .northshireAdmin, in: world, json: #"{"id":"Kinship North","name":"Kinship","type":"vaa"}"#)
            #expect(badID.status == .unprocessableContent, "\(badID.text)")
            #expect(badID.problemField == "/id")
            let badType = try await client.send(.post, "/v1/agencies", as: .northshireAdmin, in: world, json: #"{"id":"ca-kinship","name":"Kinship","type":"charity"}"#)
            #expect(badType.status == .badRequest)
        }
    }

    @Test(arguments: TestDatabase.all)
    func aPartnershipGivesAccessUntilItEnds(database: TestDatabase) async throws {
        try await TestWorld.run(on: database) { world, client in
            let id = try await client.openCase(in: world)
            #expect(try await client.send(.get, "/v1/cases/\(id)", as: .vaaSocialWorker, in: world).status == .notFound)

            let start = #"{"agency":"vaa-hearth","local_authority":"la-northshire"}"#
            let started = try await client.send(.post, "/v1/partnerships", as: .northshireAdmin, in: world, json: start)
            #expect(started.status == .created, "\(started.text)")
            #expect(try await client.send(.get, "/v1/cases/\(id)", as: .vaaSocialWorker, in: world).status == .ok)
            #expect(try await client.send(.post, "/v1/partnerships", as: .northshireAdmin, in: world, json: start).status == .conflict)

            let outsider = try await client.send(.delete, "/v1/partnerships/vaa-hearth/la-northshire", as: .southmoorAdmin, in: world)
            #expect(outsider.status == .forbidden, "only the two agencies' admins may end it")
            let notLA = try await client.send(.post, "/v1/partnerships", as: .northshireAdmin, in: world, json: #"{"agency":"vaa-hearth","local_authority":"raa-coast-and-vale"}"#)
            #expect(notLA.status == .forbidden)

            let listed = try await client.send(.get, "/v1/partnerships", as: .northshireAdmin, in: world)
            let pairs = (try listed.object()["items"] as? [[String: Any]] ?? []).map { "\($0["agency"] as? String ?? "") \($0["local_authority"] as? String ?? "")" }
            #expect(Set(pairs) == ["raa-coast-and-vale la-northshire", "vaa-hearth la-northshire"])

            #expect(try await client.send(.delete, "/v1/partnerships/vaa-hearth/la-northshire", as: .northshireAdmin, in: world).status == .noContent)
            #expect(try await client.send(.get, "/v1/cases/\(id)", as: .vaaSocialWorker, in: world).status == .notFound, "access ends on the next request")
            #expect(try await client.send(.delete, "/v1/partnerships/vaa-hearth/la-northshire", as: .northshireAdmin, in: world).status == .notFound)
            let ended = try await client.send(.get, "/v1/partnerships", as: .northshireAdmin, in: world)
            let vaa = (try ended.object()["items"] as? [[String: Any]])?.first { $0["agency"] as? String == "vaa-hearth" }
            #expect(vaa?["ended_at"] != nil, "an ended partnership is kept, with its end")
        }
    }

    @Test(arguments: TestDatabase.all)
    func theAuditTrailRecordsWhoReadAndWroteEachCase(database: TestDatabase) async throws {
        try await TestWorld.run(on: database) { world, client in
            let id = try await client.openCase(in: world)
            try await client.record("plo_pre_proceedings", on: "2025-07-01", caseID: id, in: world)
            try await client.send(.get, "/v1/cases/\(id)", as: .raaIRO, in: world)
            let other = try await client.openCase(in: world, reference: "SM-EP-2025-0001", as: .southmoorSocialWorker, localAuthority: TestWorld.southmoor)

            let trail = try await client.send(.get, "/v1/audit?case_id=\(id)", as: .northshireAdmin, in: world)
            #expect(trail.status == .ok)
            let events = try #require(try trail.object()["items"] as? [[String: Any]])
            #expect(events.compactMap { $0["action"] as? String } == ["case.create", "milestone.record", "case.read"])
            #expect(events.last?["agency"] as? String == TestWorld.raa)
            #expect(events.allSatisfy { $0["request_id"] as? String != nil })

            let paged = try await client.send(.get, "/v1/audit?case_id=\(id)&limit=2", as: .northshireAdmin, in: world)
            let cursor = try #require(try paged.object()["next_cursor"] as? String)
            let rest = try await client.send(.get, "/v1/audit?case_id=\(id)&limit=2&cursor=\(cursor)", as: .northshireAdmin, in: world)
            #expect((try rest.object()["items"] as? [[String: Any]])?.compactMap { $0["action"] as? String } == ["case.read"])

            let southmoor = try await client.send(.get, "/v1/audit?case_id=\(id)", as: .southmoorAdmin, in: world)
            #expect((try southmoor.object()["items"] as? [Any])?.isEmpty == true, "another LA's admin sees nothing of this case")
            let own = try await client.send(.get, "/v1/audit?case_id=\(other)", as: .southmoorAdmin, in: world)
            #expect((try own.object()["items"] as? [Any])?.count == 1)

            let day = try await client.send(.get, "/v1/audit?from=2025-09-01&to=2025-09-01", as: .northshireAdmin, in: world)
            #expect((try day.object()["items"] as? [Any])?.count == 3)
            _ = try await client.send(.get, "/v1/cases", as: .northshireLeader, in: world)
            let listed = try await client.send(.get, "/v1/audit?actor=\(try #require(try trail.object()["items"] as? [[String: Any]]).first?["actor"] as? String ?? "")", as: .northshireAdmin, in: world)
            #expect(listed.status == .ok)
            let lists = try await client.send(.get, "/v1/audit?from=2025-09-01", as: .northshireAdmin, in: world)
            #expect((try lists.object()["items"] as? [[String: Any]])?.contains { $0["action"] as? String == "cases.list" } == true, "reading a list of cases is audited too")
            let before = try await client.send(.get, "/v1/audit?to=2025-08-31", as: .northshireAdmin, in: world)
            #expect((try before.object()["items"] as? [Any])?.isEmpty == true)
            #expect(try await client.send(.get, "/v1/audit", as: .northshireIRO, in: world).status == .forbidden)
        }
    }
}
