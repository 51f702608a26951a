import EPDomain
import EPServer
import EPStore
import Foundation
import SQLKit
import HummingbirdTesting
import Logging
import Synchronization
import Testing

/// Managed PostgreSQL services require TLS: the store connects with sslmode=verify-full to a
/// server whose certificate a given CA signed, and refuses one it cannot verify.
@Suite struct PostgresTLSTests {
    @Test(.needsPostgres) func verifyFullConnectsWithTheRightCAAndRefusesAnother() async throws {
        let environment = ProcessInfo.processInfo.environment
        let good = try #require(environment["EPTRACK_TEST_POSTGRES_TLS_URL"], "run scripts/test.sh")
        let wrong = try #require(environment["EPTRACK_TEST_POSTGRES_WRONG_CA_URL"], "run scripts/test.sh")
        var logger = Logger(label: "eptrack-test")
        logger.logLevel = .critical
        guard case .postgres(let settings) = try DatabaseURL(good), case .postgres(let other) = try DatabaseURL(wrong) else {
            Issue.record("not PostgreSQL URLs")
            return
        }
        #expect(settings.sslMode == .verifyFull)
        let source = try PostgresSource(settings, maximumConnections: 1, leaseTimeout: .seconds(30), logger: logger)
        let runner = Task { await source.client.run() }
        defer { runner.cancel() }
        let encrypted = try await source.withConnection { database in
            try await database.raw("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()").first()?.decode(column: "ssl", as: Bool.self)
        }
        #expect(encrypted == true, "the session is encrypted")

        await #expect(throws: (any Error).self, "a server the CA did not sign is refused") {
            var options = Backend.Options(schemaFolder: TestDatabase.schemaFolder)
            options.allowUnsafe = true
            options.patience = .seconds(1)
            try await Backend.run(.postgres(other), options: options, logger: logger) { _ in }
        }
    }
}
