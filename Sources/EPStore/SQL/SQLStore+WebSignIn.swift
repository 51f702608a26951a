import EPDomain
import Foundation
import SQLKit

extension SQLStore {
    public func createWebSession(_ session: WebSession) async throws {
        try await source.withConnection { database in
            try await database.raw("""
                INSERT INTO web_sessions (id_hash, subject, agency_id, role, csrf_token, created_at, last_seen_at)
                VALUES (\(bind: session.idHash), \(bind: session.subject), \(bind: session.agency), \(bind: session.role.rawValue),
                        \(bind: session.csrfToken), \(bind: session.createdAt), \(bind: session.lastSeenAt))
                """).run()
        }
    }

    public func webSession(idHash: String) async throws -> SignedInSession? {
        let rows = try await source.withConnection { database in
            try await database.raw("""
                SELECT s.*, a.name AS agency_name, a.type AS agency_type, p.local_authority AS partner
                FROM web_sessions s JOIN agencies a ON a.id = s.agency_id
                LEFT JOIN partnerships p ON p.agency_id = s.agency_id AND p.started_at IS NOT NULL AND p.ended_at IS NULL
                WHERE s.id_hash = \(bind: idHash)
                """).all()
        }
        guard let row = rows.first else { return nil }
        let roleName = try row.decode(column: "role", as: String.self)
        let typeName = try row.decode(column: "agency_type", as: String.self)
        guard let role = Role(rawValue: roleName), let type = AgencyType(rawValue: typeName) else {
            throw StoredDataError("web session with unknown role \(roleName) or agency type \(typeName)")
        }
        let session = WebSession(
            idHash: try row.decode(column: "id_hash", as: String.self),
            subject: try row.decode(column: "subject", as: String.self),
            agency: try row.decode(column: "agency_id", as: String.self),
            role: role,
            csrfToken: try row.decode(column: "csrf_token", as: String.self),
            createdAt: try row.decode(column: "created_at", as: Date.self),
            lastSeenAt: try row.decode(column: "last_seen_at", as: Date.self),
            endedAt: try row.decode(column: "ended_at", as: Date?.self)
        )
        return SignedInSession(
            session: session, agencyName: try row.decode(column: "agency_name", as: String.self), agencyType: type,
            partners: Set(try rows.compactMap { try $0.decode(column: "partner", as: String?.self) })
        )
    }

    public func touchWebSession(idHash: String, at: Date) async throws {
        try await source.withConnection { database in
            try await database.raw("UPDATE web_sessions SET last_seen_at = \(bind: at) WHERE id_hash = \(bind: idHash) AND ended_at IS NULL").run()
        }
    }

    public func endWebSession(idHash: String, at: Date) async throws {
        try await source.withConnection { database in
            try await database.raw("UPDATE web_sessions SET ended_at = \(bind: at) WHERE id_hash = \(bind: idHash) AND ended_at IS NULL").run()
        }
    }

    public func saveSignInAttempt(_ attempt: SignInAttempt) async throws {
        try await source.withConnection { database in
            try await database.raw("""
                INSERT INTO web_sign_in_attempts (state_hash, nonce, code_verifier, return_to, created_at)
                VALUES (\(bind: attempt.stateHash), \(bind: attempt.nonce), \(bind: attempt.codeVerifier), \(bind: attempt.returnTo), \(bind: attempt.createdAt))
                """).run()
        }
    }

    public func takeSignInAttempt(stateHash: String, createdAfter: Date) async throws -> SignInAttempt? {
        try await source.withConnection { database in
            // Attempts older than any that could still finish go at the same time.
            try await database.raw("DELETE FROM web_sign_in_attempts WHERE created_at <= \(bind: createdAfter)").run()
            return try await database.raw("""
                DELETE FROM web_sign_in_attempts WHERE state_hash = \(bind: stateHash)
                RETURNING state_hash, nonce, code_verifier, return_to, created_at
                """).first().map { row in
                SignInAttempt(
                    stateHash: try row.decode(column: "state_hash", as: String.self),
                    nonce: try row.decode(column: "nonce", as: String.self),
                    codeVerifier: try row.decode(column: "code_verifier", as: String.self),
                    returnTo: try row.decode(column: "return_to", as: String.self),
                    createdAt: try row.decode(column: "created_at", as: Date.self)
                )
            }
        }
    }

    public func createSignInLink(_ link: SignInLink) async throws {
        try await source.withConnection { database in
            try await database.raw("""
                INSERT INTO web_sign_in_links (token_hash, subject, agency_id, role, created_at, expires_at)
                VALUES (\(bind: link.tokenHash), \(bind: link.subject), \(bind: link.agency), \(bind: link.role.rawValue),
                        \(bind: link.createdAt), \(bind: link.expiresAt))
                """).run()
        }
    }

    public func signInLink(tokenHash: String, at now: Date) async throws -> SignInLink? {
        try await source.withConnection { database in
            try await database.raw("""
                SELECT * FROM web_sign_in_links WHERE token_hash = \(bind: tokenHash) AND used_at IS NULL AND expires_at > \(bind: now)
                """).first().map(Self.signInLink)
        }
    }

    public func redeemSignInLink(tokenHash: String, at now: Date) async throws -> SignInLink? {
        try await source.withConnection { database in
            // One statement: two browsers redeeming the same link at once get it once.
            try await database.raw("""
                UPDATE web_sign_in_links SET used_at = \(bind: now)
                WHERE token_hash = \(bind: tokenHash) AND used_at IS NULL AND expires_at > \(bind: now)
                RETURNING token_hash, subject, agency_id, role, created_at, expires_at
                """).first().map(Self.signInLink)
        }
    }

    private static func signInLink(_ row: any SQLRow) throws -> SignInLink {
        let roleName = try row.decode(column: "role", as: String.self)
        guard let role = Role(rawValue: roleName) else { throw StoredDataError("sign-in link with unknown role \(roleName)") }
        return SignInLink(
            tokenHash: try row.decode(column: "token_hash", as: String.self),
            subject: try row.decode(column: "subject", as: String.self),
            agency: try row.decode(column: "agency_id", as: String.self),
            role: role,
            createdAt: try row.decode(column: "created_at", as: Date.self),
            expiresAt: try row.decode(column: "expires_at", as: Date.self)
        )
    }
}
