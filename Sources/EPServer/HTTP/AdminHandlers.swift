import EPDomain
import EPStore
import EPTrackAPI
import Foundation

/// The contract's administration operations (agencies, partnerships, audit trail).
extension APIHandlers {
    func listAgencies(_ input: Operations.ListAgencies.Input) async throws -> Operations.ListAgencies.Output {
        let agencies = try await admin.agencies(by: try RequestScope.requireCaller())
        return .ok(.init(body: .json(.init(items: agencies.map(Self.agency)))))
    }

    func createAgency(_ input: Operations.CreateAgency.Input) async throws -> Operations.CreateAgency.Output {
        try admin.createAgency(by: try RequestScope.requireCaller())
    }

    func listPartnerships(_ input: Operations.ListPartnerships.Input) async throws -> Operations.ListPartnerships.Output {
        let partnerships = try await admin.partnerships(by: try RequestScope.requireCaller())
        return .ok(.init(body: .json(.init(items: partnerships.map(Self.partnership)))))
    }

    func createPartnership(_ input: Operations.CreatePartnership.Input) async throws -> Operations.CreatePartnership.Output {
        let caller = try RequestScope.requireCaller()
        let body = switch input.body { case .json(let body): body }
        let started = try await admin.startPartnership(
            agency: body.agency, localAuthority: body.localAuthority, by: caller, requestID: RequestScope.requestID
        )
        return .created(.init(body: .json(Self.partnership(started))))
    }

    func acceptPartnership(_ input: Operations.AcceptPartnership.Input) async throws -> Operations.AcceptPartnership.Output {
        let accepted = try await admin.acceptPartnership(
            agency: input.path.agencyId, localAuthority: input.path.localAuthority,
            by: try RequestScope.requireCaller(), requestID: RequestScope.requestID
        )
        return .ok(.init(body: .json(Self.partnership(accepted))))
    }

    func endPartnership(_ input: Operations.EndPartnership.Input) async throws -> Operations.EndPartnership.Output {
        try await admin.endPartnership(
            agency: input.path.agencyId, localAuthority: input.path.localAuthority,
            by: try RequestScope.requireCaller(), requestID: RequestScope.requestID
        )
        return .noContent(.init())
    }

    func listAuditEvents(_ input: Operations.ListAuditEvents.Input) async throws -> Operations.ListAuditEvents.Output {
        let caller = try RequestScope.requireCaller()
        let limit = try Cursor.limit(input.query.limit)
        let events = try await admin.auditEvents(
            by: caller, caseID: try input.query.caseId.map { try Mapping.uuid($0, field: "case_id") }, actor: try Mapping.filterText(input.query.actor, field: "actor", limit: 100),
            from: try Mapping.dayParameter(input.query.from, name: "from"), to: try Mapping.dayParameter(input.query.to, name: "to"),
            limit: limit, after: try Cursor.auditPosition(input.query.cursor), requestID: RequestScope.requestID
        )
        let next = events.count == limit ? events.last.map { Cursor.encode(auditAt: $0.at, id: $0.id) } : nil
        return .ok(.init(body: .json(.init(items: events.map(Self.auditEvent), nextCursor: next))))
    }

    static func agency(_ agency: Agency) -> Components.Schemas.Agency {
        .init(id: agency.id, name: agency.name, _type: .init(rawValue: agency.type.rawValue)!)
    }

    static func partnership(_ partnership: Partnership) -> Components.Schemas.Partnership {
        .init(
            agency: partnership.agency, localAuthority: partnership.localAuthority, status: .init(rawValue: partnership.status.rawValue)!,
            proposedBy: partnership.proposedBy, proposedAt: partnership.proposedAt, startedAt: partnership.startedAt, endedAt: partnership.endedAt
        )
    }

    static func auditEvent(_ event: AuditEvent) -> Components.Schemas.AuditEvent {
        .init(
            id: event.id.lowercased, at: event.at, actor: event.actor, agency: event.agency, role: event.role, action: event.action,
            caseId: event.caseID?.lowercased, milestoneId: event.milestoneID?.lowercased, requestId: event.requestID, outcome: event.outcome,
            subjectAgency: event.subjectAgency, reason: event.reason, recordId: event.recordID?.lowercased
        )
    }
}
