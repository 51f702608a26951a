import EPDomain
import EPStore
import Foundation

/// What the operator takes off the server (`eptrack export cases`, `eptrack audit export`) is
/// itself in the audit trail, recorded before anything is read: reading a whole local
/// authority's cases, or everyone's audit trail, is the kind of access the trail is there to
/// show. A database that cannot record the event gives no export.
extension AdminService {
    /// One local authority's cases as CSV (`CaseExport`); the event names the authority, so its
    /// admins see who took them and when.
    public func exportCases(localAuthority: String, by person: Operator) async throws -> String {
        try await requireLocalAuthority(localAuthority)
        try await store.recordAudit(person.event("cases.export", at: clock.stamp, subject: localAuthority))
        return CaseExport.csv(try await store.allCases(in: [localAuthority]))
    }

    /// Every agency's audit events (one case's, with `caseID`), oldest first, from the day
    /// `from` to the day `to` (whole days in UTC, as for an admin's list), handed to `write` a
    /// page at a time. The export's own event is the first recorded and, without an end, the last
    /// written.
    public func exportAuditTrail(
        caseID: UUID?, from: CalendarDate?, to: CalendarDate?, by person: Operator, _ write: (AuditEvent) throws -> Void
    ) async throws {
        try await store.recordAudit(person.event("audit.export", at: clock.stamp, subject: nil, caseID: caseID))
        let pageSize = 1000
        var after: (at: Date, id: UUID)?
        while true {
            let page = try await store.auditEvents(AuditQuery(
                agency: nil, localAuthorities: [], caseID: caseID, actor: nil,
                from: from.map(Self.startOfDay), until: to.map { Self.startOfDay($0.adding(days: 1)) }, limit: pageSize, after: after
            ))
            try page.forEach(write)
            guard page.count == pageSize, let last = page.last else { return }
            after = (last.at, last.id)
        }
    }
}
