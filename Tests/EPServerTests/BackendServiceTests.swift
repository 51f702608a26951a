import EPDomain
import EPServer
import EPStore
import Foundation
import Logging
import ServiceLifecycle
import Synchronization
import Testing

/// The backend as the server runs it: a service in the same group as the listeners, which
/// connects and migrates while the others wait for `ready()`, and stops last.
@Suite struct BackendServiceTests {
    /// Runs `work` as a service beside the backend; when it returns, the group shuts down.
    private struct Work: Service {
        let work: @Sendable () async throws -> Void
        func run() async throws { try await work() }
    }

    @Test(arguments: TestDatabase.all)
    func servicesBesideTheBackendStartWorkOnlyOnAMigratedDatabase(database: TestDatabase) async throws {
        try await database.withDatabase { url, options, logger in
            let backend = try await Backend(url, options: options, logger: logger)
            let seen = Mutex<[Agency]?>(nil)
            // Started together with the backend on an empty database: without waiting, its
            // first statement would find no tables.
            let reader = Work {
                try await backend.ready()
                let agencies = try await backend.store.agencies()
                seen.withLock { $0 = agencies }
            }
            try await ServiceGroup(configuration: .init(
                services: [
                    .init(service: backend),
                    .init(service: reader, successTerminationBehavior: .gracefullyShutdownGroup),
                ],
                logger: logger
            )).run()
            #expect(seen.withLock { $0 } == [], "the reader ran on the migrated, empty database")
            // The group stopped the backend after the reader: its connections are closed.
            await #expect(throws: (any Error).self) { try await backend.store.agencies() }
        }
    }

    /// A backend for a PostgreSQL that is not there (port 9, discard, on loopback: nothing
    /// listens), trying for `patience`; with a logger for critical messages only.
    private static func unreachable(patience: Duration) async throws -> (Backend, Logger) {
        var logger = Logger(label: "eptrack-test")
        logger.logLevel = .critical
        var options = Backend.Options(schemaFolder: TestDatabase.schemaFolder)
        options.patience = patience
        let url = try DatabaseURL("postgres://eptrack:secret@127.0.0.1:9/eptrack?sslmode=disable")
        return (try await Backend(url, options: options, logger: logger), logger)
    }

    @Test func aPreparationThatFailsStopsTheGroupAndAnswersThoseWaiting() async throws {
        let (backend, logger) = try await Self.unreachable(patience: .milliseconds(300))
        let answered = Mutex<(any Error)?>(nil)
        let waiting = Work {
            do {
                try await backend.ready()
            } catch {
                answered.withLock { $0 = error }
                throw error
            }
        }
        await #expect(throws: DatabaseUnavailable.self) {
            try await ServiceGroup(services: [backend, waiting], logger: logger).run()
        }
        let error = try #require(answered.withLock { $0 })
        #expect(error is DatabaseUnavailable, "the waiting service got the backend's own error, not a cancellation: \(error)")
    }

    /// SIGTERM while the database is not there yet (or still migrating) stops the server at
    /// once, instead of after the backend's patience runs out: the API application's wait for
    /// the backend ends on the group's graceful shutdown.
    @Test func aStopWhileTheDatabaseIsNotReadyEndsTheWaitAtOnce() async throws {
        let (backend, logger) = try await Self.unreachable(patience: .seconds(60))
        let configuration = try ServerConfiguration(environment: [
            "DATABASE_URL": "sqlite://unused.sqlite", "PORT": "18089",
            "EPTRACK_OPENAPI_FILE": TestDatabase.repository.appendingPathComponent("api-docs/openapi.yaml").path,
        ])
        let policy = try TestDatabase.englandPolicy()
        let app = try await buildApplication(configuration: configuration, backend: backend, policy: policy, metrics: ServiceMetrics(policy: policy), logger: logger)
        let group = ServiceGroup(configuration: .init(services: [backend, app], logger: logger))
        let started = ContinuousClock.now
        let running = Task { try await group.run() }
        try await Task.sleep(for: .milliseconds(300))
        await group.triggerGracefulShutdown()
        let outcome = await running.result
        // (A bound far from both ends: a CI run under load once took 10.9 s to stop.)
        #expect(ContinuousClock.now - started < .seconds(25), "well before the 60 s the backend would keep trying")
        if case .failure(let error) = outcome { #expect(error is CancellationError, "a stop, not a failure: \(error)") }
    }

    @Test func aTaskWaitingForABackendThatNeverStartsCanBeCancelled() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("eptrack-test-\(UUID().uuidString).sqlite").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let backend = try await Backend(
            .sqlite(path: path),
            options: Backend.Options(schemaFolder: TestDatabase.schemaFolder), logger: Logger(label: "eptrack-test")
        )
        let early = Task { try await backend.ready() }
        early.cancel()
        await #expect(throws: CancellationError.self, "cancelled before it waited") { try await early.value }
        let waiting = Task { try await backend.ready() }
        try await Task.sleep(for: .milliseconds(100))
        waiting.cancel()
        await #expect(throws: CancellationError.self, "cancelled while it waited") { try await waiting.value }
        try await backend.source.shutdown()
    }
}
