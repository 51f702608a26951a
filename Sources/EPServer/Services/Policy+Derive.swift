import EPDomain
import EPStore
import Foundation

extension Policy {
    /// What is stored beside a case, worked out once from the journey the domain handed back
    /// (`Case.revised`): the rules' results, for the answer, and the derived data (state, alert
    /// index entries, digest), for the store. Every path that stores a case works it out here:
    /// a write through the API, the import, and the alert index rebuild after a policy change.
    func derive(caseID: UUID, journey: Journey, asOf: CalendarDate) -> (results: [RuleResult], derived: DerivedData) {
        let results = evaluate(journey, asOf: asOf)
        return (results, DerivedData(state: journey.state, alerts: AlertIndex.entries(caseID: caseID, results), digest: JourneyDigest(journey)))
    }
}
