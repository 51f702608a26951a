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

    public func createAgency(_ agency: Agency, by caller: Caller, requestID: String?) async throws -> Agency {
        try requireAdmin(caller)
        guard Agency.isValidID(agency.id) else {
            throw ServiceError.invalid(ValidationError(.invalidField, field: "/id", "an agency id is 2 to 64 lower-case letters, digits or -"))
        }
        // An agency's name is public and not about a child: no personal-data check.
        let name = try validate { () throws(ValidationError) in
            try FreeText.check(agency.name, field: "/name", limit: Agency.maxNameLength, personalData: false)
        }
        let created = Agency(id: agency.id, name: name, type: agency.type)
        do {
            try await store.createAgency(created, at: clock.stamp)
        } catch StoreError.alreadyExists(let what) {
            throw ServiceError.alreadyExists(what)
        }
        try await audit("agency.create", caller, requestID)
        return created
    }

    public func partnerships(by caller: Caller) async throws -> [Partnership] {
        try requireAdmin(caller)
        return try await store.partnerships(involving: caller.agency)
    }

    public func startPartnership(agency: String, localAuthority: String, by caller: Caller, requestID: String?) async throws -> Partnership {
        try requireAdmin(caller)
        try requireParty(caller, agency, localAuthority)
        guard let partner = try await store.agency(id: agency), partner.type != .la else {
            throw ServiceError.invalid(ValidationError(.invalidField, field: "/agency", "\(agency) is not a registered RAA or VAA"))
        }
        guard let owner = try await store.agency(id: localAuthority), owner.type == .la else {
            throw ServiceError.invalid(ValidationError(.invalidField, field: "/local_authority", "\(localAuthority) is not a registered local authority"))
        }
        let now = clock.stamp
        do {
            try await store.startPartnership(agency: partner.id, localAuthority: owner.id, at: now)
        } catch StoreError.alreadyExists(let what) {
            throw ServiceError.alreadyExists(what)
        }
        try await audit("partnership.start", caller, requestID)
        return Partnership(agency: partner.id, localAuthority: owner.id, startedAt: now, endedAt: nil)
    }

    public func endPartnership(agency: String, localAuthority: String, by caller: Caller, requestID: String?) async throws {
        try requireAdmin(caller)
        try requireParty(caller, agency, localAuthority)
        guard try await store.endPartnership(agency: agency, localAuthority: localAuthority, at: clock.stamp) else {
            throw ServiceError.notFound("no active partnership between \(agency) and \(localAuthority)")
        }
        try await audit("partnership.end", caller, requestID)
    }

    public func auditEvents(
        by caller: Caller, caseID: UUID?, actor: String?, from: CalendarDate?, to: CalendarDate?, limit: Int, after: (at: Date, id: UUID)?
    ) async throws -> [AuditEvent] {
        try requireAdmin(caller)
        return try await store.auditEvents(AuditQuery(
            agency: caller.agency, localAuthorities: caller.visibleLocalAuthorities, caseID: caseID, actor: actor,
            from: from.map(Self.startOfDay), until: to.map { Self.startOfDay($0.adding(days: 1)) }, limit: limit, after: after
        ))
    }

    /// Midnight UTC at the start of `day`: audit filters count whole days in UTC.
    static func startOfDay(_ day: CalendarDate) -> Date {
        Date(timeIntervalSince1970: Double(day.dayNumber) * 86_400)
    }

    private func requireAdmin(_ caller: Caller) throws {
        try require(caller.role == .admin, caller, "manage agencies, partnerships or the audit trail")
    }

    /// An admin changes only partnerships their own agency is part of.
    private func requireParty(_ caller: Caller, _ agency: String, _ localAuthority: String) throws {
        guard caller.agency == agency || caller.agency == localAuthority else {
            throw ServiceError.forbidden("only an admin of \(agency) or \(localAuthority) may change their partnership")
        }
    }

    private func audit(_ action: String, _ caller: Caller, _ requestID: String?) async throws {
        try await store.recordAudit(AuditEvent(caller, action, at: clock.stamp, requestID: requestID))
    }
}
