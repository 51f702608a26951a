import EPDomain
import EPServer
import EPStore
import Foundation
import HummingbirdTesting
import Testing

/// The demo's bulk path: whole journeys checked by the domain as the API would check them,
/// stored a batch per transaction, and read back through the API like any other case.
@Suite struct ImportTests {
    static func step(_ kind: MilestoneKind, _ day: String) -> MilestoneInput {
        MilestoneInput(kind: kind, occurredOn: CalendarDate(iso: day)!)
    }

    static func draft(_ reference: String, _ profile: ChildProfile) -> NewCase {
        NewCase(reference: reference, localAuthority: TestWorld.northshire, adoptionAgency: TestWorld.raa, profile: profile)
    }

    static let importer = Caller(actor: "demo", agency: TestWorld.northshire, agencyType: .la, role: .socialWorker, visibleLocalAuthorities: [TestWorld.northshire])

    @Test(arguments: TestDatabase.all)
    func importedJourneysReadBackLikeRecordedOnes(database: TestDatabase) async throws {
        try await TestWorld.run(on: database) { world, client in
            let policy = try TestDatabase.englandPolicy()
            let service = CaseService(store: world.backend.store, policy: policy, clock: world.clock)
            // Born in May, PLO and proceedings, no EP consideration by 1 September: overdue alerts.
            // The family group conference planned for October is after today: not recorded.
            let inProceedings = (Self.draft("NS-EP-2025-0201", ChildProfile(sex: .male, ethnicity: .WBRI)), [
                Self.step(.birth, "2025-05-02"), Self.step(.ploPreProceedings, "2025-05-20"),
                Self.step(.proceedingsIssued, "2025-06-16"), Self.step(.familyGroupConference, "2025-10-01"),
            ])
            // A second birth is impossible: skipped, as the API would refuse it.
            let secondBirth = (Self.draft("NS-EP-2025-0202", ChildProfile(sex: .female, ethnicity: .MWBA, siblingGroupSize: 2)), [
                Self.step(.birth, "2025-02-10"), Self.step(.birth, "2025-02-12"), Self.step(.ploPreProceedings, "2025-03-03"),
            ])
            let stored = try await service.importJourneys([inProceedings, secondBirth], by: Self.importer)
            #expect(stored.cases == 2)
            #expect(stored.milestones == 5, "3 + 2: the future step and the impossible one are left out")

            let list = try await client.send(.get, "/v1/cases?limit=10", as: .northshireLeader, in: world)
            let summaries = try #require(try list.object()["items"] as? [[String: Any]])
            let ids = Dictionary(uniqueKeysWithValues: summaries.compactMap { item in
                (item["reference"] as? String).flatMap { reference in (item["id"] as? String).map { (reference, $0) } }
            })
            let id = try #require(ids["NS-EP-2025-0201"])
            let view = try await client.send(.get, "/v1/cases/\(id)", as: .northshireIRO, in: world)
            let body = try view.object()
            #expect((body["milestones"] as? [[String: Any]])?.compactMap { $0["kind"] as? String } == ["birth", "plo_pre_proceedings", "proceedings_issued"])
            #expect(body["state"] as? String == "in_proceedings")
            #expect(view.headers[.eTag] == "\"v4\"", "one version per milestone, as if recorded one by one")

            // The alert index was written with the case: the cross-case list (which reads the
            // index) shows exactly the rules the case's own evaluation finds open.
            let own = Set(((body["open_alerts"] as? [[String: Any]]) ?? []).compactMap { $0["rule_id"] as? String })
            #expect(own.contains("S2-ep-considered-early"))
            let alerts = try await client.send(.get, "/v1/alerts?limit=100", as: .northshireIRO, in: world)
            let listed = Set(try #require(try alerts.object()["items"] as? [[String: Any]])
                .filter { $0["case_id"] as? String == id }.compactMap { ($0["alert"] as? [String: Any])?["rule_id"] as? String })
            #expect(listed == own)

            let secondView = try await client.send(.get, "/v1/cases/\(try #require(ids["NS-EP-2025-0202"]))", as: .northshireIRO, in: world)
            #expect((try secondView.object()["milestones"] as? [[String: Any]])?.compactMap { $0["occurred_on"] as? String } == ["2025-02-10", "2025-03-03"])
        }
    }

    @Test(arguments: TestDatabase.all)
    func aBatchWithAClashingReferenceStoresNothing(database: TestDatabase) async throws {
        try await TestWorld.run(on: database) { world, client in
            let policy = try TestDatabase.englandPolicy()
            let service = CaseService(store: world.backend.store, policy: policy, clock: world.clock)
            let first = (Self.draft("NS-EP-2025-0301", ChildProfile(sex: .female, ethnicity: .BAFR)), [Self.step(.ploPreProceedings, "2025-06-02")])
            _ = try await service.importJourneys([first], by: Self.importer)
            let fresh = (Self.draft("NS-EP-2025-0302", ChildProfile(sex: .male, ethnicity: .AIND)), [Self.step(.ploPreProceedings, "2025-06-09")])
            await #expect(throws: StoreError.self) {
                try await service.importJourneys([fresh, first], by: Self.importer)
            }
            let list = try await client.send(.get, "/v1/cases?limit=10", as: .northshireLeader, in: world)
            let references = try #require(try list.object()["items"] as? [[String: Any]]).compactMap { $0["reference"] as? String }
            #expect(references == ["NS-EP-2025-0301"], "the new case in the refused batch was not stored either")
        }
    }
}
