import EPDomain
import EPStore
import Foundation

/// Timeliness alerts: every rule's result for one case, the open alerts across the cases a
/// caller can see, and IROs' acknowledgements.
public struct AlertService: Sendable {
    let cases: CaseService
    let heavy: HeavyWork
    var store: any Store { cases.store }
    var policy: Policy { cases.policy }

    public init(cases: CaseService, heavy: HeavyWork) {
        self.cases = cases
        self.heavy = heavy
    }

    public func results(caseID: UUID, by caller: Caller, asOf: CalendarDate?, requestID: String?) async throws -> CaseAlertsView {
        try await store.session { store in
            let subject = try await cases.on(store).visibleCase(caseID, caller)
            let day = asOf ?? cases.clock.today
            try await store.recordAudit(AuditEvent(caller, "alerts.read", at: cases.clock.stamp, caseID: caseID, requestID: requestID))
            return CaseAlertsView(
                caseID: caseID, asOf: day, results: policy.evaluate(subject.journey, asOf: day),
                acknowledgements: try await store.acknowledgements(caseIDs: [caseID]).filter { $0.isMade(by: day) }
            )
        }
    }

    /// Where a page of the alert list starts: a position in the alert index (today and later),
    /// or an offset into a full evaluation (a day in the past).
    public enum PagePosition: Sendable, Equatable {
        case index(AlertCursor)
        case offset(Int)
    }

    /// Open alerts on open journeys, most overdue first (then soonest due).
    ///
    /// For today or a later day the alert index finds the open alerts, and only the cases on
    /// the page are loaded and evaluated. For a past day the index cannot say (milestones since
    /// then may have closed alerts that were open, or ended the journey), so every visible case
    /// whose journey was open on that day is evaluated.
    public func openAlerts(
        by caller: Caller, status: RuleStatus?, ruleID: String?, asOf: CalendarDate?, limit: Int, from position: PagePosition?,
        requestID: String?
    ) async throws -> (items: [CaseAlert], asOf: CalendarDate, next: PagePosition?) {
        try require(caller.role == .iro || caller.role == .leader, caller, "list alerts across cases")
        try await store.recordAudit(AuditEvent(caller, "alerts.list", at: cases.clock.stamp, requestID: requestID))
        let today = cases.clock.today
        let day = asOf ?? today
        var page: (items: [CaseAlert], asOf: CalendarDate, next: PagePosition?)
        if day >= today {
            switch position {
            case .offset?: throw ServiceError.badParameter(field: "cursor", detail: "cursor belongs to another as_of; start again without it")
            case .index(let cursor)?: page = try await fromIndex(caller, status, ruleID, day, limit, after: cursor)
            case nil: page = try await fromIndex(caller, status, ruleID, day, limit, after: nil)
            }
        } else {
            if case .index? = position { throw ServiceError.badParameter(field: "cursor", detail: "cursor belongs to another as_of; start again without it") }
            let offset: Int = if case .offset(let offset)? = position { offset } else { 0 }
            page = try await byEvaluation(caller, status, ruleID, day, limit, offset)
        }
        // Each alert with its rule's acknowledgements made by that day, as the case's own alerts
        // show them: one read for the page's cases.
        let made = try await store.acknowledgements(caseIDs: Array(Set(page.items.map(\.caseID)))).filter { $0.isMade(by: page.asOf) }
        let acknowledgements = Dictionary(grouping: made) {
            AlertKey(caseID: $0.caseID, ruleID: $0.ruleID)
        }
        for index in page.items.indices {
            page.items[index].acknowledgements = acknowledgements[AlertKey(caseID: page.items[index].caseID, ruleID: page.items[index].result.ruleID)] ?? []
        }
        return page
    }

    private struct AlertKey: Hashable {
        let caseID: UUID
        let ruleID: String
    }

    private func fromIndex(
        _ caller: Caller, _ status: RuleStatus?, _ ruleID: String?, _ day: CalendarDate, _ limit: Int, after cursor: AlertCursor?
    ) async throws -> (items: [CaseAlert], asOf: CalendarDate, next: PagePosition?) {
        let entries = try await store.alertIndexPage(AlertIndexQuery(
            localAuthorities: caller.visibleLocalAuthorities, asOf: day, status: status, ruleID: ruleID, limit: limit, after: cursor
        ))
        let loaded = Dictionary(uniqueKeysWithValues: try await store.findCases(ids: Array(Set(entries.map(\.caseID)))).map { ($0.id, $0) })
        let items = entries.compactMap { entry -> CaseAlert? in
            guard let subject = loaded[entry.caseID],
                  let result = policy.evaluate(subject.journey, asOf: day, ruleID: entry.ruleID), result.status.isOpen else { return nil }
            return CaseAlert(caseID: subject.id, reference: subject.reference, localAuthority: subject.localAuthority, result: result)
        }
        let next = entries.count == limit ? entries.last.map { PagePosition.index(AlertCursor(dueOn: $0.dueOn, ruleID: $0.ruleID, caseID: $0.caseID)) } : nil
        return (items, day, next)
    }

    private func byEvaluation(
        _ caller: Caller, _ status: RuleStatus?, _ ruleID: String?, _ day: CalendarDate, _ limit: Int, _ offset: Int
    ) async throws -> (items: [CaseAlert], asOf: CalendarDate, next: PagePosition?) {
        let policy = policy
        let alerts = try await heavy.admit {
            // Every case, and those whose journey was open on the day kept: one adopted or home
            // since then still had that day's alerts (a case's stored state is today's).
            let all = try await store.allCases(in: caller.visibleLocalAuthorities)
            return try await heavy.compute {
                var alerts: [CaseAlert] = []
                for subject in all {
                    let journey = subject.journey.asOf(day)
                    guard journey.state.isOpen else { continue }
                    for result in policy.evaluate(journey, asOf: day) where result.status.isOpen {
                        if let status, result.status != status { continue }
                        if let ruleID, result.ruleID != ruleID { continue }
                        alerts.append(CaseAlert(caseID: subject.id, reference: subject.reference, localAuthority: subject.localAuthority, result: result))
                    }
                }
                // The index's order: by due date, then rule, then case.
                alerts.sort { lhs, rhs in
                    let left = (lhs.result.dueOn?.dayNumber ?? .min, lhs.result.ruleID, lhs.caseID.uuidString)
                    let right = (rhs.result.dueOn?.dayNumber ?? .min, rhs.result.ruleID, rhs.caseID.uuidString)
                    return left < right
                }
                return alerts
            }
        }
        let page = Array(alerts.dropFirst(offset).prefix(limit))
        return (page, day, offset + page.count < alerts.count ? .offset(offset + page.count) : nil)
    }

    /// `anchorOn`, when given, is the day the alert the IRO read counted from: refused if the
    /// rule's open alert now counts from another.
    public func acknowledge(
        caseID: UUID, ruleID: String, note: String, anchorOn: CalendarDate? = nil, by caller: Caller, requestID: String?,
        idempotency: IdempotencyRequest?, response: @escaping @Sendable (Acknowledgement) throws -> IdempotencyRecord.Response
    ) async throws -> Replayable<Acknowledgement> {
        try require(caller.role.acknowledgesAlerts, caller, "acknowledge alerts")
        return try await store.session { store in
            try await AlertService(cases: cases.on(store), heavy: heavy).acknowledge(
                caseID: caseID, ruleID: ruleID, note: note, anchorOn: anchorOn, caller: caller, requestID: requestID, idempotency: idempotency,
                response: response
            )
        }
    }

    /// The acknowledgement itself, on the session's connection.
    private func acknowledge(
        caseID: UUID, ruleID: String, note: String, anchorOn shown: CalendarDate?, caller: Caller, requestID: String?,
        idempotency: IdempotencyRequest?, response: @escaping @Sendable (Acknowledgement) throws -> IdempotencyRecord.Response
    ) async throws -> Replayable<Acknowledgement> {
        // Visibility first: after a partnership ends, a replay must not answer for the case.
        let subject = try await cases.visibleCase(caseID, caller)
        return try await store.idempotentWrite(idempotency, caller: caller.actor, at: cases.clock.stamp, response: response) { stored in
            guard let result = policy.evaluate(subject.journey, asOf: cases.clock.today, ruleID: ruleID) else {
                throw ServiceError.notFound("rule \(ruleID) is not in force")
            }
            // An acknowledgement says an IRO has seen an alert; a rule that is met, late, pending
            // or not applicable today has nothing to see.
            guard result.status.isOpen else { throw ServiceError.alertNotOpen(ruleID: ruleID, status: result.status) }
            if let shown, shown != result.anchorOn { throw ServiceError.alertMoved(ruleID: ruleID, shown: shown, open: result.anchorOn) }
            let text = try FreeText.check(note, field: "/note", limit: Case.maxNoteLength)
            let now = cases.clock.stamp
            let acknowledgement = Acknowledgement(id: UUID.random(), caseID: caseID, ruleID: ruleID, note: text, acknowledgedBy: caller.actor, acknowledgedAt: now, anchorOn: result.anchorOn)
            let audit = AuditEvent(caller, "alert.acknowledge", at: now, caseID: caseID, requestID: requestID)
            try await store.addAcknowledgement(acknowledgement, audit: audit, idempotency: try stored(acknowledgement))
            return acknowledgement
        }
    }
}
