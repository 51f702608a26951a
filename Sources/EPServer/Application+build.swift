import EPDomain
import EPStore
import EPTrackAPI
import Foundation
import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import NIOSSL
import Logging
import OpenAPIHummingbird
import ServiceLifecycle

/// The use cases, built once per application: the API's handlers and the pages call the same
/// instances, so every rule, check and audit row has one path.
public struct ApplicationServices: Sendable {
    public let cases: CaseService
    public let alerts: AlertService
    public let admin: AdminService
    public let redactions: RedactionService
    public let dashboards: DashboardService
    public let authenticator: Authenticator
    public let policy: Policy
    public let clock: Clock
    public let store: any Store
    /// Requests a minute per caller (`EPTRACK_RATE_LIMIT`), for the API and the pages alike.
    public let callerLimit: RateLimiter
}

/// Routes served beside the API on the same router (the pages, module EPWeb), registered once
/// the services exist. The API's bearer authentication covers `/v1/` only; these bring their own.
public protocol PageRoutes: Sendable {
    func register(on router: Router<ServerRequestContext>, services: ApplicationServices) async throws
}

/// Builds the HTTP application on a backend: the one way the server is put together, used by
/// `eptrack serve` and by the tests. It listens once the backend is ready and `whenReady` (the
/// server's alert index check) has run. `publishedKeys` are the keys the OIDC issuer publishes
/// (EPWeb's `OIDCDiscovery`), for bearer JWTs when no JWKS file is configured.
public func buildApplication(
    configuration: ServerConfiguration, backend: Backend, policy: Policy, clock: Clock = Clock(),
    metrics: ServiceMetrics, logger: Logger, pages: (any PageRoutes)? = nil, publishedKeys: (any SigningKeys)? = nil,
    whenReady: @escaping @Sendable () async throws -> Void = {}
) async throws -> some ApplicationProtocol {
    var oidc: OIDCVerifier?
    if let settings = configuration.oidc {
        oidc = OIDCVerifier(settings: settings, keys: try await signingKeys(for: settings, published: publishedKeys))
    }
    let document = try Data(contentsOf: URL(fileURLWithPath: configuration.openAPIFile))
    let router = Router(context: ServerRequestContext.self)
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: ProblemMiddleware(logger: logger))
    // Outside Hummingbird's MetricsMiddleware, which wraps every body in a closure again (to
    // time the write): inside it, the gathered buffer would be written in pieces after all.
    router.add(middleware: WholeBodyMiddleware())
    router.add(middleware: MethodNotAllowedMiddleware(routes: RouteTable(openAPIDocument: String(decoding: document, as: UTF8.self))))
    // Request counts and durations by route template, through swift-metrics.
    router.add(middleware: MetricsMiddleware())
    router.add(middleware: ResponseHeaderMiddleware())
    router.add(middleware: BodyLimitMiddleware(limit: configuration.bodyLimit))
    let authenticator = Authenticator(store: backend.store, clock: clock, oidc: oidc)
    router.add(middleware: AuthenticationMiddleware(
        authenticator: authenticator,
        failures: RateLimiter(limitPerMinute: configuration.authenticationFailuresPerMinute),
        clientAddress: ClientAddress(trustedProxies: configuration.trustedProxies)
    ))
    let callerLimit = RateLimiter(limitPerMinute: configuration.rateLimitPerMinute)
    router.add(middleware: RateLimitMiddleware(limiter: callerLimit))
    let cases = CaseService(store: backend.store, policy: policy, clock: clock)
    let heavy = HeavyWork(limit: configuration.heavyRequests)
    let services = ApplicationServices(
        cases: cases, alerts: AlertService(cases: cases, heavy: heavy), admin: AdminService(store: backend.store, clock: clock),
        redactions: RedactionService(store: backend.store, clock: clock),
        dashboards: DashboardService(store: backend.store, policy: policy, clock: clock, heavy: heavy),
        authenticator: authenticator, policy: policy, clock: clock, store: backend.store, callerLimit: callerLimit
    )
    let handlers = APIHandlers(
        cases: services.cases, alerts: services.alerts, policies: PolicyCatalogue(inForce: policy),
        admin: services.admin, redactions: services.redactions,
        dashboards: services.dashboards, metrics: metrics, store: backend.store,
        openAPIDocument: document
    )
    // Compact JSON with sorted keys: the generator's default also pretty-prints every response,
    // which costs CPU and bytes on each; sorted keys keep one answer the same, byte for byte.
    try handlers.registerHandlers(
        on: router, configuration: Configuration(dateTranscoder: InternetDateTranscoder(), jsonEncodingOptions: [.sortedKeys])
    )
    try await pages?.register(on: router, services: services)
    var application = Application(
        router: router,
        server: try serverBuilder(configuration),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "eptrack"),
        onServerRunning: { channel in
            logger.info("eptrack is listening", metadata: ["url": .string("http://\(configuration.host):\(channel.localAddress?.port ?? configuration.port)")])
        },
        logger: logger
    )
    // A signal to stop while the database is still being prepared (or the alert index rebuilt)
    // ends the wait at once: Hummingbird runs this before its server, deaf to graceful shutdown.
    application.beforeServerStarts {
        try await cancelWhenGracefulShutdown {
            try await backend.ready()
            try await whenReady()
        }
    }
    return application
}

/// Plain HTTP behind a proxy, or HTTPS (TLS 1.2+) when a certificate and key are configured.
/// Either way a connection with no request in progress for `requestTimeout` is closed, so slow
/// or silent clients cannot hold connections open.
private func serverBuilder(_ configuration: ServerConfiguration) throws -> HTTPServerBuilder {
    let seconds = configuration.requestTimeout.components.seconds
    let http1 = HTTPServerBuilder.http1(configuration: .init(idleTimeout: .seconds(seconds)))
    guard let files = configuration.tls else { return http1 }
    let chain = try NIOSSLCertificate.fromPEMFile(files.certificateFile).map { NIOSSLCertificateSource.certificate($0) }
    var tls = TLSConfiguration.makeServerConfiguration(certificateChain: chain, privateKey: .privateKey(try NIOSSLPrivateKey(file: files.keyFile, format: .pem)))
    tls.minimumTLSVersion = .tlsv12
    return try .tls(http1, tlsConfiguration: tls)
}

/// The metrics listener: Prometheus text at `/metrics` on its own address
/// (`EPTRACK_METRICS_HOST`:`EPTRACK_METRICS_PORT`, loopback by default), never on the API's
/// port, so that counts of milestones and open alerts are not open to whoever reaches the API.
public func buildMetricsApplication(
    configuration: ServerConfiguration, backend: Backend, metrics: ServiceMetrics, clock: Clock = Clock(), logger: Logger
) -> some ApplicationProtocol {
    let router = Router()
    router.add(middleware: SecurityHeadersMiddleware())
    router.get("/metrics") { _, _ -> Response in
        let text = try await metrics.exposition(
            store: backend.store, pool: backend.source.usage, identityFromMemory: backend.store.identity.isOn, asOf: clock.today
        )
        return Response(
            status: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: text))
        )
    }
    var application = Application(
        router: router,
        configuration: .init(address: .hostname(configuration.metricsHost, port: configuration.metricsPort), serverName: "eptrack-metrics"),
        onServerRunning: { channel in
            logger.info("metrics are served", metadata: ["url": .string("http://\(configuration.metricsHost):\(channel.localAddress?.port ?? configuration.metricsPort)/metrics")])
        },
        logger: logger
    )
    application.beforeServerStarts { try await cancelWhenGracefulShutdown { try await backend.ready() } }
    return application
}

/// A JWKS file when one is configured; otherwise the keys the issuer publishes.
private func signingKeys(for settings: OIDCVerifier.Settings, published: (any SigningKeys)?) async throws -> any SigningKeys {
    if let file = settings.jwksFile { return try await JWKSFile(path: file) }
    guard let published else { throw ServerConfiguration.Invalid(description: "EPTRACK_OIDC_JWKS_FILE is needed: nothing fetches the issuer's keys here") }
    return published
}
