import EPDomain
import EPServer
import EPStore
import Foundation
import Logging
import PostgresNIO
import SQLKit
import Testing

/// "Append-only" holds against the database role the server runs as, not only against the
/// application's code: migrations run as the tables' owner, the server as a member of
/// `eptrack_app`, which can do everything the API needs and cannot truncate, delete, update or
/// disable the triggers that guard the audit trail and the milestones, nor change the schema.
@Suite struct DatabaseRoleTests {
    @Test(.needsPostgres)
    func theServersRoleCannotRewriteHistory() async throws {
        try await Self.withServerLogin(grantedTheApplicationRole: true) { serverURL, options, logger in
            try await Backend.run(serverURL, options: options, logger: logger) { backend in
                // Everything the API does works with these privileges: a journey, an acknowledgement,
                // a partnership proposed and accepted, a dashboard and the audit trail.
                try await TestWorld.run(on: backend) { world, client in
                    let id = try await client.openCase(in: world)
                    #expect(try await client.record("plo_pre_proceedings", on: "2025-07-01", caseID: id, in: world).status == .created)
                    #expect(try await client.record("birth", on: "2025-07-20", caseID: id, in: world).status == .created)
                    let ack = try await client.send(.post, "/v1/cases/\(id)/alerts/S2-ep-considered-early/acknowledgements", as: .northshireIRO, in: world, json: #"{"note":"Raised at the review"}"#)
                    #expect(ack.status == .created, "\(ack.text)")
                    #expect(try await client.send(.post, "/v1/partnerships", as: .vaaAdmin, in: world, json: #"{"agency":"vaa-hearth","local_authority":"la-northshire"}"#).status == .created)
                    #expect(try await client.send(.post, "/v1/partnerships/vaa-hearth/la-northshire/accept", as: .northshireAdmin, in: world).status == .ok)
                    #expect(try await client.send(.get, "/v1/dashboards/summary?from=2025-07-01&to=2025-09-30", as: .northshireLeader, in: world).status == .ok)
                    #expect(try await client.send(.get, "/v1/audit", as: .northshireAdmin, in: world).status == .ok)
                }
                // And nothing that would rewrite history or the schema.
                // 42501: the role lacks the privilege (or is not the owner); P0001: the trigger refuses
                // what the role may otherwise write (free text becoming anything but the marker).
                for (statement, refusal) in [
                    ("TRUNCATE audit_events", "42501"), ("TRUNCATE milestones", "42501"), ("DELETE FROM audit_events", "42501"),
                    ("DELETE FROM milestones", "42501"), ("UPDATE audit_events SET actor = 'someone else'", "42501"),
                    ("UPDATE milestones SET kind = 'birth'", "42501"), ("UPDATE milestones SET note = 'rewritten'", "P0001"),
                    ("ALTER TABLE audit_events DISABLE TRIGGER ALL", "42501"), ("ALTER TABLE milestones DISABLE TRIGGER milestones_redact_only", "42501"),
                    ("DROP TRIGGER audit_events_no_update_or_delete ON audit_events", "42501"), ("DROP TABLE audit_events", "42501"),
                    ("CREATE TABLE audit_copy (id UUID)", "42501"), ("DELETE FROM agencies", "42501"), ("DELETE FROM cases", "42501"),
                    ("DELETE FROM alert_acknowledgements", "42501"), ("UPDATE alert_acknowledgements SET rule_id = 'S2-26-weeks'", "42501"),
                ] {
                    do {
                        try await backend.source.withConnection { try await $0.raw(SQLQueryString(statement)).run() }
                        Issue.record("the server's role could run: \(statement)")
                    } catch let error as PSQLError {
                        #expect(error.serverInfo?[.sqlState] == refusal, "\(statement): \(String(reflecting: error))")
                    }
                }
                let events = try await backend.source.withConnection { try await $0.raw("SELECT count(*) AS n FROM audit_events").first()?.decode(column: "n", as: Int.self) }
                #expect((events ?? 0) > 0, "the audit trail is still all there")
            }
        }
    }

    /// The deployment step most easily missed: the server's login not made a member of
    /// eptrack_app. Start fails saying so, not that the database was never migrated.
    @Test(.needsPostgres)
    func aLoginNotGrantedTheApplicationRoleIsToldWhatIsMissing() async throws {
        try await Self.withServerLogin(grantedTheApplicationRole: false) { serverURL, options, logger in
            let refused = await #expect(throws: MigrationError.self) {
                try await Backend.run(serverURL, options: options, logger: logger) { _ in }
            }
            #expect(refused?.description.contains("GRANT eptrack_app TO") == true, "\(String(describing: refused))")
        }
    }

    /// A schema of its own and a new login role for the server (a member of eptrack_app, the
    /// role migration 0006 creates once per cluster, if `grantedTheApplicationRole`), as README
    /// "Deploying" says; `body` gets the server's URL and the options that start it with the
    /// owner's URL for the migrations (EPTRACK_MIGRATION_DATABASE_URL), which run through the
    /// owner first while the server's own role only checks them. Both are removed afterwards.
    private static func withServerLogin(
        grantedTheApplicationRole: Bool, _ body: (DatabaseURL, Backend.Options, Logger) async throws -> Void
    ) async throws {
        let base = try #require(ProcessInfo.processInfo.environment["EPTRACK_TEST_POSTGRES_URL"], "run scripts/test.sh")
        let owner = try #require(try TestDatabase.postgresSource())
        let runner = Task { await owner.client.run() }
        defer { runner.cancel() }
        let suffix = UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(12)
        let schema = "t_role_\(suffix)", login = "eptrack_server_\(suffix)", password = "pw-\(suffix)"
        func asOwner(_ sql: String) async throws {
            try await owner.withConnection { try await $0.raw(SQLQueryString(sql)).run() }
        }
        try await asOwner("CREATE SCHEMA \(schema)")
        try await asOwner("CREATE ROLE \(login) LOGIN PASSWORD '\(password)'")
        do {
            if grantedTheApplicationRole {
                try await asOwner("DO $$ BEGIN CREATE ROLE eptrack_app NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$")
                try await asOwner("GRANT eptrack_app TO \(login)")
            }
            let ownerURL = base + "&search_path=\(schema)"
            var logger = Logger(label: "eptrack-test")
            logger.logLevel = .critical
            var options = Backend.Options(schemaFolder: TestDatabase.schemaFolder)
            options.allowUnsafe = true
            options.connectionWait = .seconds(30)
            options.migrationDatabase = try DatabaseURL(ownerURL)
            let serverURL = ownerURL.replacingOccurrences(of: #"//[^@]*@"#, with: "//\(login):\(password)@", options: .regularExpression)
            try await body(try DatabaseURL(serverURL), options, logger)
        } catch {
            Issue.record(error)
        }
        try await asOwner("DROP SCHEMA \(schema) CASCADE")
        try await asOwner("DROP ROLE \(login)")
    }
}
