import EPDomain
import EPStore
import Foundation

/// The application's use cases for cases and milestones. Every call takes the caller, checks
/// what it may do and see, lets the domain decide, and stores the result in one transaction.
public struct CaseService: Sendable {
    let store: any Store
    let policy: Policy
    let clock: Clock
    /// How long a milestone write keeps re-reading and re-validating while other writes to the
    /// same case get in first, before it answers 409 `concurrent-update`. Each attempt costs a
    /// read and a write; twenty writes to one case at once all get through well within it.
    static let writeBudget: Duration = .seconds(5)

    public init(store: any Store, policy: Policy, clock: Clock) {
        self.store = store
        self.policy = policy
        self.clock = clock
    }

    // MARK: Cases

    public func open(
        _ draft: NewCase, by caller: Caller, requestID: String?, idempotency: IdempotencyRequest?,
        response: @escaping @Sendable (CaseView) throws -> IdempotencyRecord.Response
    ) async throws -> Replayable<CaseView> {
        try require(caller.role.writesCases, caller, "open cases")
        // Visibility first: a replay must not answer a caller who can no longer open cases there.
        try check(draft, by: caller)
        return try await store.idempotentWrite(idempotency, caller: caller.actor, at: clock.stamp, response: response) { stored in
            if let agency = draft.adoptionAgency { try await requireAdoptionAgency(agency, for: draft.localAuthority) }
            let now = clock.stamp
            let subject = Case(
                id: UUID.random(), reference: draft.reference, localAuthority: draft.localAuthority,
                adoptionAgency: draft.adoptionAgency, profile: draft.profile, createdAt: now
            )
            let (view, derived) = viewAndDerived(of: subject, journey: subject.journey, acknowledgements: [], asOf: clock.today)
            let audit = AuditEvent(caller, "case.create", at: now, caseID: subject.id, requestID: requestID)
            try await store.insertCase(subject, derived: derived, audit: audit, idempotency: try stored(view))
            return view
        }
    }

    public func view(caseID: UUID, by caller: Caller, asOf: CalendarDate?, requestID: String?) async throws -> CaseView {
        try await store.session { store in
            let service = self.on(store)
            let subject = try await service.visibleCase(caseID, caller)
            try await store.recordAudit(AuditEvent(caller, "case.read", at: clock.stamp, caseID: caseID, requestID: requestID))
            let day = asOf ?? clock.today
            let acknowledgements = try await store.acknowledgements(caseIDs: [caseID]).filter { $0.isMade(by: day) }
            return service.view(of: subject, acknowledgements: acknowledgements, asOf: day)
        }
    }

    public func list(
        by caller: Caller, state: JourneyState?, localAuthority: String?, reference: String? = nil, limit: Int, after cursor: CaseCursor?,
        requestID: String?
    ) async throws -> [CaseSummary] {
        try require(caller.role.readsCases, caller, "read cases")
        try await store.recordAudit(AuditEvent(caller, "cases.list", at: clock.stamp, requestID: requestID))
        var visible = caller.visibleLocalAuthorities
        if let localAuthority { visible = visible.intersection([localAuthority]) }
        // A search no reference can match (characters a reference never has, a NUL among them,
        // which PostgreSQL's text cannot even hold) finds nothing, without asking the database.
        if let reference, (try? ProfileValidator.checkFormat(reference: reference)) == nil { return [] }
        return try await store.listCases(CaseQuery(localAuthorities: visible, state: state, reference: reference, limit: limit, after: cursor))
    }

    public func update(
        caseID: UUID, _ update: CaseUpdate, ifMatch: String?, by caller: Caller, requestID: String?
    ) async throws -> CaseView {
        try require(caller.role.writesCases, caller, "change cases")
        return try await store.session { store in
            try await self.on(store).update(caseID: caseID, update, ifMatch: ifMatch, caller: caller, requestID: requestID)
        }
    }

    /// Whether `If-Match` names this version: one entity tag or a list of them (RFC 9110
    /// §13.1.1), a weak tag taken as its strong one (a proxy that compresses answers weakens the
    /// tags it passes on). Not `*`: an edit names the version it was made from, so that none
    /// overwrites another it has not seen.
    static func names(_ etag: String, ifMatch: String) -> Bool {
        ifMatch.split(separator: ",").contains { listed in
            let tag = listed.trimmingCharacters(in: .whitespaces)
            return tag == etag || tag == "W/" + etag
        }
    }

    private func update(caseID: UUID, _ update: CaseUpdate, ifMatch: String?, caller: Caller, requestID: String?) async throws -> CaseView {
        var subject = try await visibleCase(caseID, caller)
        guard let ifMatch else { throw ServiceError.preconditionRequired }
        guard Self.names(subject.etag, ifMatch: ifMatch) else { throw ServiceError.preconditionFailed(currentETag: subject.etag) }
        if let agency = update.adoptionAgency { try await requireAdoptionAgency(agency, for: subject.localAuthority) }
        let expected = subject.version
        if let month = update.expectedBirthMonth { try ProfileValidator.check(expectedBirth: month, today: clock.today) }
        subject = update.applied(to: subject)
        subject.version += 1
        let profile = subject.profile
        try ProfileValidator.check(profile)
        let audit = AuditEvent(caller, "case.update", at: clock.stamp, caseID: caseID, requestID: requestID)
        let (view, derived) = viewAndDerived(
            of: subject, journey: subject.journey, acknowledgements: try await store.acknowledgements(caseIDs: [caseID]), asOf: clock.today
        )
        guard try await store.updateCase(subject, expectedVersion: expected, derived: derived, audit: audit) else {
            throw ServiceError.preconditionFailed(currentETag: "\"v\(expected + 1)\"")
        }
        return view
    }

    // MARK: Milestones

    /// Records a milestone or a correction, re-validating against the latest journey if another
    /// write to the same case got in first.
    public func record(
        _ change: CaseChange, caseID: UUID, by caller: Caller, requestID: String?, idempotency: IdempotencyRequest?,
        response: @escaping @Sendable (RecordedMilestone) throws -> IdempotencyRecord.Response
    ) async throws -> Replayable<RecordedMilestone> {
        try require(caller.role.writesCases, caller, "record milestones")
        let deadline = ContinuousClock.now + Self.writeBudget
        return try await store.session { store in
            let service = self.on(store)
            var lost = 0
            repeat {
                let outcome = try await service.recordOnce(
                    change, caseID: caseID, caller: caller, requestID: requestID, idempotency: idempotency, response: response
                )
                if let outcome { return outcome }
                // Apart by a random wait that grows with each loss (up to 1, 2, 4 … 32 ms), so that
                // writers that lost together do not collide again, and many writers to one case
                // spread out instead of one of them losing every time until the budget runs out.
                lost += 1
                try await Task.sleep(for: .microseconds(Int.random(in: 0...(1000 << min(lost - 1, 5)))))
            } while ContinuousClock.now < deadline
            throw ServiceError.concurrentUpdate
        }
    }

    /// One attempt, on the session's connection: nil if another write to the case got in
    /// between reading it and writing.
    private func recordOnce(
        _ change: CaseChange, caseID: UUID, caller: Caller, requestID: String?, idempotency: IdempotencyRequest?,
        response: @escaping @Sendable (RecordedMilestone) throws -> IdempotencyRecord.Response
    ) async throws -> Replayable<RecordedMilestone>? {
        // Visibility first: after a partnership ends, a replay must not return the case's state.
        let subject = try await visibleCase(caseID, caller)
        do {
            return try await store.idempotentWrite(idempotency, caller: caller.actor, at: clock.stamp, response: response) { stored in
                let now = clock.stamp
                let today = clock.today
                // The domain checks the change against the journey it makes, and hands that
                // journey back: everything below is worked out from it, once.
                let revision = try subject.revised(by: change, id: UUID.random(), recordedBy: caller.actor, at: now, asOf: today)
                let milestone = revision.record
                let (results, derived) = policy.derive(caseID: caseID, journey: revision.journey, asOf: today)
                let result = RecordedMilestone(
                    caseID: caseID, milestone: milestone, state: derived.state,
                    openAlerts: results.filter(\.status.isOpen), findings: DataQuality.findings(in: revision.journey)
                )
                let action = milestone.correction == nil ? "milestone.record" : (milestone.correction!.retracted ? "milestone.retract" : "milestone.correct")
                let audit = AuditEvent(caller, action, at: now, caseID: caseID, milestoneID: milestone.id, requestID: requestID)
                guard try await store.appendMilestone(
                    milestone, to: subject, expectedVersion: subject.version, derived: derived, audit: audit, idempotency: try stored(result)
                ) else { throw LostRace() }
                return result
            }
        } catch is LostRace {
            return nil
        }
    }

    /// Another write to the case claimed its next version between our read and our write.
    private struct LostRace: Error {}

    // MARK: Shared

    /// The same service working through `store` (a session's, so that one request's reads and
    /// writes share one connection lease).
    func on(_ store: any Store) -> CaseService {
        CaseService(store: store, policy: policy, clock: clock)
    }

    /// A new case's own checks: an opaque reference, a valid profile, an LA the caller works for.
    func check(_ draft: NewCase, by caller: Caller) throws {
        try ProfileValidator.check(reference: draft.reference)
        try ProfileValidator.check(draft.profile)
        if let month = draft.profile.expectedBirthMonth { try ProfileValidator.check(expectedBirth: month, today: clock.today) }
        guard caller.visibleLocalAuthorities.contains(draft.localAuthority) else {
            throw ValidationError(.invalidField, field: "/local_authority", "you do not work for the local authority \(draft.localAuthority)")
        }
    }

    func visibleCase(_ caseID: UUID, _ caller: Caller) async throws -> Case {
        try require(caller.role.readsCases, caller, "read cases")
        guard let subject = try await store.findCase(id: caseID), caller.canSee(localAuthority: subject.localAuthority) else {
            throw ServiceError.notFound("no case \(caseID.uuidString.lowercased()) that you can see")
        }
        return subject
    }

    func view(of subject: Case, acknowledgements: [Acknowledgement], asOf: CalendarDate) -> CaseView {
        viewAndDerived(of: subject, journey: subject.journey, acknowledgements: acknowledgements, asOf: asOf).view
    }

    /// The case as the API shows it and what is stored beside it (`Policy.derive`).
    private func viewAndDerived(
        of subject: Case, journey: Journey, acknowledgements: [Acknowledgement], asOf: CalendarDate
    ) -> (view: CaseView, derived: DerivedData) {
        let (results, derived) = policy.derive(caseID: subject.id, journey: journey, asOf: asOf)
        let view = CaseView(
            subject: subject, state: derived.state, openAlerts: results.filter(\.status.isOpen),
            acknowledgements: acknowledgements, findings: DataQuality.findings(in: journey), results: results
        )
        return (view, derived)
    }

    /// The agency working on a case must be an RAA or VAA in partnership with its local
    /// authority: one that is not cannot see the case it would be named on.
    private func requireAdoptionAgency(_ id: String, for localAuthority: String) async throws {
        guard let access = try await store.access(agency: id), access.type != .la else {
            throw ValidationError(.invalidField, field: "/adoption_agency", "\(id) is not a known RAA or VAA")
        }
        guard access.partners.contains(localAuthority) else {
            throw ValidationError(.invalidField, field: "/adoption_agency", "\(id) has no active partnership with \(localAuthority)")
        }
    }

}

func require(_ allowed: Bool, _ caller: Caller, _ action: String) throws {
    // In words ("social worker"), as the pages show the refusal too.
    guard allowed else { throw ServiceError.forbidden("the \(caller.role.rawValue.replacingOccurrences(of: "_", with: " ")) role may not \(action)") }
}

