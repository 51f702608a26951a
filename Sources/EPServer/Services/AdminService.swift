import EPDomain
import EPStore
import Foundation

/// Agencies, partnerships and the audit trail: the admin role's work, which touches no case data.
public struct AdminService: Sendable {
    let store: any Store
    let clock: Clock

    public init(store: any Store, clock: Clock) {
        self.store = store
        self.clock = clock
    }

    public func agencies(by caller: Caller) async throws -> [Agency] {
        try requireAdmin(caller)
        return try await store.agencies()
    }

    /// Every agency, for the operator (`eptrack agency list`).
    public func agencies(by person: Operator) async throws -> [Agency] {
        try await store.agencies()
    }

    /// Agencies are registered by the deployment's operator only (`eptrack agency create` on
    /// the server's host): an agency admin who could register one could create a local
    /// authority under any id. The API answers 403 to every caller.
    public func createAgency(by caller: Caller) throws -> Never {
        try requireAdmin(caller)
        throw ServiceError.forbidden("agencies are registered by the operator of this eptrack (eptrack agency create), not through the API")
    }

    /// The operator registers an agency; the audit event names it, so its admins see it.
    public func registerAgency(_ agency: Agency, by person: Operator) async throws -> Agency {
        guard Agency.isValidID(agency.id) else {
            throw ValidationError(.invalidField, field: "/id", "an agency id is 2 to 64 lower-case letters, digits or -")
        }
        // An agency's name is public and not about a child: no personal-data check, but only
        // ordinary characters, since it is shown in pages and written into CSV files.
        let name = try Agency.checkName(try FreeText.check(agency.name, field: "/name", limit: Agency.maxNameLength, personalData: false))
        let created = Agency(id: agency.id, name: name, type: agency.type)
        let now = clock.stamp
        try await store.createAgency(created, at: now, audit: person.event("agency.create", at: now, subject: created.id))
        return created
    }

    public func partnerships(by caller: Caller) async throws -> [Partnership] {
        try requireAdmin(caller)
        return try await store.partnerships(involving: caller.agency)
    }

    /// Only the local authority decides who works on its children's cases. Its admin starts a
    /// partnership (accepting the partner's proposal if there is one); an RAA's or VAA's admin
    /// only proposes, which gives no access until the local authority's admin accepts.
    public func startPartnership(agency: String, localAuthority: String, by caller: Caller, requestID: String?) async throws -> Partnership {
        try requireAdmin(caller)
        try requireParty(caller, agency, localAuthority)
        try await requirePair(agency, localAuthority)
        guard caller.agency == localAuthority else {
            let event = AuditEvent(caller, "partnership.propose", at: clock.stamp, requestID: requestID, subject: localAuthority)
            return try await open(agency, localAuthority, audit: event, proposing: true)
        }
        return try await open(agency, localAuthority, audit: AuditEvent(caller, "partnership.start", at: clock.stamp, requestID: requestID, subject: agency))
    }

    /// The local authority's admin accepts an RAA's or VAA's proposal: access starts now.
    public func acceptPartnership(agency: String, localAuthority: String, by caller: Caller, requestID: String?) async throws -> Partnership {
        try requireAdmin(caller)
        try requireParty(caller, agency, localAuthority)
        guard caller.agency == localAuthority else {
            throw ServiceError.forbidden("only an admin of \(localAuthority) may accept a partnership on its cases")
        }
        guard try await store.partnerships(involving: localAuthority).contains(where: { $0.agency == agency && $0.status == .proposed }) else {
            throw ServiceError.notFound("no proposal from \(agency) to work on \(localAuthority)'s cases")
        }
        return try await open(agency, localAuthority, audit: AuditEvent(caller, "partnership.start", at: clock.stamp, requestID: requestID, subject: agency))
    }

    /// Either side ends a partnership, or withdraws or declines a proposal; the span is kept.
    public func endPartnership(agency: String, localAuthority: String, by caller: Caller, requestID: String?) async throws {
        try requireAdmin(caller)
        try requireParty(caller, agency, localAuthority)
        let other = caller.agency == localAuthority ? agency : localAuthority
        try await end(agency, localAuthority, audit: AuditEvent(caller, "partnership.end", at: clock.stamp, requestID: requestID, subject: other))
    }

    /// The operator starts or ends a partnership from the server's host (`eptrack partnership`),
    /// acting for the local authority; audited like an admin's.
    public func startPartnership(agency: String, localAuthority: String, by person: Operator) async throws -> Partnership {
        try await requirePair(agency, localAuthority)
        return try await open(agency, localAuthority, audit: person.event("partnership.start", at: clock.stamp, agency: localAuthority, subject: agency))
    }

    public func endPartnership(agency: String, localAuthority: String, by person: Operator) async throws {
        try await end(agency, localAuthority, audit: person.event("partnership.end", at: clock.stamp, agency: localAuthority, subject: agency))
    }

    /// Starts the pair's partnership (accepting a proposal, if there is one) or, `proposing`,
    /// records a proposal, with its audit event; and answers the span as it now stands.
    private func open(_ agency: String, _ localAuthority: String, audit: AuditEvent, proposing: Bool = false) async throws -> Partnership {
        if proposing {
            try await store.proposePartnership(agency: agency, localAuthority: localAuthority, at: audit.at, audit: audit)
        } else {
            try await store.startPartnership(agency: agency, localAuthority: localAuthority, at: audit.at, audit: audit)
        }
        guard let span = try await store.partnerships(involving: localAuthority).last(where: { $0.agency == agency && $0.status != .ended }) else {
            throw ServiceError.notFound("no open partnership between \(agency) and \(localAuthority)")
        }
        return span
    }

    /// Ends the pair's open partnership (or proposal), with its audit event.
    private func end(_ agency: String, _ localAuthority: String, audit: AuditEvent) async throws {
        guard try await store.endPartnership(agency: agency, localAuthority: localAuthority, at: audit.at, audit: audit) else {
            throw ServiceError.notFound("no open partnership between \(agency) and \(localAuthority)")
        }
    }

    private func requirePair(_ agency: String, _ localAuthority: String) async throws {
        guard let partner = try await store.agency(id: agency), partner.type != .la else {
            throw ValidationError(.invalidField, field: "/agency", "\(agency) is not a registered RAA or VAA")
        }
        try await requireLocalAuthority(localAuthority)
    }

    func requireLocalAuthority(_ localAuthority: String) async throws {
        guard let owner = try await store.agency(id: localAuthority), owner.type == .la else {
            throw ValidationError(.invalidField, field: "/local_authority", "\(localAuthority) is not a registered local authority")
        }
    }

    /// The trail an admin may read; the reading is itself recorded (who looked at whose
    /// actions), as the operator's export is.
    public func auditEvents(
        by caller: Caller, caseID: UUID?, actor: String?, from: CalendarDate?, to: CalendarDate?, limit: Int, after: (at: Date, id: UUID)?,
        requestID: String?
    ) async throws -> [AuditEvent] {
        try requireAdmin(caller)
        // Days that make no period: 422, as a dashboard's are (an empty list would read as "no
        // one did anything").
        if let from, let to { try CalendarDate.requirePeriod(from: from, to: to) }
        // (Not tied to a case named in the filter: an admin probing another LA's case would put
        // it in their own trail.)
        try await store.recordAudit(AuditEvent(caller, "audit.read", at: clock.stamp, requestID: requestID))
        return try await store.auditEvents(AuditQuery(
            agency: caller.agency, localAuthorities: caller.visibleLocalAuthorities, caseID: caseID, actor: actor,
            from: from.map(Self.startOfDay), until: to.map { Self.startOfDay($0.adding(days: 1)) }, limit: limit, after: after
        ))
    }

    /// Midnight UTC at the start of `day`: audit filters count whole days in UTC.
    static func startOfDay(_ day: CalendarDate) -> Date {
        Date(timeIntervalSince1970: Double(day.dayNumber) * 86_400)
    }

    func requireAdmin(_ caller: Caller) throws {
        try require(caller.role == .admin, caller, "manage agencies, partnerships or the audit trail")
    }

    /// An admin changes only partnerships their own agency is part of.
    private func requireParty(_ caller: Caller, _ agency: String, _ localAuthority: String) throws {
        guard caller.agency == agency || caller.agency == localAuthority else {
            throw ServiceError.forbidden("only an admin of \(agency) or \(localAuthority) may change their partnership")
        }
    }
}

/// The person running `eptrack` commands on the server's host: registers agencies, may start or
/// end partnerships for a local authority, and manages any agency's API tokens. Named in the
/// audit trail by their login.
public struct Operator: Sendable {
    public let name: String

    public init(name: String) { self.name = name }

    /// The operator's login, from the environment the command runs in.
    public static var current: Operator {
        let process = ProcessInfo.processInfo
        return Operator(name: login(environment: process.environment, account: process.userName))
    }

    /// The person behind `sudo` (`SUDO_USER`), else the session's login (`USER`, `LOGNAME`),
    /// else the account the command runs as: a container, cron or systemd sets neither variable.
    public static func login(environment: [String: String], account: String) -> String {
        let named = ["SUDO_USER", "USER", "LOGNAME"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty }
        return named ?? (account.isEmpty ? "unknown" : account)
    }

    func event(_ action: String, at: Date, agency: String = "operator", subject: String?, caseID: UUID? = nil, recordID: UUID? = nil) -> AuditEvent {
        AuditEvent(
            at: at, actor: "operator:\(name)", agency: agency, role: "operator", action: action, caseID: caseID, subjectAgency: subject,
            recordID: recordID
        )
    }
}
