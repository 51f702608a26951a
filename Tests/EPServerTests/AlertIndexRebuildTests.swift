@testable import EPServer
import EPDomain
import EPStore
import Foundation
import Logging
import SQLKit
import Testing

/// After a change of policy or of the rules' logic, every case's derived data (alert index
/// entries, state, digest) is worked out again the way a write works it out, once.
@Suite struct AlertIndexRebuildTests {
    @Test(arguments: TestDatabase.all)
    func aNewPolicyOrRulesRevisionRewritesEveryCasesDerivedDataOnce(database: TestDatabase) async throws {
        try await TestWorld.run(on: database) { world, client in
            let id = try await client.openCase(in: world)
            #expect(try await client.record("birth", on: "2025-06-02", caseID: id, in: world).status == .created)
            #expect(try await client.record("plo_pre_proceedings", on: "2025-07-01", caseID: id, in: world).status == .created)
            let store = world.backend.store
            let caseID = try #require(UUID(uuidString: id))
            let index = {
                Set(try await store.alertIndexPage(AlertIndexQuery(
                    localAuthorities: [TestWorld.northshire], asOf: CalendarDate(iso: "2026-12-31")!, status: nil, ruleID: nil, limit: 50, after: nil
                )))
            }
            let entries = try await index()
            #expect(!entries.isEmpty, "a born child before proceedings has clocks running")
            let written = try #require(try await store.findCase(id: caseID))
            let stored = try await derivedColumns(of: caseID, in: world)
            #expect(stored.state == JourneyState.preProceedings.rawValue)
            #expect(stored.digest == JourneyDigest(written.journey).text)

            // As a deployment holds them after an upgrade whose rules compute otherwise.
            try await world.backend.source.withConnection { database in
                try await database.raw("DELETE FROM alert_index").run()
                try await database.raw("UPDATE cases SET state = 'in_proceedings', journey_digest = 'built by an older revision'").run()
            }
            try await store.setSetting(AlertIndex.settingKey, to: "england-default@2025.1+rules2")
            var logger = Logger(label: "eptrack-test")
            logger.logLevel = .warning
            let policy = try TestDatabase.englandPolicy()
            try await AlertIndex.rebuildIfPolicyChanged(store: store, policy: policy, clock: world.clock, logger: logger)

            #expect(try await index() == entries)
            let rebuilt = try await derivedColumns(of: caseID, in: world)
            #expect(rebuilt.state == stored.state)
            #expect(rebuilt.digest == stored.digest)
            #expect(rebuilt.version == stored.version + 1, "the state a reader sees moved back: a new version")

            // The marker now names this policy and revision: the next start leaves cases alone.
            try await AlertIndex.rebuildIfPolicyChanged(store: store, policy: policy, clock: world.clock, logger: logger)
            #expect(try await derivedColumns(of: caseID, in: world).version == rebuilt.version)
        }
    }

    /// An LA gives itself a shorter threshold: due dates move in the index, nothing stored that
    /// a client edits does, so the ETag a social worker's open edit form holds stays good.
    @Test(arguments: TestDatabase.all)
    func aNewThresholdMovesTheIndexButNotTheCasesVersion(database: TestDatabase) async throws {
        try await TestWorld.run(on: database) { world, client in
            let id = try await client.openCase(in: world)
            #expect(try await client.record("birth", on: "2025-06-02", caseID: id, in: world).status == .created)
            #expect(try await client.record("plo_pre_proceedings", on: "2025-07-01", caseID: id, in: world).status == .created)
            let read = try await client.send(.get, "/v1/cases/\(id)", as: .northshireSocialWorker, in: world)
            let etag = try #require(read.headers[.eTag])
            let store = world.backend.store
            let caseID = try #require(UUID(uuidString: id))
            let considered = { try await store.alertIndexPage(AlertIndexQuery(
                localAuthorities: [TestWorld.northshire], asOf: CalendarDate(iso: "2026-12-31")!, status: nil, ruleID: "S2-ep-considered-early", limit: 5, after: nil
            )).first { $0.caseID == caseID } }
            let before = try #require(try await considered())
            let stored = try await derivedColumns(of: caseID, in: world)

            let path = TestDatabase.repository.appendingPathComponent("Policies/england-default.yaml").path
            let yaml = try String(contentsOfFile: path, encoding: .utf8)
                .replacingOccurrences(of: "id: england-default\n", with: "id: northshire-ep\n")
                .replacingOccurrences(of: "threshold: 20 working_days", with: "threshold: 10 working_days")
            let shorter = try PolicyLoader.load(yaml: yaml, file: "northshire-ep.yaml") { related in
                try? String(contentsOf: URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent(related), encoding: .utf8)
            }
            var logger = Logger(label: "eptrack-test")
            logger.logLevel = .warning
            try await AlertIndex.rebuildIfPolicyChanged(store: store, policy: shorter, clock: world.clock, logger: logger)

            let after = try #require(try await considered())
            #expect(after.overdueOn < before.overdueOn, "\(before.overdueOn) → \(after.overdueOn)")
            #expect(try await derivedColumns(of: caseID, in: world).version == stored.version)
            let edited = try await client.send(
                .patch, "/v1/cases/\(id)", as: .northshireSocialWorker, in: world, json: #"{"disability":true}"#, headers: [.ifMatch: etag]
            )
            #expect(edited.status == .ok, "\(edited.text)")
        }
    }

    private func derivedColumns(of caseID: UUID, in world: TestWorld) async throws -> (state: String, digest: String?, version: Int) {
        try await world.backend.source.withConnection { database in
            let row = try #require(try await database.raw("SELECT state, journey_digest, version FROM cases WHERE id = \(bind: caseID)").first())
            return (
                try row.decode(column: "state", as: String.self), try row.decode(column: "journey_digest", as: String?.self),
                try row.decode(column: "version", as: Int.self)
            )
        }
    }
}
