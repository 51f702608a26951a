import Foundation

/// Where the data lives: `postgres://user:password@host:port/database?sslmode=…` for production,
/// `sqlite://path/to/file.sqlite` for a laptop, a demo or a small agency.
public enum DatabaseURL: Sendable, Equatable, CustomStringConvertible {
    case postgres(PostgresSettings)
    case sqlite(path: String)

    public struct PostgresSettings: Sendable, Equatable {
        public var host: String
        public var port: Int
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
        guard let host = components.host, !host.isEmpty else {
            throw Invalid(description: "DATABASE_URL has no host")
        }
        let database = String(components.path.drop { $0 == "/" })
        guard !database.isEmpty else { throw Invalid(description: "DATABASE_URL has no database name") }
        let query = Dictionary((components.queryItems ?? []).map { ($0.name, $0.value ?? "") }) { _, last in last }
        let mode = query["sslmode"] ?? "prefer"
        guard let sslMode = SSLMode(rawValue: mode) else {
            throw Invalid(description: "DATABASE_URL sslmode must be one of \(SSLMode.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        self = .postgres(PostgresSettings(
            host: host, port: components.port ?? 5432, username: components.user ?? "postgres",
            password: components.password, database: database, sslMode: sslMode, rootCertificate: query["sslrootcert"],
            searchPath: query["search_path"]
        ))
    }

    /// For logs: never shows the password.
    public var description: String {
        switch self {
        case .postgres(let settings):
            "postgres://\(settings.username)@\(settings.host):\(settings.port)/\(settings.database) (sslmode \(settings.sslMode.rawValue))"
        case .sqlite(let path):
            "sqlite://\(path)"
        }
    }
}
