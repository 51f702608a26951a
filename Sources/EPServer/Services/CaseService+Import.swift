import EPDomain
import EPStore
import Foundation

extension CaseService {
    /// Opens whole journeys at once (the demo's synthetic ones) and stores them in one
    /// transaction. Each step goes through the same domain checks as the API: a step the
    /// journey so far makes impossible is skipped, as a social worker's would be refused, and
    /// nothing dated after today is recorded. Returns the cases and milestones stored.
    public func importJourneys(
        _ journeys: [(draft: NewCase, steps: [MilestoneInput])], by caller: Caller
    ) async throws -> (cases: Int, milestones: Int) {
        try require(caller.role.writesCases, caller, "open cases")
        let now = clock.stamp
        let today = clock.today
        var imported: [ImportedCase] = []
        imported.reserveCapacity(journeys.count)
        for (draft, steps) in journeys {
            try check(draft, by: caller)
            var subject = Case(
                id: UUID.random(), reference: draft.reference, localAuthority: draft.localAuthority,
                adoptionAgency: draft.adoptionAgency, profile: draft.profile, createdAt: now
            )
            var journey = subject.journey
            // The same revision as a milestone written through the API, one step at a time.
            for step in steps where step.occurredOn <= today {
                guard let revision = try? subject.revised(by: .record(step), id: UUID.random(), recordedBy: caller.actor, at: now, asOf: today) else { continue }
                subject = revision.subject
                journey = revision.journey
            }
            // Only what is stored is worked out: no view (data quality findings) is built.
            imported.append(ImportedCase(
                subject: subject, derived: policy.derive(caseID: subject.id, journey: journey, asOf: today).derived,
                audit: AuditEvent(caller, "case.import", at: now, caseID: subject.id, requestID: nil)
            ))
        }
        try await store.importCases(imported)
        return (imported.count, imported.reduce(0) { $0 + $1.subject.records.count })
    }
}
