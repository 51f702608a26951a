import EPStore
import Foundation

/// Everything the server reads from its environment (README "Configuration"). Invalid values
/// stop the server at start with one clear line.
public struct ServerConfiguration: Sendable {
    public var database: DatabaseURL
    /// The tables' owner, for migrations only (PostgreSQL): the server then runs as
    /// `DATABASE_URL`'s role, a member of `eptrack_app` that may change no schema or history.
    public var migrationDatabase: DatabaseURL?
    public var host: String
    public var port: Int
    /// The policy file in force.
    public var policyFile: String
    /// The folder holding Schema/postgres and Schema/sqlite.
    public var schemaFolder: String
    /// The OpenAPI document served at /openapi.yaml.
    public var openAPIFile: String
    public var bodyLimit: Int
    /// Accept a PostgreSQL running with fsync, synchronous_commit or full_page_writes off.
    public var allowUnsafeDatabase: Bool
    /// A PEM certificate chain and key: the server then answers HTTPS (TLS 1.2 or later) itself,
    /// for deployments with no proxy in front.
    public var tls: (certificateFile: String, keyFile: String)?
    /// Requests a minute each caller may make to this instance.
    public var rateLimitPerMinute: Int
    /// Failed authentications a minute one client address may make to this instance before
    /// every request from it is refused (429) without a database lookup, until the bucket refills.
    public var authenticationFailuresPerMinute: Int
    /// Proxies whose `X-Forwarded-For` names the client (their own addresses, exactly).
    public var trustedProxies: Set<String>
    /// How long a connection may sit without a request in progress, including a client that
    /// opened it and is slow to send its request line and headers: then it is closed.
    public var requestTimeout: Duration
    /// The longest a request waits for a database connection before answering 503.
    public var databaseWait: Duration
    /// The most PostgreSQL connections this instance opens (its pool).
    public var databaseConnections: Int
    /// How long a stored idempotent response is replayed and kept (it quotes the request's text).
    public var idempotencyLifetime: TimeInterval
    /// Dashboards and past-day alert lists this instance works out at once (beyond: 503).
    public var heavyRequests: Int
    /// Where Prometheus reads `/metrics`: its own listener, loopback by default.
    public var metricsHost: String
    public var metricsPort: Int
    /// OpenID Connect bearer tokens, when configured (API tokens work either way).
    public var oidc: OIDCVerifier.Settings?

    public static let defaultDatabase = "sqlite://eptrack.sqlite"

    public struct Invalid: Error, CustomStringConvertible {
        public let description: String
    }

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) throws(Invalid) {
        do {
            database = try DatabaseURL(environment["DATABASE_URL"] ?? Self.defaultDatabase)
        } catch {
            throw Invalid(description: "DATABASE_URL: \(error.description)")
        }
        if let owner = environment["EPTRACK_MIGRATION_DATABASE_URL"] {
            do {
                migrationDatabase = try DatabaseURL(owner)
            } catch {
                throw Invalid(description: "EPTRACK_MIGRATION_DATABASE_URL: \(error.description)")
            }
            guard case .postgres = migrationDatabase, case .postgres = database else {
                throw Invalid(description: "EPTRACK_MIGRATION_DATABASE_URL is for PostgreSQL only, beside a PostgreSQL DATABASE_URL")
            }
        }
        host = environment["HOST"] ?? "127.0.0.1"
        guard let port = Int(environment["PORT"] ?? "8080"), (1...65535).contains(port) else {
            throw Invalid(description: "PORT must be a number from 1 to 65535")
        }
        self.port = port
        guard let heavy = Int(environment["EPTRACK_HEAVY_REQUESTS"] ?? "2"), (1...64).contains(heavy) else {
            throw Invalid(description: "EPTRACK_HEAVY_REQUESTS must be a whole number from 1 to 64")
        }
        heavyRequests = heavy
        guard let hours = Int(environment["EPTRACK_IDEMPOTENCY_TTL_HOURS"] ?? "24"), (1...720).contains(hours) else {
            throw Invalid(description: "EPTRACK_IDEMPOTENCY_TTL_HOURS must be a whole number of hours from 1 to 720")
        }
        idempotencyLifetime = TimeInterval(hours * 3600)
        metricsHost = environment["EPTRACK_METRICS_HOST"] ?? "127.0.0.1"
        guard let metricsPort = Int(environment["EPTRACK_METRICS_PORT"] ?? "9464"), (0...65535).contains(metricsPort) else {
            throw Invalid(description: "EPTRACK_METRICS_PORT must be a number from 0 to 65535 (0: any free port)")
        }
        self.metricsPort = metricsPort
        policyFile = environment["EPTRACK_POLICY"] ?? "Policies/england-default.yaml"
        schemaFolder = environment["EPTRACK_SCHEMA_DIR"] ?? "Schema"
        openAPIFile = environment["EPTRACK_OPENAPI_FILE"] ?? "api-docs/openapi.yaml"
        bodyLimit = 1 << 20
        allowUnsafeDatabase = environment["EPTRACK_ALLOW_UNSAFE_DB"] == "1"
        guard let rate = Int(environment["EPTRACK_RATE_LIMIT"] ?? "1200"), rate >= 1 else {
            throw Invalid(description: "EPTRACK_RATE_LIMIT must be a whole number of requests a minute, at least 1")
        }
        rateLimitPerMinute = rate
        guard let failures = Int(environment["EPTRACK_AUTH_FAILURE_LIMIT"] ?? "60"), failures >= 1 else {
            throw Invalid(description: "EPTRACK_AUTH_FAILURE_LIMIT must be a whole number of failed authentications a minute, at least 1")
        }
        authenticationFailuresPerMinute = failures
        trustedProxies = Set((environment["EPTRACK_TRUSTED_PROXIES"] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty })
        guard let timeout = Int(environment["EPTRACK_REQUEST_TIMEOUT"] ?? "30"), (1...3600).contains(timeout) else {
            throw Invalid(description: "EPTRACK_REQUEST_TIMEOUT must be a whole number of seconds from 1 to 3600")
        }
        requestTimeout = .seconds(timeout)
        guard let wait = Int(environment["EPTRACK_DB_WAIT_MS"] ?? "1000"), (100...60_000).contains(wait) else {
            throw Invalid(description: "EPTRACK_DB_WAIT_MS must be a whole number of milliseconds from 100 to 60000")
        }
        databaseWait = .milliseconds(wait)
        guard let connections = Int(environment["EPTRACK_DB_CONNECTIONS"] ?? "20"), (1...500).contains(connections) else {
            throw Invalid(description: "EPTRACK_DB_CONNECTIONS must be a whole number of connections from 1 to 500")
        }
        databaseConnections = connections
        switch (environment["TLS_CERT_FILE"], environment["TLS_KEY_FILE"]) {
        case let (certificate?, key?): tls = (certificate, key)
        case (nil, nil): tls = nil
        default: throw Invalid(description: "TLS needs both TLS_CERT_FILE and TLS_KEY_FILE")
        }
        let oidcKeys = ["EPTRACK_OIDC_ISSUER", "EPTRACK_OIDC_AUDIENCE", "EPTRACK_OIDC_JWKS_FILE"]
        let given = oidcKeys.filter { environment[$0] != nil }
        if given.count == oidcKeys.count {
            guard let lifetime = Int(environment["EPTRACK_OIDC_MAX_TOKEN_LIFETIME"] ?? String(Int(OIDCVerifier.Settings.defaultMaxLifetime))),
                  (60...7 * 86_400).contains(lifetime) else {
                throw Invalid(description: "EPTRACK_OIDC_MAX_TOKEN_LIFETIME must be a whole number of seconds from 60 to 604800")
            }
            oidc = OIDCVerifier.Settings(
                issuer: environment["EPTRACK_OIDC_ISSUER"]!, audience: environment["EPTRACK_OIDC_AUDIENCE"]!,
                tenant: environment["EPTRACK_OIDC_TENANT"], jwksFile: environment["EPTRACK_OIDC_JWKS_FILE"]!,
                maxLifetime: TimeInterval(lifetime)
            )
        } else if !given.isEmpty || environment["EPTRACK_OIDC_TENANT"] != nil {
            throw Invalid(description: "OIDC needs all of \(oidcKeys.joined(separator: ", ")); missing \(oidcKeys.filter { environment[$0] == nil }.joined(separator: ", "))")
        }
    }
}
