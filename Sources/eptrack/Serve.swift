import ArgumentParser
import EPServer
import EPStore
import EPWeb
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
        Configuration comes from the environment: DATABASE_URL (default sqlite://eptrack.sqlite),
        HOST and PORT (default 127.0.0.1:8080), and the EPTRACK_* settings. Every variable, its
        default and what it does is in the README's "Configuration" table, the one place they are
        listed; an invalid value stops the server at start with one line saying which.
        """
    )

    func run() async throws {
        // Swift concurrency's jobs run on NIO's event loops instead of a second pool of threads:
        // a request's task resumes on the loop that read its database reply, rather than hopping
        // between threads at every statement. The pool's connections are spread over the loops
        // (`SpreadEventLoops`), or every request's work would gather on one of them.
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
        // The backend is the first of the group's services, so it stops last: it connects and
        // migrates while the others wait for it to be ready (the API and metrics listeners before
        // they listen, the expiry before its first round).
        let backend = try await Backend(configuration, logger: logger)
        let metrics = ServiceMetrics(policy: policy)
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: metrics.registry))
        let discovery = OIDCDiscovery.of(configuration)
        let app = try await buildApplication(
            configuration: configuration, backend: backend, policy: policy, metrics: metrics, logger: logger,
            pages: WebPages(settings: configuration.pages, discovery: discovery, logger: logger), publishedKeys: discovery,
            whenReady: {
                logger.info("database ready", metadata: ["database": .string(configuration.database.description), "policy": .string("\(policy.id) \(policy.version)")])
                try await AlertIndex.rebuildIfPolicyChanged(store: backend.store, policy: policy, clock: Clock(), logger: logger)
            }
        )
        // The API, the metrics listener and the expiry of stored responses stop together on
        // SIGTERM or SIGINT, in the reverse of this order; the database closes after them.
        do {
            try await ServiceGroup(configuration: .init(
                services: [
                    backend, IdempotencyExpiry(backend: backend, logger: logger),
                    buildMetricsApplication(configuration: configuration, backend: backend, metrics: metrics, logger: logger), app,
                ],
                gracefulShutdownSignals: [.sigterm, .sigint], logger: logger
            )).run()
        } catch is CancellationError {
            // Told to stop before start-up had finished: the listeners gave up waiting for the
            // database, which stopped what it was doing. A stop asked for, not a failure.
            logger.info("stopped before start-up finished")
        }
    }
}
