import EPStore
import Testing

/// DATABASE_URL as operators write it: libpq's spelling, including the Unix socket form.
@Suite struct DatabaseURLTests {
    private func settings(_ text: String) throws -> DatabaseURL.PostgresSettings {
        guard case .postgres(let settings) = try DatabaseURL(text) else { throw TestSetupError("\(text) is not read as PostgreSQL") }
        return settings
    }

    private func refusal(_ text: String) -> String {
        do {
            _ = try DatabaseURL(text)
            return "accepted"
        } catch {
            return error.description
        }
    }

    @Test func aHostAndPortAreATCPAddress() throws {
        let settings = try settings("postgres://eptrack:secret@db.northshire.internal:6432/eptrack?sslmode=verify-full&sslrootcert=/etc/ssl/ca.pem")
        #expect(settings.endpoint == .tcp(host: "db.northshire.internal", port: 6432))
        #expect(settings.sslMode == .verifyFull)
        #expect(settings.rootCertificate == "/etc/ssl/ca.pem")
        #expect(try self.settings("postgresql://eptrack@db/eptrack").endpoint == .tcp(host: "db", port: 5432), "the default port")
    }

    @Test func aSocketFolderInHostIsAUnixSocket() throws {
        let settings = try settings("postgres://eptrack@/eptrack?host=/var/run/postgresql")
        #expect(settings.endpoint == .unixSocket(directory: "/var/run/postgresql", port: 5432))
        #expect(settings.username == "eptrack")
        #expect(settings.password == nil)
        #expect(DatabaseURL.Endpoint.socketFile(in: "/var/run/postgresql", port: 5432) == "/var/run/postgresql/.s.PGSQL.5432")
        let other = try self.settings("postgres://eptrack:secret@/eptrack?host=/tmp/pg/&port=5433&sslmode=disable")
        #expect(other.endpoint == .unixSocket(directory: "/tmp/pg/", port: 5433))
        #expect(DatabaseURL.Endpoint.socketFile(in: "/tmp/pg/", port: 5433) == "/tmp/pg/.s.PGSQL.5433")
    }

    @Test func aSocketCannotPromiseTLS() {
        for mode in ["require", "verify-full"] {
            let message = refusal("postgres://eptrack@/eptrack?host=/var/run/postgresql&sslmode=\(mode)")
            #expect(message.contains("sslmode=\(mode) cannot be met over a Unix socket"), "\(message)")
        }
    }

    @Test func unclearAddressesAreRefusedWithTheirReason() {
        #expect(refusal("postgres://eptrack@db/eptrack?host=/var/run/postgresql").contains("both a host and a socket folder"))
        #expect(refusal("postgres://eptrack@/eptrack").contains("has no host"))
        #expect(refusal("postgres://eptrack@db/eptrack?port=54x2").contains("port must be a number from 1 to 65535"))
        #expect(refusal("postgres://eptrack@db/eptrack?port=70000").contains("port must be a number from 1 to 65535"))
        #expect(refusal("postgres://eptrack@db/").contains("has no database name"))
        #expect(refusal("mysql://eptrack@db/eptrack").contains("must start with postgres:// or sqlite://"))
    }

    @Test func logsNeverShowThePassword() throws {
        let tcp = try DatabaseURL("postgres://eptrack:hunter2-secret@db:5432/eptrack?sslmode=require")
        let socket = try DatabaseURL("postgres://eptrack:hunter2-secret@/eptrack?host=/var/run/postgresql")
        #expect(tcp.description == "postgres://eptrack@db:5432/eptrack (sslmode require)")
        #expect(socket.description == "postgres://eptrack@/eptrack?host=/var/run/postgresql&port=5432 (Unix socket)")
    }

    /// Anything beyond one machine must verify the server; the server warns at start otherwise.
    @Test(arguments: [
        ("postgres://eptrack:pw@db.internal:5432/eptrack", true),
        ("postgres://eptrack:pw@10.2.0.7:5432/eptrack?sslmode=require", true),
        ("postgres://eptrack:pw@db.internal:5432/eptrack?sslmode=disable", true),
        ("postgres://eptrack:pw@db.internal:5432/eptrack?sslmode=verify-full&sslrootcert=/etc/ssl/db-ca.pem", false),
        ("postgres://eptrack:pw@127.0.0.1:5432/eptrack", false),
        ("postgres://eptrack:pw@localhost:5432/eptrack?sslmode=disable", false),
        ("postgres://eptrack:pw@[::1]:5432/eptrack", false),
        ("postgres://eptrack@/eptrack?host=/var/run/postgresql", false),
        ("sqlite://eptrack.sqlite", false),
    ])
    func aRemoteDatabaseNotVerifiedIsWarnedAbout(url: String, warned: Bool) throws {
        let warning = try DatabaseURL(url).interceptionWarning
        #expect((warning != nil) == warned, "\(url)")
        #expect(warning.map { !$0.contains("pw@") } ?? true, "the warning never shows the password")
    }
}
