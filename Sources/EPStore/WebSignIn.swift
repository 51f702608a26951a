import EPDomain
import Foundation

/// A browser signed in to the pages, as stored: its id and CSRF token are random secrets sent to
/// the browser; only the id's hash is kept as the key.
public struct WebSession: Sendable, Hashable {
    public let idHash: String
    /// Who signed in: the identity provider's subject, or `link:<id>` for a one-time link.
    public let subject: String
    public let agency: String
    public let role: Role
    /// Every form of this session carries it; a post without it is refused.
    public let csrfToken: String
    public let createdAt: Date
    public let lastSeenAt: Date
    public let endedAt: Date?

    public init(idHash: String, subject: String, agency: String, role: Role, csrfToken: String, createdAt: Date, lastSeenAt: Date, endedAt: Date? = nil) {
        self.idHash = idHash
        self.subject = subject
        self.agency = agency
        self.role = role
        self.csrfToken = csrfToken
        self.createdAt = createdAt
        self.lastSeenAt = lastSeenAt
        self.endedAt = endedAt
    }
}

/// A stored session with what its agency may see, resolved together.
public struct SignedInSession: Sendable {
    public let session: WebSession
    public let agencyName: String
    public let agencyType: AgencyType
    public let partners: Set<String>

    public init(session: WebSession, agencyName: String, agencyType: AgencyType, partners: Set<String>) {
        self.session = session
        self.agencyName = agencyName
        self.agencyType = agencyType
        self.partners = partners
    }
}

/// An OpenID Connect sign-in between the redirect to the provider and its callback.
public struct SignInAttempt: Sendable, Hashable {
    public let stateHash: String
    public let nonce: String
    public let codeVerifier: String
    /// The page to return to afterwards: always a path on this server.
    public let returnTo: String
    public let createdAt: Date

    public init(stateHash: String, nonce: String, codeVerifier: String, returnTo: String, createdAt: Date) {
        self.stateHash = stateHash
        self.nonce = nonce
        self.codeVerifier = codeVerifier
        self.returnTo = returnTo
        self.createdAt = createdAt
    }
}

/// A one-time sign-in link for a named agency and role (a laptop or a demo without an identity
/// provider).
public struct SignInLink: Sendable, Hashable {
    public let tokenHash: String
    public let subject: String
    public let agency: String
    public let role: Role
    public let createdAt: Date
    public let expiresAt: Date

    public init(tokenHash: String, subject: String, agency: String, role: Role, createdAt: Date, expiresAt: Date) {
        self.tokenHash = tokenHash
        self.subject = subject
        self.agency = agency
        self.role = role
        self.createdAt = createdAt
        self.expiresAt = expiresAt
    }
}
