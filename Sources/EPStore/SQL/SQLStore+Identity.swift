import EPDomain
import Foundation
import SQLKit

extension SQLStore {
    public func createAgency(_ agency: Agency, at: Date, audit: AuditEvent?) async throws {
        let plan = audited("""
            INSERT INTO agencies (id, name, type, created_at) VALUES (\(bind: agency.id), \(bind: agency.name), \(bind: agency.type.rawValue), \(bind: at))
            RETURNING id
            """, audit)
        do {
            _ = try await performChangingIdentity(plan)
        } catch where ConstraintViolation.uniqueTable(of: error) == "agencies" {
            throw StoreError.alreadyExists("agency \(agency.id)")
        }
    }

    public func agency(id: String) async throws -> Agency? {
        try await source.withConnection { database in
            try await database.raw("SELECT id, name, type FROM agencies WHERE id = \(bind: id)").first().map(Self.agency)
        }
    }

    public func agencies() async throws -> [Agency] {
        try await source.withConnection { database in
            try await database.raw("SELECT id, name, type FROM agencies ORDER BY id").all().map(Self.agency)
        }
    }

    private static func agency(_ row: any SQLRow) throws -> Agency {
        let typeName = try row.decode(column: "type", as: String.self)
        guard let type = AgencyType(rawValue: typeName) else { throw StoredDataError("agency with unknown type \(typeName)") }
        return Agency(id: try row.decode(column: "id", as: String.self), name: try row.decode(column: "name", as: String.self), type: type)
    }

    public func proposePartnership(agency: String, localAuthority: String, at: Date, audit: AuditEvent?) async throws {
        try await openPartnership(agency: agency, localAuthority: localAuthority, proposedBy: agency, at: at, started: false, audit: audit)
    }

    public func startPartnership(agency: String, localAuthority: String, at: Date, audit: AuditEvent?) async throws {
        let accepting = audited("""
            UPDATE partnerships SET started_at = \(bind: at)
            WHERE agency_id = \(bind: agency) AND local_authority = \(bind: localAuthority) AND ended_at IS NULL AND started_at IS NULL
            RETURNING agency_id AS id
            """, audit)
        guard try await !performChangingIdentity(accepting) else { return }
        try await openPartnership(agency: agency, localAuthority: localAuthority, proposedBy: localAuthority, at: at, started: true, audit: audit)
    }

    /// A new span, with its audit event; the unique index on open spans turns a second one into
    /// `alreadyExists`.
    private func openPartnership(agency: String, localAuthority: String, proposedBy: String, at: Date, started: Bool, audit: AuditEvent?) async throws {
        let plan = audited("""
            INSERT INTO partnerships (agency_id, local_authority, proposed_by, proposed_at, started_at)
            VALUES (\(bind: agency), \(bind: localAuthority), \(bind: proposedBy), \(bind: at), \(bind: started ? at : nil))
            RETURNING agency_id AS id
            """, audit)
        do {
            _ = try await performChangingIdentity(plan)
        } catch where ConstraintViolation.uniqueTable(of: error) == "partnerships" {
            throw StoreError.alreadyExists("an open partnership between \(agency) and \(localAuthority)")
        }
    }

    public func partnerships(involving agency: String) async throws -> [Partnership] {
        try await source.withConnection { database in
            try await database.raw("""
                SELECT agency_id, local_authority, proposed_by, proposed_at, started_at, ended_at FROM partnerships
                WHERE agency_id = \(bind: agency) OR local_authority = \(bind: agency)
                ORDER BY agency_id, local_authority, proposed_at
                """).all().map { row in
                Partnership(
                    agency: try row.decode(column: "agency_id", as: String.self),
                    localAuthority: try row.decode(column: "local_authority", as: String.self),
                    proposedBy: try row.decode(column: "proposed_by", as: String.self),
                    proposedAt: try row.decode(column: "proposed_at", as: Date.self),
                    startedAt: try row.decode(column: "started_at", as: Date?.self),
                    endedAt: try row.decode(column: "ended_at", as: Date?.self)
                )
            }
        }
    }

    public func endPartnership(agency: String, localAuthority: String, at: Date, audit: AuditEvent?) async throws -> Bool {
        let plan = audited("""
            UPDATE partnerships SET ended_at = \(bind: at)
            WHERE agency_id = \(bind: agency) AND local_authority = \(bind: localAuthority) AND ended_at IS NULL
            RETURNING agency_id AS id
            """, audit)
        return try await performChangingIdentity(plan)
    }

    public func access(agency: String) async throws -> AgencyAccess? {
        try await identity.access(agency: agency) { try await storedAccess(agency: agency) }
    }

    private func storedAccess(agency: String) async throws -> AgencyAccess? {
        let rows = try await source.withConnection { database in
            try await database.raw("""
                SELECT a.type, p.local_authority AS partner FROM agencies a
                LEFT JOIN partnerships p ON p.agency_id = a.id AND p.started_at IS NOT NULL AND p.ended_at IS NULL
                WHERE a.id = \(bind: agency)
                """).all()
        }
        guard let first = rows.first else { return nil }
        let typeName = try first.decode(column: "type", as: String.self)
        guard let type = AgencyType(rawValue: typeName) else { throw StoredDataError("agency with unknown type \(typeName)") }
        return AgencyAccess(type: type, partners: Set(try rows.compactMap { try $0.decode(column: "partner", as: String?.self) }))
    }

    public func createToken(_ token: TokenRecord, hash: String, audit: AuditEvent?, idempotency: IdempotencyRecord?) async throws {
        var plan = audited("""
            INSERT INTO api_tokens (id, token_hash, agency_id, role, label, created_at, expires_at)
            VALUES (\(bind: token.id), \(bind: hash), \(bind: token.agency), \(bind: token.role.rawValue), \(bind: token.label),
                    \(bind: token.createdAt), \(bind: token.expiresAt))
            RETURNING id
            """, audit)
        storeIdempotency(idempotency, at: token.createdAt, in: &plan)
        _ = try await perform(plan)
    }

    public func credential(hash: String) async throws -> Credential? {
        try await identity.credential(hash: hash) { try await storedCredential(hash: hash) }
    }

    private func storedCredential(hash: String) async throws -> Credential? {
        let rows = try await source.withConnection { database in
            try await database.prepared("""
                SELECT \(unsafeRaw: Rows.tokenColumns("t")), a.type AS agency_type, p.local_authority AS partner
                FROM api_tokens t JOIN agencies a ON a.id = t.agency_id
                LEFT JOIN partnerships p ON p.agency_id = t.agency_id AND p.started_at IS NOT NULL AND p.ended_at IS NULL
                WHERE t.token_hash = \(bind: hash)
                """).all()
        }
        guard let first = rows.first else { return nil }
        let typeName = try first.decode(column: "agency_type", as: String.self)
        guard let type = AgencyType(rawValue: typeName) else { throw StoredDataError("agency with unknown type \(typeName)") }
        return Credential(
            token: try Rows.token(first), agencyType: type,
            partnerLocalAuthorities: Set(try rows.compactMap { try $0.decode(column: "partner", as: String?.self) })
        )
    }

    public func tokens(agency: String?) async throws -> [TokenRecord] {
        let filter: SQLQueryString = agency.map { "WHERE agency_id = \(bind: $0)" } ?? ""
        return try await source.withConnection { database in
            try await database.raw("SELECT * FROM api_tokens \(filter) ORDER BY created_at, id").all().map(Rows.token)
        }
    }

    public func recordTokenUse(id: UUID, at: Date) async throws {
        identity.noteUse(of: id, at: at)
        try await source.withConnection { database in
            try await database.raw("UPDATE api_tokens SET last_used_at = \(bind: at) WHERE id = \(bind: id)").run()
        }
    }

    public func revokeToken(id: UUID, agency: String?, at: Date, audit: AuditEvent?) async throws -> Bool {
        let ofAgency: SQLQueryString = agency.map { " AND agency_id = \(bind: $0)" } ?? ""
        let plan = audited("""
            UPDATE api_tokens SET revoked_at = \(bind: at) WHERE id = \(bind: id) AND revoked_at IS NULL\(ofAgency) RETURNING id
            """, audit)
        return try await performChangingIdentity(plan)
    }

    /// Carries out `plan`, a change to who may see what, and then forgets what the identity
    /// cache held, so this server's next request sees the change. (Other processes hear of it
    /// from the database: migration 0010.)
    private func performChangingIdentity(_ plan: WritePlan) async throws -> Bool {
        defer { identity.empty() }
        return try await perform(plan)
    }

    /// A write whose anchor is `anchor`, stored with `audit` (when given) in the same write.
    private func audited(_ anchor: SQLQueryString, _ audit: AuditEvent?) -> WritePlan {
        var plan = WritePlan(anchor: anchor)
        if let audit { plan.insert([TableRow.audit(audit)]) }
        return plan
    }
}
