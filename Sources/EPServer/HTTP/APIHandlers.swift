import EPDomain
import EPStore
import EPTrackAPI
import Foundation
import OpenAPIRuntime

/// The contract's operations: decode, authorise (through the caller), call one service, encode.
struct APIHandlers: APIProtocol {
    let cases: CaseService
    let alerts: AlertService
    let policies: PolicyCatalogue
    let admin: AdminService
    let redactions: RedactionService
    let dashboards: DashboardService
    let metrics: ServiceMetrics
    let store: any Store
    let openAPIDocument: Data

    // MARK: Cases

    func createCase(_ input: Operations.CreateCase.Input) async throws -> Operations.CreateCase.Output {
        let caller = try RequestScope.requireCaller()
        let body = switch input.body { case .json(let body): body }
        let draft = NewCase(
            reference: body.reference, localAuthority: body.localAuthority, adoptionAgency: body.adoptionAgency,
            profile: try Mapping.profile(body.profile)
        )
        let idempotency = try IdempotencyRequest(key: input.headers.idempotencyKey, operation: "createCase", target: "/v1/cases", body: body)
        let created = try await cases.open(draft, by: caller, requestID: RequestScope.requestID, idempotency: idempotency) { view in
            try .init(body: Mapping.caseBody(view))
        }.body(Mapping.caseBody)
        return .created(.init(
            headers: .init(location: "/v1/cases/\(created.id)", eTag: "\"v\(created.version)\""),
            body: .json(created)
        ))
    }

    func listCases(_ input: Operations.ListCases.Input) async throws -> Operations.ListCases.Output {
        let caller = try RequestScope.requireCaller()
        let limit = try Cursor.limit(input.query.limit)
        let page = try await cases.list(
            by: caller, state: input.query.state.flatMap { JourneyState(rawValue: $0.rawValue) },
            localAuthority: try Mapping.agencyID(input.query.localAuthority, field: "local_authority"), reference: try Mapping.filterText(input.query.reference, field: "reference", limit: 32),
            limit: limit, after: try Cursor.caseCursor(input.query.cursor),
            requestID: RequestScope.requestID
        )
        let next = page.count == limit ? page.last.map { Cursor.encode(CaseCursor(createdAt: $0.subject.createdAt, id: $0.subject.id)) } : nil
        return .ok(.init(body: .json(.init(items: page.map(Mapping.summary), nextCursor: next))))
    }

    func getCase(_ input: Operations.GetCase.Input) async throws -> Operations.GetCase.Output {
        let caller = try RequestScope.requireCaller()
        let id = try Mapping.pathID(input.path.caseId, what: "case")
        let asOf = try Mapping.asOf(input.query.asOf)
        let view = try await cases.view(caseID: id, by: caller, asOf: asOf, requestID: RequestScope.requestID)
        return .ok(.init(headers: .init(eTag: view.subject.etag), body: .json(Mapping.caseBody(view))))
    }

    func updateCase(_ input: Operations.UpdateCase.Input) async throws -> Operations.UpdateCase.Output {
        let caller = try RequestScope.requireCaller()
        let id = try Mapping.pathID(input.path.caseId, what: "case")
        let body = switch input.body { case .json(let body): body }
        let view: CaseView
        do {
            view = try await cases.update(
                caseID: id, try Mapping.caseUpdate(body), ifMatch: input.headers.ifMatch, by: caller, requestID: RequestScope.requestID
            )
        } catch let error as ValidationError where error.field.hasPrefix("/profile/") {
            // The update's body is the profile's fields themselves, with no `profile` around them.
            throw ValidationError(error.category, field: String(error.field.dropFirst("/profile".count)), error.detail)
        }
        return .ok(.init(headers: .init(eTag: view.subject.etag), body: .json(Mapping.caseBody(view))))
    }

    // MARK: Milestones

    func recordMilestone(_ input: Operations.RecordMilestone.Input) async throws -> Operations.RecordMilestone.Output {
        let caller = try RequestScope.requireCaller()
        let id = try Mapping.pathID(input.path.caseId, what: "case")
        let body = switch input.body { case .json(let body): body }
        let milestone = try Mapping.milestoneInput(kind: body.kind, occurredOn: body.occurredOn, details: body.details, note: body.note)
        let idempotency = try IdempotencyRequest(key: input.headers.idempotencyKey, operation: "recordMilestone", target: id.lowercased, body: body)
        let (recorded, fresh) = try await record(.record(milestone), caseID: id, caller: caller, idempotency: idempotency)
        if fresh { metrics.milestoneRecorded(milestone.kind) }  // a replayed retry stored nothing new
        return .created(.init(headers: .init(location: Self.location(id)), body: .json(recorded)))
    }

    func correctMilestone(_ input: Operations.CorrectMilestone.Input) async throws -> Operations.CorrectMilestone.Output {
        let caller = try RequestScope.requireCaller()
        let id = try Mapping.pathID(input.path.caseId, what: "case")
        let milestoneID = try Mapping.pathID(input.path.milestoneId, what: "milestone")
        let body = switch input.body { case .json(let body): body }
        let change = try Mapping.correction(body, of: milestoneID)
        let idempotency = try IdempotencyRequest(
            key: input.headers.idempotencyKey, operation: "correctMilestone", target: "\(id.lowercased)/\(milestoneID.lowercased)", body: body
        )
        let (recorded, _) = try await record(change, caseID: id, caller: caller, idempotency: idempotency)
        return .created(.init(body: .json(recorded)))
    }

    private func record(
        _ change: CaseChange, caseID: UUID, caller: Caller, idempotency: IdempotencyRequest?
    ) async throws -> (body: Components.Schemas.MilestoneRecorded, fresh: Bool) {
        let outcome = try await cases.record(change, caseID: caseID, by: caller, requestID: RequestScope.requestID, idempotency: idempotency) { recorded in
            try .init(body: Mapping.recorded(recorded))
        }
        return (try outcome.body(Mapping.recorded), !outcome.isReplay)
    }

    // MARK: Alerts

    func getCaseAlerts(_ input: Operations.GetCaseAlerts.Input) async throws -> Operations.GetCaseAlerts.Output {
        let caller = try RequestScope.requireCaller()
        let id = try Mapping.pathID(input.path.caseId, what: "case")
        let view = try await alerts.results(
            caseID: id, by: caller, asOf: try Mapping.asOf(input.query.asOf), requestID: RequestScope.requestID
        )
        return .ok(.init(body: .json(.init(
            caseId: id.lowercased, asOf: view.asOf.iso, policyId: policies.inForce.id,
            results: view.results.map { Mapping.alert($0, acknowledgements: view.acknowledgements) }
        ))))
    }

    func listAlerts(_ input: Operations.ListAlerts.Input) async throws -> Operations.ListAlerts.Output {
        let caller = try RequestScope.requireCaller()
        let limit = try Cursor.limit(input.query.limit)
        let page = try await alerts.openAlerts(
            by: caller, status: input.query.status.flatMap { RuleStatus(rawValue: $0.rawValue) },
            ruleID: input.query.ruleId?.rawValue, asOf: try Mapping.asOf(input.query.asOf),
            limit: limit, from: try Cursor.alertPosition(input.query.cursor), requestID: RequestScope.requestID
        )
        let items = page.items.map { alert in
            Components.Schemas.CaseAlert(
                caseId: alert.caseID.lowercased, reference: alert.reference, localAuthority: alert.localAuthority,
                alert: Mapping.alert(alert.result, acknowledgements: alert.acknowledgements)
            )
        }
        return .ok(.init(body: .json(.init(
            asOf: page.asOf.iso, items: items, nextCursor: page.next.map(Cursor.encode)
        ))))
    }

    func acknowledgeAlert(_ input: Operations.AcknowledgeAlert.Input) async throws -> Operations.AcknowledgeAlert.Output {
        let caller = try RequestScope.requireCaller()
        let id = try Mapping.pathID(input.path.caseId, what: "case")
        let body = switch input.body { case .json(let body): body }
        let ruleID = input.path.ruleId.rawValue
        let idempotency = try IdempotencyRequest(key: input.headers.idempotencyKey, operation: "acknowledgeAlert", target: "\(id.lowercased)/\(ruleID)", body: body)
        let outcome = try await alerts.acknowledge(
            caseID: id, ruleID: ruleID, note: body.note, anchorOn: try Mapping.date(body.anchorOn, field: "/anchor_on"), by: caller,
            requestID: RequestScope.requestID, idempotency: idempotency
        ) { acknowledgement in
            try .init(body: Mapping.acknowledgement(acknowledgement))
        }
        let acknowledgement = try outcome.body(Mapping.acknowledgement)
        return .created(.init(body: .json(acknowledgement)))
    }

    func redactRecord(_ input: Operations.RedactRecord.Input) async throws -> Operations.RedactRecord.Output {
        let caller = try RequestScope.requireCaller()
        let id = try Mapping.pathID(input.path.caseId, what: "case")
        let body = switch input.body { case .json(let body): body }
        let target: RedactionService.Target
        switch (body.milestoneId, body.acknowledgementId) {
        case (let milestone?, nil): target = .milestone(try Mapping.uuid(milestone, field: "/milestone_id"))
        case (nil, let acknowledgement?): target = .acknowledgement(try Mapping.uuid(acknowledgement, field: "/acknowledgement_id"))
        default: throw ServiceError.badParameter(field: "/milestone_id", detail: "name exactly one of milestone_id and acknowledgement_id")
        }
        let redacted = try await redactions.redact(target, caseID: id, reason: body.reason, by: caller, requestID: RequestScope.requestID)
        let (type, recordID): (Components.Schemas.Redaction.RecordTypePayload, UUID) = switch redacted.target {
        case .milestone(let record): (.milestone, record)
        case .acknowledgement(let record): (.acknowledgement, record)
        }
        return .created(.init(body: .json(.init(
            caseId: id.lowercased, recordType: type, recordId: recordID.lowercased, fields: redacted.fields, reason: redacted.reason,
            redactedAt: redacted.at, redactedBy: redacted.by
        ))))
    }

    // MARK: Policies

    func listPolicies(_ input: Operations.ListPolicies.Input) async throws -> Operations.ListPolicies.Output {
        _ = try RequestScope.requireCaller()
        return .ok(.init(body: .json(.init(items: [Mapping.policy(policies.inForce, inForce: true)]))))
    }

    func getPolicy(_ input: Operations.GetPolicy.Input) async throws -> Operations.GetPolicy.Output {
        _ = try RequestScope.requireCaller()
        guard input.path.policyId == policies.inForce.id else {
            throw ServiceError.notFound("no policy \(input.path.policyId)")
        }
        return .ok(.init(body: .json(Mapping.policy(policies.inForce, inForce: true))))
    }

    // MARK: Operations

    func getLive(_ input: Operations.GetLive.Input) async throws -> Operations.GetLive.Output {
        .ok(.init(body: .json(.init(status: .ok))))
    }

    func getReady(_ input: Operations.GetReady.Input) async throws -> Operations.GetReady.Output {
        // A database that has gone away makes the pool wait for a connection: answer within 2 s.
        let store = self.store
        let ready = (try? await withTimeout(.seconds(2)) { await store.isReady() }) ?? false
        guard ready else {
            return .serviceUnavailable(.init(body: .applicationProblemJson(
                Problem(.notReady, "the database is unreachable or its migrations are not current").body
            )))
        }
        return .ok(.init(body: .json(.init(status: .ok))))
    }

    func getOpenAPIDocument(_ input: Operations.GetOpenAPIDocument.Input) async throws -> Operations.GetOpenAPIDocument.Output {
        .ok(.init(body: .yaml(HTTPBody(openAPIDocument))))
    }

    static func location(_ caseID: UUID) -> String { "/v1/cases/\(caseID.lowercased)" }
}

/// The policies the server knows: for now, the one in force.
public struct PolicyCatalogue: Sendable {
    public let inForce: Policy

    public init(inForce: Policy) {
        self.inForce = inForce
    }
}
