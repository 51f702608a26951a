import EPDomain
import Foundation

/// Everything eptrack keeps, behind one protocol with one SQL implementation (`SQLStore`) that
/// runs unchanged on PostgreSQL and SQLite. Every write that belongs together (a milestone, its
/// audit record, its idempotency record) is one call and one transaction.
public protocol Store: Sendable {
    /// Runs `body` with a store that does all its work on one connection, leased once: for a
    /// read and the write that depends on it (a milestone write leases one connection, not
    /// two). Transactions inside it are still their own; the session only shares the lease.
    func session<T: Sendable>(_ body: @escaping @Sendable (any Store) async throws -> T) async throws -> T

    // Agencies and partnerships: each change stored with its audit event (when given) in one
    // write, both or neither.
    func createAgency(_ agency: Agency, at: Date, audit: AuditEvent?) async throws
    func agency(id: String) async throws -> Agency?
    func agencies() async throws -> [Agency]
    /// Records an RAA's or VAA's proposal to work on a local authority's cases: it gives no
    /// access until the local authority accepts it. `alreadyExists` if the pair has an open
    /// (proposed or active) partnership.
    func proposePartnership(agency: String, localAuthority: String, at: Date, audit: AuditEvent?) async throws
    /// Starts a partnership the local authority agrees to: accepts the pair's open proposal, or
    /// starts a new span if there is none. `alreadyExists` if it is already active.
    func startPartnership(agency: String, localAuthority: String, at: Date, audit: AuditEvent?) async throws
    /// Ends the pair's open partnership (withdraws or declines a proposal, or ends access);
    /// false if there is none. The span is kept.
    func endPartnership(agency: String, localAuthority: String, at: Date, audit: AuditEvent?) async throws -> Bool
    /// Every partnership span, proposed, active or ended, that involves `agency` on either side.
    func partnerships(involving agency: String) async throws -> [Partnership]

    /// An agency's type and the local authorities it works for through active partnerships,
    /// in one round trip; nil when there is no such agency.
    func access(agency: String) async throws -> AgencyAccess?

    // API tokens
    /// Stores a token (its hash only) and, given them, the audit event of its creation and the
    /// idempotency record of the form that asked for it: all or none.
    func createToken(_ token: TokenRecord, hash: String, audit: AuditEvent?, idempotency: IdempotencyRecord?) async throws
    /// The token with this hash, its agency's type and the local authorities the agency works
    /// for through active partnerships: everything needed to authenticate, in one round trip.
    func credential(hash: String) async throws -> Credential?
    /// The tokens of `agency`, or of every agency when nil, oldest first.
    func tokens(agency: String?) async throws -> [TokenRecord]
    /// Revokes the live token `id` (of `agency`, when given) and records `audit` with it: false,
    /// and nothing recorded, when there is no such token or it was already revoked.
    func revokeToken(id: UUID, agency: String?, at: Date, audit: AuditEvent?) async throws -> Bool
    func recordTokenUse(id: UUID, at: Date) async throws

    // Sign-in to the pages
    func createWebSession(_ session: WebSession) async throws
    /// The session with this id hash, with its agency's name, type and the local authorities it
    /// works for through active partnerships: all a page needs to know who is asking, in one
    /// round trip.
    func webSession(idHash: String) async throws -> SignedInSession?
    /// Notes activity, for the idle timeout (at most once a minute per session: see EPWeb).
    func touchWebSession(idHash: String, at: Date) async throws
    func endWebSession(idHash: String, at: Date) async throws
    func saveSignInAttempt(_ attempt: SignInAttempt) async throws
    /// Removes and returns the attempt with this state, if it was made after `createdAfter`
    /// (an older one has expired; those are removed too).
    func takeSignInAttempt(stateHash: String, createdAfter: Date) async throws -> SignInAttempt?
    func createSignInLink(_ link: SignInLink) async throws
    /// The link, if it is unused and has not expired by `now` (to show whom it signs in).
    func signInLink(tokenHash: String, at now: Date) async throws -> SignInLink?
    /// Marks the link used and returns it, if it was unused and had not expired: once only.
    func redeemSignInLink(tokenHash: String, at now: Date) async throws -> SignInLink?

    // Cases
    func insertCase(_ subject: Case, derived: DerivedData, audit: AuditEvent, idempotency: IdempotencyRecord?) async throws
    /// Stores whole cases at once, each with its milestones, alert index entries and audit
    /// event, all in one transaction (the demo's synthetic journeys, thousands at a time).
    func importCases(_ cases: [ImportedCase]) async throws
    func findCase(id: UUID) async throws -> Case?
    /// The cases with these ids, with their milestones (in no particular order).
    func findCases(ids: [UUID]) async throws -> [Case]
    func listCases(_ query: CaseQuery) async throws -> [CaseSummary]
    /// Every case of these local authorities, with its milestones (the case-level export, and
    /// the alert list of a past day).
    func allCases(in localAuthorities: Set<String>) async throws -> [Case]
    /// The journey digest of every case of these local authorities, for dashboards, handed to
    /// `receive` in batches of `batch` as the database returns them (so counting can start
    /// before the last row arrives).
    func journeyDigests(in localAuthorities: Set<String>, batch: Int, _ receive: @escaping @Sendable ([JourneyDigest]) -> Void) async throws
    /// Writes the journey digest of every case that has none (cases stored before digests were
    /// kept); returns how many. Run once the migrations are applied, before serving.
    func completeJourneyDigests() async throws -> Int
    /// Saves a changed profile if the case is still at `expectedVersion`; false if someone else
    /// changed it first.
    func updateCase(_ subject: Case, expectedVersion: Int, derived: DerivedData, audit: AuditEvent) async throws -> Bool
    /// Appends a milestone if the case is still at `expectedVersion`; false if another write
    /// got there first (the caller re-reads and re-validates).
    func appendMilestone(
        _ milestone: Milestone, to subject: Case, expectedVersion: Int, derived: DerivedData, audit: AuditEvent, idempotency: IdempotencyRecord?
    ) async throws -> Bool

    // Alerts
    /// One page of the alert index: entries open on `query.asOf` on open journeys, by due date.
    func alertIndexPage(_ query: AlertIndexQuery) async throws -> [AlertIndexEntry]
    /// Rewrites what is derived from a case's journey and the rules (its alert index entries, its
    /// state and its digest), when the policy or the rules' logic changed since they were written.
    /// False, and nothing changed, if the case was written since it was read (that write stored
    /// derived data of its own); a write racing with it waits for its row lock, then finds the
    /// version it expected, or not and re-reads. The version (the ETag a client holds) moves only
    /// if the state does, the one stored derived field a client sees: a new threshold that
    /// moves due dates in the index does not make every open edit form stale.
    func replaceDerived(caseID: UUID, expectedVersion: Int, derived: DerivedData) async throws -> Bool
    func caseIDs(after: UUID?, limit: Int) async throws -> [UUID]
    /// Open alerts on open journeys on `asOf`, counted by rule, across the deployment (for metrics).
    func openAlertCounts(asOf: CalendarDate) async throws -> [String: Int]
    func setting(_ key: String) async throws -> String?
    func setSetting(_ key: String, to value: String) async throws
    func addAcknowledgement(_ acknowledgement: Acknowledgement, audit: AuditEvent, idempotency: IdempotencyRecord?) async throws
    /// The acknowledgements on these cases, oldest first.
    func acknowledgements(caseIDs: [UUID]) async throws -> [Acknowledgement]

    // Idempotency and audit
    /// The response stored for this caller's key, unless it has expired by `now`.
    func idempotencyRecord(caller: String, key: String, at now: Date) async throws -> IdempotencyRecord?
    /// Deletes stored responses that expired before `now`; returns how many.
    func purgeIdempotencyRecords(at now: Date) async throws -> Int

    // Redaction (UK GDPR Articles 16 and 17)
    /// Writes `redacted` over its stored record (only its free text differs), replaces `removed`
    /// wherever a stored response of the case quotes it, writes the case's `digest` (worked out
    /// with the redacted record in place) and records `audit`: one transaction. The triggers let
    /// nothing else about a milestone change.
    func redact(_ redacted: Milestone, in subject: Case, digest: JourneyDigest, removing removed: Set<String>, audit: AuditEvent) async throws
    /// The same for an acknowledgement's note.
    func redact(acknowledgement: Acknowledgement, removing removed: Set<String>, audit: AuditEvent) async throws
    func recordAudit(_ event: AuditEvent) async throws
    func auditEvents(caseID: UUID) async throws -> [AuditEvent]
    func auditEvents(_ query: AuditQuery) async throws -> [AuditEvent]

    /// Whether the database answers and its migrations are current.
    func isReady() async -> Bool
}

public enum StoreError: Error, Equatable {
    /// The local authority already has a case with this reference.
    case duplicateReference(String)
    /// A row with this idempotency key was stored first by a concurrent request.
    case idempotencyKeyTaken
    /// An agency with this id, or an active partnership between these agencies, already exists.
    case alreadyExists(String)
}

public struct CaseSummary: Sendable, Hashable {
    public let subject: Case
    public let state: JourneyState
}

public struct CaseQuery: Sendable {
    public var localAuthorities: Set<String>
    public var state: JourneyState?
    /// Only the case with this reference, whatever its case (each LA's references are unique
    /// so); letters, digits, - and / only.
    public var reference: String?
    public var limit: Int
    /// Resume after this (created_at, id).
    public var after: CaseCursor?

    public init(localAuthorities: Set<String>, state: JourneyState? = nil, reference: String? = nil, limit: Int, after: CaseCursor? = nil) {
        self.localAuthorities = localAuthorities
        self.state = state
        self.reference = reference
        self.limit = limit
        self.after = after
    }
}

/// A position in the case list: cases are listed by creation time, then id.
public struct CaseCursor: Sendable, Hashable {
    public let createdAt: Date
    public let id: UUID

    public init(createdAt: Date, id: UUID) {
        self.createdAt = createdAt
        self.id = id
    }
}

public struct TokenRecord: Sendable, Hashable {
    public let id: UUID
    public let agency: String
    public let role: Role
    public let label: String?
    public let createdAt: Date
    public let expiresAt: Date
    public let revokedAt: Date?
    /// When it last authenticated a request, to the hour.
    public let lastUsedAt: Date?

    public init(
        id: UUID, agency: String, role: Role, label: String?, createdAt: Date, expiresAt: Date, revokedAt: Date? = nil, lastUsedAt: Date? = nil
    ) {
        self.id = id
        self.agency = agency
        self.role = role
        self.label = label
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.revokedAt = revokedAt
        self.lastUsedAt = lastUsedAt
    }
}

public struct AuditEvent: Sendable, Hashable {
    public let id: UUID
    public let at: Date
    public let actor: String
    public let agency: String
    public let role: String
    /// e.g. `case.create`, `milestone.record`, `case.read`.
    public let action: String
    public let caseID: UUID?
    public let milestoneID: UUID?
    public let requestID: String?
    public let outcome: String
    /// The other agency an admin action concerns (the local authority of a partnership, the
    /// agency registered); its admins see the event in their audit view too.
    public let subjectAgency: String?
    /// Why, for actions that need a reason (a redaction); never the text the action concerns.
    public let reason: String?
    /// The record an action concerns when it is not a milestone (an acknowledgement redacted).
    public let recordID: UUID?

    public init(
        id: UUID = UUID.random(), at: Date, actor: String, agency: String, role: String, action: String,
        caseID: UUID? = nil, milestoneID: UUID? = nil, requestID: String? = nil, outcome: String = "ok", subjectAgency: String? = nil,
        reason: String? = nil, recordID: UUID? = nil
    ) {
        self.subjectAgency = subjectAgency
        self.reason = reason
        self.recordID = recordID
        self.id = id
        self.at = at
        self.actor = actor
        self.agency = agency
        self.role = role
        self.action = action
        self.caseID = caseID
        self.milestoneID = milestoneID
        self.requestID = requestID
        self.outcome = outcome
    }
}

/// The first response to a POST with an `Idempotency-Key`, replayed for retries.
public struct IdempotencyRecord: Sendable, Hashable {
    public let caller: String
    public let key: String
    /// SHA-256 of the method, path and body, so a reused key with another request is caught.
    public let requestHash: String
    /// The first response's JSON body. (Its status and `Location` follow from the operation,
    /// which always answers a stored write with the same ones.)
    public let body: String

    public init(caller: String, key: String, requestHash: String, body: String) {
        self.caller = caller
        self.key = key
        self.requestHash = requestHash
        self.body = body
    }
}

public struct Acknowledgement: Sendable, Hashable {
    public let id: UUID
    public let caseID: UUID
    public let ruleID: String
    public let note: String
    public let acknowledgedBy: String
    public let acknowledgedAt: Date
    /// The day the acknowledged alert's clock counted from: which of the rule's clocks was looked
    /// at (nil for acknowledgements recorded before it was kept, migration 0012).
    public let anchorOn: CalendarDate?

    public init(id: UUID, caseID: UUID, ruleID: String, note: String, acknowledgedBy: String, acknowledgedAt: Date, anchorOn: CalendarDate?) {
        self.id = id
        self.caseID = caseID
        self.ruleID = ruleID
        self.note = note
        self.acknowledgedBy = acknowledgedBy
        self.acknowledgedAt = acknowledgedAt
        self.anchorOn = anchorOn
    }
}

/// A case with its whole history, validated and evaluated, ready to be stored in one go.
public struct ImportedCase: Sendable {
    public let subject: Case
    public let derived: DerivedData
    public let audit: AuditEvent

    public init(subject: Case, derived: DerivedData, audit: AuditEvent) {
        self.subject = subject
        self.derived = derived
        self.audit = audit
    }
}

/// What is worked out from a case's journey and stored beside it: its state, its alert index
/// entries and its journey digest. The service works it out once per write, from the journey
/// the domain checked the write against; the store writes it as given.
public struct DerivedData: Sendable {
    public let state: JourneyState
    public let alerts: [AlertIndexEntry]
    public let digest: JourneyDigest

    public init(state: JourneyState, alerts: [AlertIndexEntry], digest: JourneyDigest) {
        self.state = state
        self.alerts = alerts
        self.digest = digest
    }
}

/// Where one rule stands for one case if nothing more is recorded (see `RuleResult.opensOn`).
public struct AlertIndexEntry: Sendable, Hashable {
    public let caseID: UUID
    public let ruleID: String
    public let opensOn: CalendarDate
    public let overdueOn: CalendarDate
    public let dueOn: CalendarDate

    public init(caseID: UUID, ruleID: String, opensOn: CalendarDate, overdueOn: CalendarDate, dueOn: CalendarDate) {
        self.caseID = caseID
        self.ruleID = ruleID
        self.opensOn = opensOn
        self.overdueOn = overdueOn
        self.dueOn = dueOn
    }
}

public struct AlertIndexQuery: Sendable {
    public var localAuthorities: Set<String>
    public var asOf: CalendarDate
    /// `overdue` or `due_soon`; both when nil.
    public var status: RuleStatus?
    public var ruleID: String?
    public var limit: Int
    /// Resume after this (due_on, rule_id, case_id).
    public var after: AlertCursor?

    public init(localAuthorities: Set<String>, asOf: CalendarDate, status: RuleStatus?, ruleID: String?, limit: Int, after: AlertCursor?) {
        self.localAuthorities = localAuthorities
        self.asOf = asOf
        self.status = status
        self.ruleID = ruleID
        self.limit = limit
        self.after = after
    }
}

public struct AlertCursor: Sendable, Hashable {
    public let dueOn: CalendarDate
    public let ruleID: String
    public let caseID: UUID

    public init(dueOn: CalendarDate, ruleID: String, caseID: UUID) {
        self.dueOn = dueOn
        self.ruleID = ruleID
        self.caseID = caseID
    }
}

public struct Credential: Sendable, Hashable {
    public let token: TokenRecord
    public let agencyType: AgencyType
    public let partnerLocalAuthorities: Set<String>

    /// The same credential, its token last used `at`.
    func used(at: Date) -> Credential {
        let token = TokenRecord(
            id: token.id, agency: token.agency, role: token.role, label: token.label, createdAt: token.createdAt, expiresAt: token.expiresAt,
            revokedAt: token.revokedAt, lastUsedAt: at
        )
        return Credential(token: token, agencyType: agencyType, partnerLocalAuthorities: partnerLocalAuthorities)
    }
}

/// One span of an RAA's or VAA's work for a local authority: proposed by either side, active
/// once the local authority has agreed, ended by either side.
public struct Partnership: Sendable, Hashable {
    public enum Status: String, Sendable {
        /// Waiting for the local authority's admin: gives no access.
        case proposed
        case active
        /// Ended, or a proposal withdrawn or declined before it started.
        case ended
    }

    public let agency: String
    public let localAuthority: String
    /// The agency whose admin proposed it (the local authority itself when it started it).
    public let proposedBy: String
    public let proposedAt: Date
    public let startedAt: Date?
    public let endedAt: Date?

    public init(agency: String, localAuthority: String, proposedBy: String, proposedAt: Date, startedAt: Date?, endedAt: Date?) {
        self.agency = agency
        self.localAuthority = localAuthority
        self.proposedBy = proposedBy
        self.proposedAt = proposedAt
        self.startedAt = startedAt
        self.endedAt = endedAt
    }

    public var status: Status {
        if endedAt != nil { return .ended }
        return startedAt == nil ? .proposed : .active
    }
}

/// Which audit events an admin asks for: those of their own agency and of the cases it can see
/// (`agency` nil: every event, for the operator's `eptrack audit export`).
public struct AuditQuery: Sendable {
    public var agency: String?
    public var localAuthorities: Set<String>
    public var caseID: UUID?
    public var actor: String?
    /// From this instant (inclusive) to that one (exclusive).
    public var from: Date?
    public var until: Date?
    public var limit: Int
    /// Resume after this (at, id).
    public var after: (at: Date, id: UUID)?

    public init(agency: String?, localAuthorities: Set<String>, caseID: UUID?, actor: String?, from: Date?, until: Date?, limit: Int, after: (at: Date, id: UUID)?) {
        self.agency = agency
        self.localAuthorities = localAuthorities
        self.caseID = caseID
        self.actor = actor
        self.from = from
        self.until = until
        self.limit = limit
        self.after = after
    }
}
