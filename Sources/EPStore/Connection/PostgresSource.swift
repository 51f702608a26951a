import Foundation
import Logging
import NIOSSL
import PostgresKit
import PostgresNIO
import SQLKit

/// The production database: PostgresNIO's connection pool. `run()` must be running (the backend
/// runs it; tests of the source alone start it in a task).
public final class PostgresSource: SQLConnectionSource {
    public let dialect = "postgres"
    public let client: PostgresClient
    /// Where and how the pool connects, for a one-off connection that says why it cannot.
    let settings: DatabaseURL.PostgresSettings
    let logger: Logger
    private let leaseTimeout: Duration
    private let counter: PoolUsageCounter
    private let supervisor = Supervisor()

    /// - Parameters:
    ///   - statementTimeout: the longest any one statement may run before PostgreSQL cancels
    ///     it, so a stuck query fails a request instead of holding a connection for ever.
    ///   - leaseTimeout: the longest a unit of work waits for a connection. PostgresNIO's pool
    ///     waits for ever (while the database is down it keeps trying to connect); a request
    ///     should rather answer 503 quickly and let the client retry.
    public init(
        _ settings: DatabaseURL.PostgresSettings, maximumConnections: Int = 20,
        statementTimeout: Duration = .seconds(10), leaseTimeout: Duration = .seconds(1), logger: Logger
    ) throws {
        self.leaseTimeout = leaseTimeout
        self.settings = settings
        self.logger = logger
        counter = PoolUsageCounter(capacity: maximumConnections)
        var configuration: PostgresClient.Configuration
        switch settings.endpoint {
        case .tcp(let host, let port):
            configuration = PostgresClient.Configuration(
                host: host, port: port, username: settings.username,
                password: settings.password, database: settings.database, tls: try Self.tls(settings).forPool
            )
        case .unixSocket(let directory, let port):
            // DatabaseURL allows only sslmode disable or prefer here: a socket carries no TLS.
            configuration = PostgresClient.Configuration(
                unixSocketPath: DatabaseURL.Endpoint.socketFile(in: directory, port: port), username: settings.username,
                password: settings.password, database: settings.database
            )
        }
        configuration.options.maximumConnections = maximumConnections
        // No keep-alive pings. PostgresNIO 1.33 starts a timer for them (three tasks and a clock
        // sleep) each time it takes a connection back, twice a request under load, and a
        // connection idle for a minute is closed anyway (the pool's minimum is 0; a minimum
        // above 0 crashes the pool when the database goes away: `precondition(minimum <= active)`
        // in `createNewDemandConnectionIfPossible`, found by the crash drill).
        configuration.options.keepAliveBehavior = nil
        configuration.options.connectTimeout = .seconds(5)
        let milliseconds = statementTimeout.components.seconds * 1000 + statementTimeout.components.attoseconds / 1_000_000_000_000_000
        configuration.options.additionalStartupParameters = [("statement_timeout", "\(milliseconds)")]
        if let searchPath = settings.searchPath {
            configuration.options.additionalStartupParameters.append(("search_path", searchPath))
        }
        client = PostgresClient(configuration: configuration, eventLoopGroup: SpreadEventLoops(), backgroundLogger: logger)
    }

    public var usage: PoolUsage { counter.snapshot }

    /// Waits at most `leaseTimeout` for a connection, and answers even when the connection dies
    /// under the work (see `Supervisor`). Once `body` has its connection it runs to its end:
    /// giving up on the wait is decided before the first statement, never in a transaction.
    public func withConnection<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T {
        let unit = SupervisedUnit<T>(deadline: .now + leaseTimeout, counter: counter)
        counter.startedWaiting()
        let result = await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Result<T, any Error>, Never>) in
                unit.start(continuation) {
                    Task { [client] in
                        do {
                            let value = try await client.withConnection { connection in
                                guard unit.claim(connection) else { throw DatabaseUnavailable("no database connection was free in time") }
                                defer { unit.release() }
                                return try await body(PostgresSQLDatabase(connection: connection, counter: counter))
                            }
                            unit.answer(.success(value))
                        } catch {
                            unit.answer(.failure(error))
                        }
                    }
                }
                supervisor.supervise(unit)
            }
        } onCancel: {
            unit.cancel()
        }
        switch result {
        case .success(let value):
            return value
        case .failure(let error as PSQLError):
            if let reason = Self.unavailability(error) { throw DatabaseUnavailable(reason) }
            throw error
        case .failure(let error):
            throw error
        }
    }

    /// Errors that mean the database went away or is overloaded, not that a statement was
    /// wrong: the work did not happen and may be retried.
    private static func unavailability(_ error: PSQLError) -> String? {
        switch error.code {
        case .connectionError, .serverClosedConnection, .clientClosedConnection, .uncleanShutdown, .poolClosed:
            return "the connection to the database was lost"
        case .server:
            switch error.serverInfo?[.sqlState] {
            case "57014": return "the database did not finish a statement within the statement timeout"
            case "57P01", "57P02", "57P03": return "the database is shutting down or starting up"
            default: return nil
            }
        default:
            return nil
        }
    }

    /// The pool's connections are opened, kept alive and closed here until cancellation.
    public func run() async {
        await client.run()
    }

    public func shutdown() async throws {
        supervisor.stop()
    }

    /// The TLS `sslmode` asks for, in a form both the pool and a single connection take.
    enum TLSChoice {
        case disable, prefer(TLSConfiguration), require(TLSConfiguration)

        var forPool: PostgresClient.Configuration.TLS {
            switch self {
            case .disable: .disable
            case .prefer(let configuration): .prefer(configuration)
            case .require(let configuration): .require(configuration)
            }
        }
    }

    static func tls(_ settings: DatabaseURL.PostgresSettings) throws -> TLSChoice {
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
