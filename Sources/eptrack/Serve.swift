import ArgumentParser
import EPServer
import Foundation
import Hummingbird
import Logging
import Metrics
import NIOCore
import NIOPosix
import Prometheus
import ServiceLifecycle

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Start the API server (migrations are applied on start).",
        discussion: """
        Configuration comes from the environment:
          DATABASE_URL     postgres://user:password@host:5432/db?sslmode=verify-full or sqlite://path
                           (default sqlite://eptrack.sqlite)
          HOST             address to listen on (default 127.0.0.1)
          PORT             port to listen on (default 8080)
          EPTRACK_POLICY   policy file in force (default Policies/england-default.yaml)
          EPTRACK_SCHEMA_DIR   folder of SQL migrations (default Schema)
          EPTRACK_OPENAPI_FILE the contract served at /openapi.yaml (default api-docs/openapi.yaml)
          LOG_LEVEL        trace, debug, info, notice, warning, error, critical (default info)
          LOG_FORMAT       json (default) or text
          EPTRACK_METRICS_HOST, EPTRACK_METRICS_PORT  where Prometheus reads /metrics (default 127.0.0.1:9464)
          EPTRACK_RATE_LIMIT   requests a minute per caller per instance (default 1200)
          EPTRACK_REQUEST_TIMEOUT  seconds a connection may wait for a request's headers, or sit idle (default 30)
          EPTRACK_DB_WAIT_MS   milliseconds a request waits for a database connection before 503 (default 1000)
          EPTRACK_DB_CONNECTIONS  PostgreSQL connections this instance opens at most (default 20)
          TLS_CERT_FILE, TLS_KEY_FILE  answer HTTPS (TLS 1.2+) with this PEM certificate and key
          EPTRACK_ALLOW_UNSAFE_DB=1   accept a PostgreSQL with fsync, synchronous_commit or full_page_writes off
          EPTRACK_OIDC_ISSUER, EPTRACK_OIDC_AUDIENCE, EPTRACK_OIDC_JWKS_FILE, EPTRACK_OIDC_TENANT
                           accept OIDC bearer JWTs (README "Connecting Microsoft Entra ID")
        """
    )

    func run() async throws {
        // Swift concurrency's jobs run on NIO's event loops instead of a second pool of threads:
        // a request's task resumes on the loop that read its database reply, rather than hopping
        // between threads at every statement (Benchmarks/README.md: about 6% more writes a second).
        let onEventLoops = NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
        let logger = CLI.make("eptrack")
        logger.debug("tasks run on NIO's event loops", metadata: ["installed": .stringConvertible(onEventLoops)])
        let configuration: ServerConfiguration
        let policy: EPDomainPolicy
        do {
            configuration = try ServerConfiguration()
            policy = try PolicyFile.load(path: configuration.policyFile)
        } catch {
            throw ValidationError("\(error)")
        }
        let backend = try await Backend.connect(configuration, logger: logger)
        logger.info("database ready", metadata: ["database": .string(configuration.database.description), "policy": .string("\(policy.id) \(policy.version)")])
        try await AlertIndex.rebuildIfPolicyChanged(store: backend.store, policy: policy, clock: Clock(), logger: logger)
        let metrics = ServiceMetrics(policy: policy)
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: metrics.registry))
        let app = try await buildApplication(configuration: configuration, backend: backend, policy: policy, metrics: metrics, logger: logger)
        // The API, the metrics listener and the expiry of stored responses stop together on
        // SIGTERM or SIGINT.
        let services = ServiceGroup(configuration: .init(
            services: [
                app, buildMetricsApplication(configuration: configuration, backend: backend, metrics: metrics, logger: logger),
                IdempotencyExpiry(store: backend.store, logger: logger),
            ],
            gracefulShutdownSignals: [.sigterm, .sigint], logger: logger
        ))
        do {
            try await services.run()
        } catch {
            await backend.shutdown()
            throw error
        }
        await backend.shutdown()
    }
}
