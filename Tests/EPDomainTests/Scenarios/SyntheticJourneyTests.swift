import EPDomain
import Foundation
import Testing

/// The demo data goes through the same validation as the API, so the generator must produce
/// journeys the product accepts, and the same ones for the same seed.
@Suite struct SyntheticJourneyTests {
    @Test func nearlyEverySyntheticMilestoneIsAcceptedAndTheSeedRepeats() throws {
        let today = CalendarDate(iso: "2026-11-23")!
        var first = SyntheticJourneys(seed: 42)
        var second = SyntheticJourneys(seed: 42)
        var offered = 0
        var accepted = 0
        var states = Set<JourneyState>()
        for number in 0..<200 {
            let (profile, milestones) = first.next(startingBefore: today)
            #expect(second.next(startingBefore: today).milestones == milestones, "journey \(number) repeats with the seed")
            var subject = Case(id: UUID(), reference: "DEMO-42-\(number)", localAuthority: "la-demo-north", profile: profile, createdAt: Date(timeIntervalSince1970: 0))
            for milestone in milestones where milestone.occurredOn <= today {
                offered += 1
                if let record = try? subject.record(.record(milestone), id: UUID(), recordedBy: "demo", at: Date(timeIntervalSince1970: 0), asOf: today) {
                    subject.records.append(record)
                    accepted += 1
                }
            }
            states.insert(subject.journey.state)
        }
        #expect(Double(accepted) >= 0.95 * Double(offered), "\(accepted) of \(offered)")
        #expect(states.isSuperset(of: [.adopted, .reunified, .placementOrder]), "a realistic mix: \(states)")
    }
}
