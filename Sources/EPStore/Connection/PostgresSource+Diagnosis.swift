import Logging
import NIOPosix
import NIOSSL
import PostgresNIO

extension PostgresSource {
    /// Why a connection cannot be opened now, in the database's or the network's words
    /// ("password authentication failed for user …", "Connection refused"), or nil if one can.
    /// The pool retries its connections quietly and a unit of work only learns that none came
    /// in time, which tells an operator starting a server nothing: start-up asks this once when
    /// it gives up waiting.
    public func connectionProblem() async -> String? {
        do {
            let connection = try await connectAlone()
            try? await connection.close()
            return nil
        } catch {
            return Self.words(of: error)
        }
    }

    /// One connection of its own, outside the pool, to the pool's database and schema, named
    /// `applicationName` in `pg_stat_activity` when given.
    func connectAlone(applicationName: String? = nil) async throws -> PostgresConnection {
        var configuration: PostgresConnection.Configuration
        switch settings.endpoint {
        case .tcp(let host, let port):
            let tls: PostgresConnection.Configuration.TLS = switch try Self.tls(settings) {
            case .disable: .disable
            case .prefer(let choice): .prefer(try NIOSSLContext(configuration: choice))
            case .require(let choice): .require(try NIOSSLContext(configuration: choice))
            }
            configuration = PostgresConnection.Configuration(
                host: host, port: port, username: settings.username, password: settings.password, database: settings.database, tls: tls
            )
        case .unixSocket(let directory, let port):
            configuration = PostgresConnection.Configuration(
                unixSocketPath: DatabaseURL.Endpoint.socketFile(in: directory, port: port), username: settings.username,
                password: settings.password, database: settings.database
            )
        }
        configuration.options.connectTimeout = .seconds(5)
        if let searchPath = settings.searchPath {
            configuration.options.additionalStartupParameters.append(("search_path", searchPath))
        }
        if let applicationName {
            configuration.options.additionalStartupParameters.append(("application_name", applicationName))
        }
        return try await PostgresConnection.connect(
            on: MultiThreadedEventLoopGroup.singleton.any(), configuration: configuration, id: 0, logger: logger
        ).get()
    }

    /// The part of a connection error an operator can act on, never the password.
    static func words(of error: any Error) -> String {
        guard let error = error as? PSQLError else { return String(describing: error) }
        if let message = error.serverInfo?[.message] { return message }
        if let underlying = error.underlying { return String(describing: underlying) }
        return String(describing: error.code)
    }
}
