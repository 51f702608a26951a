@testable import EPStore
import Foundation
import SQLKit
import HTTPTypes
import HummingbirdTesting
import Testing

/// What a milestone write costs PostgreSQL, where every statement is a round trip: two (the
/// case with its milestones, one statement that stores the milestone, the case's new version,
/// digest and state, its alert index entries, audit event and idempotency record), with an
/// idempotency key or without. The bearer token is read once, then answered from memory while
/// the server hears changes to tokens (`IdentityCacheTests`).
@Suite struct WriteRoundTripTests {
    @Test(.needsPostgres)
    func aMilestoneWriteIsTwoStatements() async throws {
        try await TestWorld.run(on: .postgres) { world, client in
            try await world.backend.waitUntilIdentityChangesAreHeard()
            let id = try await client.openCase(in: world)
            try await world.waitUntilTokenUseIsNoted(.northshireSocialWorker)

            let (birth, recorded) = try await statements(in: world) {
                try await client.record("birth", on: "2025-06-02", caseID: id, in: world)
            }
            #expect(recorded.status == .created)
            #expect(birth == 2, "case, write: the token was read by the request before")

            let key: HTTPFields = [HTTPField.Name("Idempotency-Key")!: "ns-0142-ft-0701"]
            let attended = #"{"status":"attended","supervised":true}"#
            let (keyed, first) = try await statements(in: world) {
                try await client.record("family_time", on: "2025-07-01", details: attended, caseID: id, in: world, headers: key)
            }
            #expect(first.status == .created)
            #expect(keyed == 2, "the key is stored by the same statement, not looked up first")

            // The retry finds the key taken by its own write, then the stored answer: it costs
            // more than a write, and stores nothing.
            let retry = try await client.record("family_time", on: "2025-07-01", details: attended, caseID: id, in: world, headers: key)
            #expect(retry.status == .created)
            #expect(retry.text == first.text)
            let view = try await client.send(.get, "/v1/cases/\(id)", as: .northshireIRO, in: world)
            #expect((try view.object()["milestones"] as? [[String: Any]])?.count == 2)
        }
    }

    /// The statements of the hot path are prepared once per connection and then reused: here
    /// on a pool of one connection, three family time sessions run one prepared write. (The
    /// token is read from the database until the server hears changes to tokens; this test does
    /// not wait for that, so it reads it at least once.)
    @Test(.needsPostgres)
    func theWriteIsPreparedOnceAndReused() async throws {
        try await TestDatabase.postgres.withBackend(connections: 1) { backend in
            try await TestWorld.run(on: backend) { world, client in
                let id = try await client.openCase(in: world)
                #expect(try await client.record("birth", on: "2025-06-02", caseID: id, in: world).status == .created)
                for day in ["2025-07-01", "2025-07-08", "2025-07-15"] {
                    let response = try await client.record("family_time", on: day, details: #"{"status":"attended","supervised":true}"#, caseID: id, in: world)
                    #expect(response.status == .created)
                }
                let prepared = try await backend.source.withConnection { database in
                    try await database.raw("SELECT statement, generic_plans + custom_plans AS runs FROM pg_prepared_statements").all()
                }
                let runs = try prepared.map { (try $0.decode(column: "statement", as: String.self), try $0.decode(column: "runs", as: Int.self)) }
                #expect(runs.contains { $0.0.hasPrefix("WITH anchor AS") && $0.1 >= 3 }, "\(runs)")
                #expect(runs.contains { $0.0.contains("FROM cases c LEFT JOIN milestones m") && $0.1 >= 4 }, "\(runs)")
                #expect(runs.contains { $0.0.contains("FROM api_tokens t") && $0.1 >= 1 }, "\(runs)")
            }
        }
    }

    /// A statement whose preparation failed for a reason other than its values (here a table
    /// that did not exist yet; in service, a statement timeout behind a migration's lock) is
    /// prepared afresh under a new name on its next run: PostgresNIO would otherwise answer every
    /// later run of the failed name on that connection with the first error.
    @Test(.needsPostgres)
    func aStatementWhosePreparationFailedIsPreparedAgainOnTheSameConnection() async throws {
        try await TestDatabase.postgres.withBackend(connections: 1) { backend in
            let placements = try await backend.source.withConnection { database in
                let count: SQLQueryString = "SELECT count(*) AS placements FROM placement_reviews WHERE review_due <= \(bind: "2025-09-30")"
                await #expect(throws: (any Error).self, "no such table yet") { try await database.prepared(count).all() }
                try await database.raw("CREATE TABLE placement_reviews (review_due text)").run()
                try await database.raw("INSERT INTO placement_reviews VALUES ('2025-09-01'), ('2025-10-01')").run()
                return try await database.prepared(count).first()?.decode(column: "placements", as: Int.self)
            }
            #expect(placements == 1)
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
            if try await backend.store.tokens(agency: nil).contains(where: { $0.label == caller.rawValue && $0.lastUsedAt != nil }) { return }
            try await Task.sleep(for: .milliseconds(10))
        }
        throw TestSetupError("the use of \(caller.rawValue)'s token was not noted within 5 s")
    }
}
