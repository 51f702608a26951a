import EPDomain
import EPServer
import EPStore
import Foundation
import SQLKit
import HummingbirdTesting
import Logging
import Synchronization
import Testing

/// A PostgreSQL on the same host, reached through its Unix socket (`?host=/socket/folder`).
@Suite struct PostgresSocketTests {
    @Test(.needsPostgres) func aSocketURLConnectsWithoutTCP() async throws {
        let source = try #require(try TestDatabase.postgresSource("EPTRACK_TEST_POSTGRES_SOCKET_URL"))
        let url = try DatabaseURL(ProcessInfo.processInfo.environment["EPTRACK_TEST_POSTGRES_SOCKET_URL"] ?? "")
        guard case .postgres(let settings) = url, case .unixSocket = settings.endpoint else {
            Issue.record("not a PostgreSQL socket URL: \(url)")
            return
        }
        let runner = Task { await source.client.run() }
        defer { runner.cancel() }
        let overSocket = try await source.withConnection { database in
            // A session over a Unix socket has no client address.
            try await database.raw("SELECT inet_client_addr() IS NULL AS local").first()?.decode(column: "local", as: Bool.self)
        }
        #expect(overSocket == true)
    }
}
