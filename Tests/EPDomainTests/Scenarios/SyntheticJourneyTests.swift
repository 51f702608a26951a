import EPDomain
import Foundation
import Testing

/// The demo data goes through the same validation as the API, so the generator must produce
/// journeys the product accepts, the same ones for the same seed, and journeys a leader would
/// recognise: a minority placed with EP carers, varying with the service's practice.
@Suite struct SyntheticJourneyTests {
    static let today = CalendarDate(iso: "2026-11-23")!

    /// `count` journeys recorded one milestone at a time, as `eptrack demo` imports them
    /// (nothing after today), with how many milestones were offered and accepted.
    static func record(
        seed: UInt64, count: Int, practice: SyntheticJourneys.Practice = .typical
    ) -> (cases: [Case], offered: Int, accepted: Int) {
        var generator = SyntheticJourneys(seed: seed)
        var offered = 0
        var accepted = 0
        let cases = (0..<count).map { number in
            let (profile, milestones) = generator.next(startingBefore: today, practice: practice)
            var subject = Case(id: UUID(), reference: "DEMO-\(seed)-\(number)", localAuthority: "la-demo-north", profile: profile, createdAt: Date(timeIntervalSince1970: 0))
            for milestone in milestones where milestone.occurredOn <= today {
                offered += 1
                if let record = try? subject.record(.record(milestone), id: UUID(), recordedBy: "demo", at: Date(timeIntervalSince1970: 0), asOf: today) {
                    subject.records.append(record)
                    accepted += 1
                }
            }
            return subject
        }
        return (cases, offered, accepted)
    }

    @Test func nearlyEverySyntheticMilestoneIsAcceptedAndTheSeedRepeats() throws {
        var first = SyntheticJourneys(seed: 42)
        var second = SyntheticJourneys(seed: 42)
        for number in 0..<200 {
            #expect(first.next(startingBefore: Self.today).milestones == second.next(startingBefore: Self.today).milestones, "journey \(number) repeats with the seed")
        }
        let (cases, offered, accepted) = Self.record(seed: 42, count: 300)
        #expect(Double(accepted) >= 0.99 * Double(offered), "\(accepted) of \(offered)")
        var states = Set<JourneyState>()
        var seen = Set<String>()
        for journey in cases.map(\.journey) {
            states.insert(journey.state)
            if journey.all(.epConsideration).contains(where: { $0.details == .epConsideration(outcome: .deferred, reason: nil) }) { seen.insert("deferral") }
            if journey.standingRecommendation() == nil, journey.epRecommendation != nil { seen.insert("withdrawn recommendation") }
            if journey.contains(.epPlacement), journey.endOfEPPlacement(at: 0)?.kind == .interimPlacement { seen.insert("ended placement") }
            if journey.contains(.placementConsent), !journey.contains(.proceedingsIssued) { seen.insert("consensual") }
            if let home = journey.firstOn(.reunification), let decided = journey.firstOn(.courtDecision), home < decided { seen.insert("home before the final hearing") }
            if journey.contains(.timetableExtension) { seen.insert("extended timetable") }
            if journey.contains(.placedForAdoption), !journey.livesWithEPCarers { seen.insert("placed with other adopters") }
        }
        #expect(states.isSuperset(of: [.adopted, .reunified, .placementOrder, .otherPermanence, .inProceedings, .preBirth, .closed]), "a realistic mix: \(states)")
        #expect(seen == [
            "deferral", "withdrawn recommendation", "ended placement", "consensual", "home before the final hearing",
            "extended timetable", "placed with other adopters",
        ], "\(seen)")
    }

    /// Issue 17 item 9: the demo gave an EP rate of 95–100% in every quarter and group, and a
    /// median of 8 days from entering care to moving in. Across England 3% to 35% of children
    /// with authority to place are with EP carers, and most children move at least once.
    @Test func theDemoLooksLikeARealService() throws {
        let request = DashboardRequest(from: .day("2024-07-01"), to: .day("2026-06-30"), asOf: .day("2026-09-30"), suppressSmallNumbers: false)
        var shares: [Double] = []
        for (seed, practice) in [(UInt64(7), SyntheticJourneys.Practice.established), (8, .developing)] {
            let (cases, _, _) = Self.record(seed: seed, count: 1_000, practice: practice)
            let d = DashboardBuilder.build(cases: cases, policy: Policies.england, request: request)
            let share = try #require(d.figure("ep_share", "", "rate")?.value)
            #expect((0.03...0.35).contains(share), "EP share \(share)")
            shares.append(share)
            // Not every recommendation leads to EP carers, nor is EP decided for every child.
            let conversion = try #require(d.figure("ep_conversion", "", "rate")?.value)
            #expect((0.2...0.85).contains(conversion), "EP conversion \(conversion)")
            #expect(try #require(d.figure("ep_considered", "", "rate")?.value) < 0.95)
            // Quarters differ, and none is near 100%.
            let quarters = d.figures.filter { $0.name == "ep_conversion" && $0.statistic == "rate" && !$0.period.isEmpty }.compactMap(\.value)
            #expect(quarters.allSatisfy { $0 < 0.95 }, "\(quarters)")
            #expect(Set(quarters).count > 1)
            // Months, not days, from entering care to moving in with the adopters (A10).
            #expect(try #require(d.figure("duration_days", "measure=entry_to_care_to_moving_in", "median")?.value) >= 150)
            #expect(try #require(d.figure("duration_days", "measure=entry_to_care_to_moving_in", "mean")?.value) >= 150)
            // Most proceedings overrun 26 weeks.
            #expect(try #require(d.figure("rule_compliance", "rule=S2-26-weeks", "rate")?.value) < 0.5)
            // Every outcome of an EP placement occurs.
            for outcome in ["adopted_by_ep_carers", "matched_with_ep_carers", "reunified", "ended_early", "other", "still_open"] {
                #expect((d.count("ep_placement_outcomes", "outcome=\(outcome)") ?? 0) > 0, "\(outcome)")
            }
            // Most children who enter care go to an interim placement first.
            let entered = cases.map(\.journey).filter { $0.contains(.enteredCare) }
            let interimFirst = entered.filter { journey in
                guard let interim = journey.firstOn(.interimPlacement) else { return false }
                return journey.firstOn(.epPlacement).map { interim <= $0 } ?? true
            }
            #expect(interimFirst.count * 2 > entered.count, "\(interimFirst.count) of \(entered.count)")
        }
        // The established service places far more children with EP carers than the developing one.
        #expect(shares[0] > shares[1] + 0.1, "\(shares)")
    }
}
