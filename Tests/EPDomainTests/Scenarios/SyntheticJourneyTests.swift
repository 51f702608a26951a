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
        var seen = Set<String>()
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
            let journey = subject.journey
            states.insert(journey.state)
            if journey.all(.epConsideration).contains(where: { $0.details == .epConsideration(outcome: .deferred, reason: nil) }) { seen.insert("deferral") }
            if journey.standingEPDecision?.details == .epConsideration(outcome: .notSuitable, reason: nil) { seen.insert("withdrawn recommendation") }
            if journey.all(.epPlacement).count > 1, journey.endOfEPPlacement(at: 0) != nil { seen.insert("ended placement") }
            if journey.contains(.placementConsent), !journey.contains(.proceedingsIssued) { seen.insert("consensual") }
            if let home = journey.firstOn(.reunification), let decided = journey.firstOn(.courtDecision), home < decided { seen.insert("home before the final hearing") }
        }
        #expect(Double(accepted) >= 0.95 * Double(offered), "\(accepted) of \(offered)")
        #expect(states.isSuperset(of: [.adopted, .reunified, .placementOrder, .otherPermanence]), "a realistic mix: \(states)")
        #expect(seen == ["deferral", "withdrawn recommendation", "ended placement", "consensual", "home before the final hearing"], "\(seen)")
    }
}
