import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// Many writes to one case at once, as when a contact centre's system and two social workers
/// record family time together: every valid one is stored once, in some order, and a kind that
/// may happen only once is stored only once.
@Suite struct ConcurrentWriteTests {
    @Test(arguments: TestDatabase.all)
    func twentyFamilyTimeSessionsAtOnceAreAllStored(database: TestDatabase) async throws {
        try await TestWorld.run(on: database) { world, client in
            let id = try await client.openCase(in: world)
            #expect(try await client.record("birth", on: "2025-06-02", caseID: id, in: world).status == .created)
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for day in 1...20 {
                    group.addTask {
                        let date = String(format: "2025-07-%02d", day)
                        return try await client.record("family_time", on: date, details: #"{"status":"attended","supervised":true}"#, caseID: id, in: world).status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses == Array(repeating: .created, count: 20), "\(statuses)")
            let view = try await client.send(.get, "/v1/cases/\(id)", as: .northshireIRO, in: world)
            let kinds = (try view.object()["milestones"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String }
            #expect(kinds.filter { $0 == "family_time" }.count == 20)
        }
    }

    @Test(arguments: TestDatabase.all)
    func fiveBirthsAtOnceStoreOne(database: TestDatabase) async throws {
        try await TestWorld.run(on: database) { world, client in
            let id = try await client.openCase(in: world)
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for day in 1...5 {
                    group.addTask {
                        try await client.record("birth", on: "2025-06-0\(day)", caseID: id, in: world).status
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .created }.count == 1, "\(statuses)")
            #expect(statuses.filter { $0 == .conflict }.count == 4, "\(statuses)")
            let view = try await client.send(.get, "/v1/cases/\(id)", as: .northshireIRO, in: world)
            #expect((try view.object()["milestones"] as? [[String: Any]])?.filter { $0["kind"] as? String == "birth" }.count == 1)
        }
    }
}
