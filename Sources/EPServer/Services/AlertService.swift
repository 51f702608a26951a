import EPDomain
import EPStore
import Foundation

/// Timeliness alerts: every rule's result for one case, the open alerts across the cases a
/// caller can see, and IROs' acknowledgements.
public struct AlertService: Sendable {
    let cases: CaseService
    var store: any Store { cases.store }
    var policy: Policy { cases.policy }

    public init(cases: CaseService) {
        self.cases = cases
    }

    public func results(caseID: UUID, by caller: Caller, asOf: CalendarDate?, requestID: String?) async throws -> CaseAlertsView {
        let subject = try await cases.visibleCase(caseID, caller)
        let day = asOf ?? cases.clock.today
        try await store.recordAudit(AuditEvent(at: cases.clock.stamp, actor: caller.actor, agency: caller.agency, role: caller.role.rawValue, action: "alerts.read", caseID: caseID, requestID: requestID))
        return CaseAlertsView(
            caseID: caseID, asOf: day, results: policy.evaluate(subject.journey, asOf: day),
            acknowledgements: try await store.acknowledgements(caseID: caseID)
        )
    }

    /// Open alerts on open journeys, most overdue first (then soonest due), paged by position.
    public func openAlerts(
        by caller: Caller, status: RuleStatus?, ruleID: String?, asOf: CalendarDate?, limit: Int, offset: Int
    ) async throws -> (items: [CaseAlert], asOf: CalendarDate, more: Bool) {
        try require(caller.role == .iro || caller.role == .leader, caller, "list alerts across cases")
        let day = asOf ?? cases.clock.today
        var alerts: [CaseAlert] = []
        for subject in try await store.openCases(in: caller.visibleLocalAuthorities) {
            for result in policy.evaluate(subject.journey, asOf: day) where result.status.isOpen {
                if let status, result.status != status { continue }
                if let ruleID, result.ruleID != ruleID { continue }
                alerts.append(CaseAlert(caseID: subject.id, reference: subject.reference, localAuthority: subject.localAuthority, result: result))
            }
        }
        alerts.sort { lhs, rhs in
            let left = (lhs.result.daysOverdue ?? -(lhs.result.daysRemaining ?? 0))
            let right = (rhs.result.daysOverdue ?? -(rhs.result.daysRemaining ?? 0))
            if left != right { return left > right }
            if lhs.result.ruleID != rhs.result.ruleID { return lhs.result.ruleID < rhs.result.ruleID }
            return lhs.caseID.uuidString < rhs.caseID.uuidString
        }
        let page = Array(alerts.dropFirst(offset).prefix(limit))
        return (page, day, offset + page.count < alerts.count)
    }

    public func acknowledge(
        caseID: UUID, ruleID: String, note: String, by caller: Caller, requestID: String?,
        idempotency: IdempotencyRequest?, response: @Sendable (Acknowledgement) throws -> IdempotencyRecord.Response
    ) async throws -> Replayable<Acknowledgement> {
        try require(caller.role.acknowledgesAlerts, caller, "acknowledge alerts")
        if let stored = try await store.replay(idempotency, caller: caller.actor) { return .replay(stored) }
        _ = try await cases.visibleCase(caseID, caller)
        guard policy.rules.contains(where: { $0.rule.id == ruleID && $0.enabled }) else {
            throw ServiceError.notFound("rule \(ruleID) is not in force")
        }
        let text = note.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty, text.count <= Case.maxNoteLength else {
            throw ServiceError.invalid(ValidationError(.invalidField, field: "/note", "an acknowledgement needs a note of 1 to \(Case.maxNoteLength) characters"))
        }
        try validate { () throws(ValidationError) in try PersonalDataGuard.check(text, field: "/note") }
        let now = cases.clock.stamp
        let acknowledgement = Acknowledgement(id: UUID(), caseID: caseID, ruleID: ruleID, note: text, acknowledgedBy: caller.actor, acknowledgedAt: now)
        let audit = AuditEvent(at: now, actor: caller.actor, agency: caller.agency, role: caller.role.rawValue, action: "alert.acknowledge", caseID: caseID, requestID: requestID)
        do {
            try await store.addAcknowledgement(
                acknowledgement, audit: audit, idempotency: try idempotency.record(caller: caller.actor) { try response(acknowledgement) }
            )
        } catch StoreError.idempotencyKeyTaken {
            return try await store.replayAfterRace(idempotency, caller: caller.actor)
        }
        return .fresh(acknowledgement)
    }
}
