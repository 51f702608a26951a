import EPServer
import Foundation
import HTTPTypes
import HummingbirdTesting
import Logging
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
}
