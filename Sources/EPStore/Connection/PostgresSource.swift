import Logging
import NIOSSL
import PostgresKit
import PostgresNIO
import SQLKit

/// The production database: PostgresNIO's connection pool. `run()` must be running (the server
/// adds the client to its services; tools and tests start it in a task).
public final class PostgresSource: SQLConnectionSource {
    public let dialect = "postgres"
    public let client: PostgresClient

    /// - Parameter statementTimeout: the longest any one statement may run before PostgreSQL
    ///   cancels it, so a stuck query fails a request instead of holding a connection for ever.
    public init(
        _ settings: DatabaseURL.PostgresSettings, maximumConnections: Int = 20, statementTimeout: Duration = .seconds(10), logger: Logger
    ) throws {
        var configuration = PostgresClient.Configuration(
            host: settings.host, port: settings.port, username: settings.username,
            password: settings.password, database: settings.database, tls: try Self.tls(settings)
        )
        configuration.options.maximumConnections = maximumConnections
        configuration.options.connectTimeout = .seconds(5)
        let milliseconds = statementTimeout.components.seconds * 1000 + statementTimeout.components.attoseconds / 1_000_000_000_000_000
        configuration.options.additionalStartupParameters = [("statement_timeout", "\(milliseconds)")]
        if let searchPath = settings.searchPath {
            configuration.options.additionalStartupParameters.append(("search_path", searchPath))
        }
        client = PostgresClient(configuration: configuration, backgroundLogger: logger)
    }

    public func withConnection<T: Sendable>(_ body: @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        try await client.withConnection { connection in
            try await body(connection.sql())
        }
    }

    public func shutdown() async throws {}

    private static func tls(_ settings: DatabaseURL.PostgresSettings) throws -> PostgresClient.Configuration.TLS {
        var tls = TLSConfiguration.makeClientConfiguration()
        if let root = settings.rootCertificate {
            tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(root))
        }
        switch settings.sslMode {
        case .disable:
            return .disable
        case .prefer:
            tls.certificateVerification = .none
            return .prefer(tls)
        case .require:
            tls.certificateVerification = .none
            return .require(tls)
        case .verifyFull:
            tls.certificateVerification = .fullVerification
            return .require(tls)
        }
    }
}
