import EPDomain
import EPStore
import Foundation
import SQLKit
import Testing

/// Migration 0011 makes a case reference unique in its local authority whatever its case, and
/// keeps what a database already held.
@Suite struct ReferenceKeyMigrationTests {
    /// A database that already holds references differing only in case (stored before migration
    /// 0011) keeps both cases, and the reference finds both; the oldest holds the reference, so a
    /// new case still clashes.
    @Test(arguments: TestDatabase.all)
    func casesStoredBeforeReferencesIgnoredCaseAreKept(database: TestDatabase) async throws {
        let earlier = FileManager.default.temporaryDirectory.appendingPathComponent("eptrack-schema-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: earlier) }
        let dialect = database == .sqlite ? "sqlite" : "postgres"
        let shipped = URL(fileURLWithPath: TestDatabase.schemaFolder).appendingPathComponent(dialect)
        try FileManager.default.createDirectory(at: earlier.appendingPathComponent(dialect), withIntermediateDirectories: true)
        for file in try FileManager.default.contentsOfDirectory(atPath: shipped.path) where file < "0011" {
            try FileManager.default.copyItem(at: shipped.appendingPathComponent(file), to: earlier.appendingPathComponent(dialect).appendingPathComponent(file))
        }
        try await database.withDatabase { url, options, logger in
            var before = options
            before.schemaFolder = earlier.path
            try await Backend.run(url, options: before, logger: logger) { backend in
                let created = Date(timeIntervalSince1970: 1_735_689_600)
                let older = UUID(), newer = UUID()
                // A pair opened in the same instant: the lower id holds the key.
                let first = UUID(uuidString: "00000000-0000-4000-8000-000000000001")!, second = UUID(uuidString: "00000000-0000-4000-8000-000000000002")!
                try await backend.source.withConnection { database in
                    try await database.raw("INSERT INTO agencies (id, name, type, created_at) VALUES ('la-northshire', 'Northshire County Council', 'la', \(bind: created))").run()
                    for (id, reference, at) in [
                        (older, "NS-EP-2024-0031", created), (newer, "ns-ep-2024-0031", created.addingTimeInterval(86_400)),
                        (second, "ns-ep-2024-0032", created.addingTimeInterval(-86_400)), (first, "NS-EP-2024-0032", created.addingTimeInterval(-86_400)),
                    ] {
                        try await database.raw("""
                            INSERT INTO cases (id, reference, local_authority, sex, ethnicity, sibling_group_size, disability, unborn, state, version, created_at, updated_at)
                            VALUES (\(bind: id), \(bind: reference), 'la-northshire', 'female', 'WBRI', 1, \(bind: false), \(bind: false), 'pre_proceedings', 1, \(bind: at), \(bind: at))
                            """).run()
                    }
                }
                let migrator = try Migrator(source: backend.source, schemaFolder: URL(fileURLWithPath: TestDatabase.schemaFolder))
                #expect(try await migrator.migrate().first == 11)
                let keys = try await backend.source.withConnection { database in
                    try await database.raw("SELECT reference, reference_key FROM cases ORDER BY created_at, reference_key").all().map {
                        [try $0.decode(column: "reference", as: String.self), try $0.decode(column: "reference_key", as: String?.self) ?? "-"]
                    }
                }
                #expect(keys == [
                    ["NS-EP-2024-0032", "ns-ep-2024-0032"], ["ns-ep-2024-0032", "ns-ep-2024-0032#\(second.uuidString.lowercased())"],
                    ["NS-EP-2024-0031", "ns-ep-2024-0031"], ["ns-ep-2024-0031", "ns-ep-2024-0031#\(newer.uuidString.lowercased())"],
                ])
                let third = Case(
                    id: UUID(), reference: "Ns-Ep-2024-0031", localAuthority: TestWorld.northshire,
                    profile: ChildProfile(sex: .male, ethnicity: .BCRB), createdAt: created.addingTimeInterval(2 * 86_400)
                )
                let audit = AuditEvent(
                    id: UUID(), at: third.createdAt, actor: "token:test", agency: TestWorld.northshire, role: "social_worker", action: "case.create", caseID: third.id
                )
                await #expect(throws: StoreError.duplicateReference("NS-EP-2024-0031")) {
                    try await backend.store.insertCase(third, derived: .plain(third), audit: audit, idempotency: nil)
                }
                let found = try await backend.store.listCases(CaseQuery(localAuthorities: [TestWorld.northshire], reference: "NS-EP-2024-0031", limit: 10))
                #expect(Set(found.map(\.subject.id)) == [older, newer], "both found by the reference")
            }
        }
    }
}
