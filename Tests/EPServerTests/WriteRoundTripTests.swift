import EPStore
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// What a milestone write costs PostgreSQL, where every statement is a round trip: three (the
/// bearer token, the case with its milestones, one statement that stores the milestone, the
/// case's new version, digest and state, its alert index entries, audit event and idempotency
/// record), with an idempotency key or without.
@Suite struct WriteRoundTripTests {
    @Test(.needsPostgres)
    func aMilestoneWriteIsThreeStatements() async throws {
        try await TestWorld.run(on: .postgres) { world, client in
            let id = try await client.openCase(in: world)
            try await world.waitUntilTokenUseIsNoted(.northshireSocialWorker)

            let (birth, recorded) = try await statements(in: world) {
                try await client.record("birth", on: "2025-06-02", caseID: id, in: world)
            }
            #expect(recorded.status == .created)
            #expect(birth == 3, "token, case, write")

            let key: HTTPFields = [HTTPField.Name("Idempotency-Key")!: "ns-0142-ft-0701"]
            let attended = #"{"status":"attended","supervised":true}"#
            let (keyed, first) = try await statements(in: world) {
                try await client.record("family_time", on: "2025-07-01", details: attended, caseID: id, in: world, headers: key)
            }
            #expect(first.status == .created)
            #expect(keyed == 3, "the key is stored by the same statement, not looked up first")

            // The retry finds the key taken by its own write, then the stored answer: it costs
            // more than a write, and stores nothing.
            let retry = try await client.record("family_time", on: "2025-07-01", details: attended, caseID: id, in: world, headers: key)
            #expect(retry.status == .created)
            #expect(retry.text == first.text)
            let view = try await client.send(.get, "/v1/cases/\(id)", as: .northshireIRO, in: world)
            #expect((try view.object()["milestones"] as? [[String: Any]])?.count == 2)
        }
    }

    /// The statements sent to the database while `body` runs (nothing else runs meanwhile),
    /// and what `body` returned.
    private func statements<T>(in world: TestWorld, _ body: () async throws -> T) async throws -> (Int, T) {
        let before = world.backend.source.usage.statements
        let result = try await body()
        return (world.backend.source.usage.statements - before, result)
    }
}

extension TestWorld {
    /// A token's first use is noted off the request's path (once an hour at most); waits until
    /// it is stored, so that it does not fall into a later measurement.
    func waitUntilTokenUseIsNoted(_ caller: Caller) async throws {
        for _ in 0..<500 {
            if try await backend.store.tokens().contains(where: { $0.label == caller.rawValue && $0.lastUsedAt != nil }) { return }
            try await Task.sleep(for: .milliseconds(10))
        }
        throw TestSetupError("the use of \(caller.rawValue)'s token was not noted within 5 s")
    }
}
