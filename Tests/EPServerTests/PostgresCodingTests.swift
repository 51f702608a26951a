import EPDomain
import EPServer
import EPStore
import Foundation
import SQLKit
import HummingbirdTesting
import Logging
import Synchronization
import Testing

/// The store's values through eptrack's PostgreSQL adapter (`PostgresSQLDatabase`): each kind
/// of bind the store uses comes back as it went in, absent ones as NULL.
@Suite struct PostgresCodingTests {
    private struct Reference: Encodable, Sendable { let reference = "NS-EP-2025-0142" }

    @Test(.needsPostgres) func everyBoundKindComesBackAsItWentIn() async throws {
        let source = try #require(try TestDatabase.postgresSource())
        let runner = Task { await source.client.run() }
        defer { runner.cancel() }
        let caseID = UUID()
        let recordedAt = Date(timeIntervalSince1970: 1_756_717_200.25)
        let absentNote: String? = nil, absentSupersedes: UUID? = nil, note: String? = "Contact went well"
        let row = try await source.withConnection { database in
            try await database.raw("""
                SELECT \(bind: "family_time") AS kind, \(bind: note)::text AS note, \(bind: absentNote)::text AS absent_note,
                       \(bind: caseID) AS case_id, \(bind: absentSupersedes)::uuid AS supersedes, \(bind: recordedAt) AS recorded_at,
                       \(bind: 12) AS seq, \(bind: true) AS retracted
                """).first()
        }
        let values = try #require(row)
        #expect(try values.decode(column: "kind", as: String.self) == "family_time")
        #expect(try values.decode(column: "note", as: String?.self) == "Contact went well")
        #expect(try values.decode(column: "absent_note", as: String?.self) == nil)
        #expect(try values.decodeNil(column: "absent_note"))
        #expect(try values.decode(column: "case_id", as: UUID.self) == caseID)
        #expect(try values.decode(column: "supersedes", as: UUID?.self) == nil)
        #expect(try values.decode(column: "recorded_at", as: Date.self) == recordedAt)
        #expect(try values.decode(column: "seq", as: Int.self) == 12)
        #expect(try values.decode(column: "retracted", as: Bool.self))
        #expect(throws: (any Error).self, "a column the query did not select") { try values.decode(column: "reference", as: String.self) }
        #expect(try values.decodeNil(column: "reference"), "a column not selected reads as absent")
        #expect(try values.decode(column: "seq", as: Int64.self) == 12, "a type outside the store's own is decoded too")
        #expect(throws: (any Error).self, "a type with no PostgreSQL coding") { try values.decode(column: "kind", as: [String: String].self) }

        let refused = await #expect(throws: (any Error).self, "a value with no PostgreSQL coding is refused, not sent") {
            try await source.withConnection { database in try await database.raw("SELECT \(bind: Reference()) AS reference").run() }
        }
        #expect("\(refused.map { "\($0)" } ?? "")".contains("no coding for Reference"))
    }
}
