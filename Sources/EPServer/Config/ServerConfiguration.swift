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
    /// The pages: how people sign in and how long they stay signed in.
    public var pages: PageSettings

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
        let issuer = environment["EPTRACK_OIDC_ISSUER"]
        let tenant = environment["EPTRACK_OIDC_TENANT"]
        guard let lifetime = Int(environment["EPTRACK_OIDC_MAX_TOKEN_LIFETIME"] ?? String(Int(OIDCVerifier.Settings.defaultMaxLifetime))),
              (60...7 * 86_400).contains(lifetime) else {
            throw Invalid(description: "EPTRACK_OIDC_MAX_TOKEN_LIFETIME must be a whole number of seconds from 60 to 604800")
        }
        let apiKeys = ["EPTRACK_OIDC_ISSUER", "EPTRACK_OIDC_AUDIENCE"]
        if let issuer, let audience = environment["EPTRACK_OIDC_AUDIENCE"] {
            oidc = OIDCVerifier.Settings(
                issuer: issuer, audience: audience, tenant: tenant, jwksFile: environment["EPTRACK_OIDC_JWKS_FILE"], maxLifetime: TimeInterval(lifetime)
            )
        } else if environment["EPTRACK_OIDC_AUDIENCE"] != nil || environment["EPTRACK_OIDC_JWKS_FILE"] != nil {
            throw Invalid(description: "OIDC bearer tokens need \(apiKeys.joined(separator: " and ")); missing \(apiKeys.filter { environment[$0] == nil }.joined(separator: ", "))")
        }
        pages = try PageSettings(environment: environment, host: host, port: port, issuer: issuer, tenant: tenant, maxTokenLifetime: TimeInterval(lifetime), tls: tls != nil)
        if (issuer != nil || tenant != nil), oidc == nil, pages.oidc == nil {
            throw Invalid(description: "OIDC needs \(apiKeys.joined(separator: " and ")) for the API, or EPTRACK_OIDC_ISSUER and EPTRACK_WEB_OIDC_CLIENT_ID for the pages")
        }
    }
}

/// How people sign in to the pages and how long a session lasts (README "Configuration").
public struct PageSettings: Sendable {
    /// Signing in with the organisation's account: OpenID Connect, authorization code with PKCE.
    public struct OIDC: Sendable, Equatable {
        public var issuer: String
        public var clientID: String
        /// For a confidential client (Entra ID web app); PKCE is used either way.
        public var clientSecret: String?
        public var tenant: String?
        public var maxTokenLifetime: TimeInterval
    }

    /// Where people reach this server (`https://eptrack.example.gov.uk`): the provider sends them
    /// back to it, and sign-in links point at it.
    public var publicURL: String
    public var oidc: OIDC?
    /// A session unused this long is ended.
    public var idleTimeout: TimeInterval
    /// A session ends this long after sign-in, however busy.
    public var lifetime: TimeInterval
    /// One-time sign-in links (`eptrack signin-link`, `eptrack demo`): on without OIDC; with it,
    /// only when EPTRACK_WEB_SIGN_IN_LINKS is `allow`.
    public var signInLinks: Bool
    /// Cookies carry `Secure` when people reach the server over HTTPS.
    public var secureCookies: Bool

    init(
        environment: [String: String], host: String, port: Int, issuer: String?, tenant: String?, maxTokenLifetime: TimeInterval, tls: Bool
    ) throws(ServerConfiguration.Invalid) {
        publicURL = environment["EPTRACK_PUBLIC_URL"] ?? "\(tls ? "https" : "http")://\(host):\(port)"
        while publicURL.hasSuffix("/") { publicURL.removeLast() }
        guard let url = URL(string: publicURL), ["http", "https"].contains(url.scheme ?? ""), url.host != nil, url.query == nil else {
            throw .init(description: "EPTRACK_PUBLIC_URL must be an http or https address such as https://eptrack.example.gov.uk")
        }
        secureCookies = url.scheme == "https"
        if let clientID = environment["EPTRACK_WEB_OIDC_CLIENT_ID"] {
            guard let issuer else { throw .init(description: "EPTRACK_WEB_OIDC_CLIENT_ID needs EPTRACK_OIDC_ISSUER") }
            oidc = OIDC(
                issuer: issuer, clientID: clientID, clientSecret: environment["EPTRACK_WEB_OIDC_CLIENT_SECRET"], tenant: tenant,
                maxTokenLifetime: maxTokenLifetime
            )
        } else if environment["EPTRACK_WEB_OIDC_CLIENT_SECRET"] != nil {
            throw .init(description: "EPTRACK_WEB_OIDC_CLIENT_SECRET needs EPTRACK_WEB_OIDC_CLIENT_ID")
        }
        guard let idle = Int(environment["EPTRACK_WEB_SESSION_IDLE_MINUTES"] ?? "30"), (5...720).contains(idle) else {
            throw .init(description: "EPTRACK_WEB_SESSION_IDLE_MINUTES must be a whole number of minutes from 5 to 720")
        }
        guard let hours = Int(environment["EPTRACK_WEB_SESSION_HOURS"] ?? "10"), (1...24).contains(hours) else {
            throw .init(description: "EPTRACK_WEB_SESSION_HOURS must be a whole number of hours from 1 to 24")
        }
        idleTimeout = TimeInterval(idle * 60)
        lifetime = TimeInterval(hours * 3600)
        switch environment["EPTRACK_WEB_SIGN_IN_LINKS"] {
        case nil: signInLinks = environment["EPTRACK_WEB_OIDC_CLIENT_ID"] == nil
        case "allow": signInLinks = true
        case "deny": signInLinks = false
        default: throw .init(description: "EPTRACK_WEB_SIGN_IN_LINKS must be allow or deny")
        }
    }
}
