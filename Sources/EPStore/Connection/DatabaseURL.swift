import Foundation

/// Where the data lives: `postgres://user:password@host:port/database?sslmode=…` for production,
/// `sqlite://path/to/file.sqlite` for a laptop, a demo or a small agency. A PostgreSQL on the
/// same host may be reached through its Unix socket, as libpq spells it:
/// `postgres://user@/database?host=/var/run/postgresql` (the socket's folder; `port=` picks
/// the `.s.PGSQL.<port>` file in it, default 5432).
public enum DatabaseURL: Sendable, Equatable, CustomStringConvertible {
    case postgres(PostgresSettings)
    case sqlite(path: String)

    public struct PostgresSettings: Sendable, Equatable {
        public var endpoint: Endpoint
        public var username: String
        public var password: String?
        public var database: String
        public var sslMode: SSLMode
        /// A PEM file of the CA that signed the server's certificate (`sslrootcert=`).
        public var rootCertificate: String?
        /// The schema eptrack's tables live in (`search_path=`; default `public`). Lets several
        /// deployments, or the tests, share one database.
        public var searchPath: String?
    }

    /// A TCP address, or the Unix socket of a PostgreSQL on the same host: no network stack
    /// between the two, so each statement costs both sides less (Benchmarks/README.md).
    public enum Endpoint: Sendable, Equatable {
        case tcp(host: String, port: Int)
        case unixSocket(directory: String, port: Int)

        /// The socket file PostgreSQL creates in each of its `unix_socket_directories`.
        public static func socketFile(in directory: String, port: Int) -> String {
            (directory.hasSuffix("/") ? directory : directory + "/") + ".s.PGSQL.\(port)"
        }
    }

    public enum SSLMode: String, Sendable, Equatable, CaseIterable {
        case disable, prefer, require
        case verifyFull = "verify-full"
    }

    public struct Invalid: Error, CustomStringConvertible {
        public let description: String
    }

    public init(_ text: String) throws(Invalid) {
        if text.hasPrefix("sqlite://") {
            let path = String(text.dropFirst("sqlite://".count))
            guard !path.isEmpty else { throw Invalid(description: "DATABASE_URL sqlite:// needs a file path, e.g. sqlite://eptrack.sqlite") }
            self = .sqlite(path: path)
            return
        }
        guard let components = URLComponents(string: text),
              components.scheme == "postgres" || components.scheme == "postgresql" else {
            throw Invalid(description: "DATABASE_URL must start with postgres:// or sqlite:// (got '\(text.prefix(12))…')")
        }
        let database = String(components.path.drop { $0 == "/" })
        guard !database.isEmpty else { throw Invalid(description: "DATABASE_URL has no database name") }
        let query = Dictionary((components.queryItems ?? []).map { ($0.name, $0.value ?? "") }) { _, last in last }
        let mode = query["sslmode"] ?? "prefer"
        guard let sslMode = SSLMode(rawValue: mode) else {
            throw Invalid(description: "DATABASE_URL sslmode must be one of \(SSLMode.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self = .postgres(PostgresSettings(
            endpoint: try Self.endpoint(components, query, sslMode: sslMode), username: components.user ?? "postgres",
            password: components.password, database: database, sslMode: sslMode, rootCertificate: query["sslrootcert"],
            searchPath: query["search_path"]
        ))
    }

    /// `host=` in the query names a socket folder when it starts with `/` (libpq's rule) and
    /// takes the place of a host in the address; otherwise the address names the host.
    private static func endpoint(_ components: URLComponents, _ query: [String: String], sslMode: SSLMode) throws(Invalid) -> Endpoint {
        var port = components.port ?? 5432
        if let text = query["port"] {
            guard let number = Int(text), (1...65535).contains(number) else {
                throw Invalid(description: "DATABASE_URL port must be a number from 1 to 65535 (got '\(text.prefix(8))')")
            }
            port = number
        }
        if let directory = query["host"], directory.hasPrefix("/") {
            guard components.host?.isEmpty ?? true else {
                throw Invalid(description: "DATABASE_URL names both a host and a socket folder (host=); leave the host out: postgres://user@/database?host=\(directory)")
            }
            guard sslMode == .disable || sslMode == .prefer else {
                throw Invalid(description: "DATABASE_URL sslmode=\(sslMode.rawValue) cannot be met over a Unix socket, which carries no TLS; use sslmode=disable, or a TCP host")
            }
            return .unixSocket(directory: directory, port: port)
        }
        guard let host = components.host, !host.isEmpty else {
            throw Invalid(description: "DATABASE_URL has no host (or socket folder: ?host=/var/run/postgresql)")
        }
        return .tcp(host: host, port: port)
    }

    /// Why this connection could be intercepted, when it could: a PostgreSQL on another host
    /// reached with any `sslmode` but `verify-full` (`prefer`, the default, encrypts if it can
    /// but checks neither the certificate nor the name, so anyone on the path can pose as the
    /// server and read every note). Nil for SQLite, a Unix socket and loopback.
    public var interceptionWarning: String? {
        guard case .postgres(let settings) = self, case .tcp(let host, _) = settings.endpoint,
              settings.sslMode != .verifyFull, !Self.isLoopback(host) else { return nil }
        return "DATABASE_URL reaches \(host) with sslmode=\(settings.sslMode.rawValue), which does not verify the server: use sslmode=verify-full (with sslrootcert) for a database on another host"
    }

    static func isLoopback(_ host: String) -> Bool {
        let bare = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]")).lowercased()
        return bare == "localhost" || bare == "::1" || bare.hasPrefix("127.")
    }

    /// For logs: never shows the password.
    public var description: String {
        switch self {
        case .postgres(let settings):
            switch settings.endpoint {
            case .tcp(let host, let port):
                "postgres://\(settings.username)@\(host):\(port)/\(settings.database) (sslmode \(settings.sslMode.rawValue))"
            case .unixSocket(let directory, let port):
                "postgres://\(settings.username)@/\(settings.database)?host=\(directory)&port=\(port) (Unix socket)"
            }
        case .sqlite(let path):
            "sqlite://\(path)"
        }
    }
}
