import EPServer
import EPStore
import Foundation
import HTTPTypes
import HummingbirdTesting
import Logging
import SQLKit
import Synchronization
import Testing

/// What the server logs about a request: its id, method, path, status and time, and never a
/// token, a body or free text.
@Suite struct LoggingTests {
    final class Capture: Sendable {
        let lines = Mutex<[String]>([])
    }

    struct CapturingHandler: LogHandler {
        let capture: Capture
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .info
        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }
        func log(event: LogEvent) {
            let fields = (event.metadata ?? [:]).map { "\($0.key)=\($0.value)" }.sorted().joined(separator: " ")
            capture.lines.withLock { $0.append("\(event.level) \(event.message) \(fields)") }
        }
    }

    @Test func aRequestLogLineCarriesItsIDAndNothingPrivate() async throws {
        let capture = Capture()
        let logger = Logger(label: "eptrack-test") { _ in CapturingHandler(capture: capture) }
        try await TestWorld.run(on: .sqlite, logger: logger) { world, client in
            let id = try await client.openCase(in: world)
            let response = try await client.send(.post, "/v1/cases/\(id)/milestones", as: .northshireSocialWorker, in: world,
                                                 json: #"{"kind":"family_group_conference","occurred_on":"2025-08-01","note":"Grandparents attended with the children's aunt"}"#,
                                                 headers: [HTTPField.Name("X-Request-Id")!: "fgc-trace-0007"])
            #expect(response.status == .created)
        }
        let lines = capture.lines.withLock { $0 }
        let line = try #require(lines.first { $0.contains("request_id=fgc-trace-0007") }, "\(lines)")
        #expect(line.contains("method=POST") && line.contains("status=201") && line.contains("duration_ms="))
        let everything = lines.joined(separator: "\n")
        #expect(!everything.contains("Grandparents"), "no free text")
        #expect(!everything.contains("ept_"), "no tokens")
        #expect(!everything.contains("Bearer"), "no credentials")
    }
    /// At LOG_LEVEL=debug (or trace) the embedded database logs nothing it was given: SQLKit's
    /// own statement logging would print every bound value, notes and token hashes among them.
    @Test func theEmbeddedDatabaseNeverLogsBoundValues() async throws {
        let capture = Capture()
        var logger = Logger(label: "eptrack-test") { _ in CapturingHandler(capture: capture) }
        logger.logLevel = .trace
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("eptrack-log-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let source = try await SQLiteSource(path: path, logger: logger)
        try await source.withConnection { database in
            try await database.raw("CREATE TABLE notes (body TEXT NOT NULL)").run()
            try await database.raw("INSERT INTO notes (body) VALUES (\(bind: "Mother attended family time with her sister"))").run()
            _ = try await database.raw("SELECT body FROM notes WHERE body = \(bind: "token-hash-5f2c")").all()
        }
        try await source.shutdown()
        let everything = capture.lines.withLock { $0 }.joined(separator: "\n")
        #expect(!everything.contains("family time"), "\(everything)")
        #expect(!everything.contains("token-hash-5f2c"))
        #expect(!everything.contains("INSERT INTO notes"), "no statements either")
    }

    /// An error nobody anticipated (here the audit table has gone from under the server): the
    /// client gets 500 internal-error with its request id and nothing of the cause, nothing of
    /// the write is stored, and the log says where it came from by type and code only.
    @Test(arguments: TestDatabase.all)
    func anUnexpectedErrorIsLoggedByTypeAndLeavesNothingHalfWritten(database: TestDatabase) async throws {
        let capture = Capture()
        let logger = Logger(label: "eptrack-test") { _ in CapturingHandler(capture: capture) }
        try await TestWorld.run(on: database, logger: logger) { world, client in
            let id = try await client.openCase(in: world)
            try await world.backend.store.source.withConnection { database in
                try await database.raw("ALTER TABLE audit_events RENAME TO audit_events_moved").run()
            }
            let response = try await client.send(.post, "/v1/cases/\(id)/milestones", as: .northshireSocialWorker, in: world,
                                                 json: #"{"kind":"family_group_conference","occurred_on":"2025-08-01","note":"Grandparents attended with the children's aunt"}"#,
                                                 headers: [HTTPField.Name("X-Request-Id")!: "fgc-trace-0500"])
            #expect(response.status == .internalServerError)
            let problem = try response.object()
            #expect(problem["type"] as? String == "/problems/internal-error")
            #expect(problem["request_id"] as? String == "fgc-trace-0500")
            #expect(!response.text.contains("audit_events"), "the cause stays on the server: \(response.text)")
            let stored = try await world.backend.store.source.withConnection { database in
                try await database.raw("SELECT COUNT(*) AS n FROM milestones WHERE kind = 'family_group_conference'").first()?.decode(column: "n", as: Int.self)
            }
            #expect(stored == 0, "the milestone's transaction was rolled back with the audit row")
        }
        let lines = capture.lines.withLock { $0 }
        let failure = try #require(lines.first { $0.hasPrefix("error request failed") }, "\(lines)")
        #expect(failure.contains("request_id=fgc-trace-0500"))
        #expect(failure.contains(database == .postgres ? "PSQLError" : "SQLiteError"), "\(failure)")
        let everything = lines.joined(separator: "\n")
        #expect(!everything.contains("Grandparents"), "no free text")
        #expect(!everything.contains("ept_"), "no tokens")
    }
}
