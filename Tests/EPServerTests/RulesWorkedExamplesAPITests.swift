import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// The worked examples of the rules (docs/design.md §3, Policies/README.md), recorded through
/// the API as a social worker would and read back as an IRO would, on both databases.
@Suite struct RulesWorkedExamplesAPITests {
    typealias Step = (kind: String, on: String, details: String?)

    /// Records each step, each one 201, and returns the case's id.
    static func journey(_ steps: [Step], in world: TestWorld, client: any TestClientProtocol) async throws -> String {
        let id = try await client.openCase(in: world)
        for step in steps {
            let response = try await client.record(step.kind, on: step.on, details: step.details, caseID: id, in: world)
            #expect(response.status == .created, "\(step.kind) on \(step.on): \(response.text)")
        }
        return id
    }

    /// Every rule's result on the case as of `day`, by rule id.
    static func results(_ id: String, asOf day: String, in world: TestWorld, client: any TestClientProtocol) async throws -> [String: [String: Any]] {
        let response = try await client.send(.get, "/v1/cases/\(id)/alerts?as_of=\(day)", as: .northshireIRO, in: world)
        let items = try #require(try response.object()["results"] as? [[String: Any]], "\(response.text)")
        return Dictionary(uniqueKeysWithValues: items.compactMap { item in (item["rule_id"] as? String).map { ($0, item) } })
    }

    @Test(arguments: TestDatabase.all)
    func aDeferralDoesNotSilenceSequentialPlanning(database: TestDatabase) async throws {
        try await TestWorld.run(on: database) { world, client in
            let id = try await Self.journey([
                ("birth", "2025-01-13", nil),
                ("plo_pre_proceedings", "2025-03-03", nil),
                ("viability_assessment", "2025-03-10", #"{"assessment":"VA-1","relationship":"maternal_family","status":"started"}"#),
                ("viability_assessment", "2025-03-10", #"{"assessment":"VA-2","relationship":"paternal_family","status":"started"}"#),
                ("ep_consideration", "2025-03-17", #"{"outcome":"deferred","reason":"Wait for the viability assessments"}"#),
                ("viability_assessment", "2025-04-14", #"{"assessment":"VA-1","relationship":"maternal_family","status":"completed","outcome":"negative"}"#),
                ("viability_assessment", "2025-04-22", #"{"assessment":"VA-2","relationship":"paternal_family","status":"completed","outcome":"negative"}"#),
                ("proceedings_issued", "2025-04-28", nil),
                ("ep_consideration", "2025-05-06", #"{"outcome":"recommended"}"#),
            ], in: world, client: client)
            let results = try await Self.results(id, asOf: "2025-05-12", in: world, client: client)
            let sequential = try #require(results["S2-sequential-planning"])
            #expect(sequential["status"] as? String == "late")
            #expect(sequential["due_on"] as? String == "2025-04-22")
            #expect(sequential["days_overdue"] as? Int == 14)
            let early = try #require(results["S2-ep-considered-early"])
            #expect(early["status"] as? String == "late")
            #expect(early["due_on"] as? String == "2025-03-31")
            #expect(early["days_overdue"] as? Int == 36)
            let beforeIssue = try #require(results["S2-ep-before-issue"])
            #expect(beforeIssue["status"] as? String == "late")
            #expect(beforeIssue["days_overdue"] as? Int == 8)
        }
    }

    /// The first proposed adopters were declined by the ADM on 13 March 2025; the next went to
    /// panel on 5 June and were approved on 12 June: every step 201, the case formally matched,
    /// each panel decided in time (7 working days), the formal match late against its 4 months
    /// from the placement order (due 2 April). A third decision with no panel of its own is 409.
    @Test(arguments: TestDatabase.all)
    func aMatchThatFellThroughGoesToPanelAgain(database: TestDatabase) async throws {
        try await TestWorld.run(on: database) { world, client in
            let id = try await Self.journey([
                ("birth", "2024-06-03", nil),
                ("proceedings_issued", "2024-06-10", nil),
                ("entered_care", "2024-06-10", nil),
                ("court_decision", "2024-12-02", #"{"outcome":"placement_order"}"#),
                ("adoption_panel", "2025-03-06", #"{"outcome":"recommended"}"#),
                ("adm_match_decision", "2025-03-13", #"{"outcome":"declined","adopters":"other"}"#),
                ("adoption_panel", "2025-06-05", #"{"outcome":"recommended"}"#),
                ("panel_minutes_received", "2025-06-09", nil),
                ("adm_match_decision", "2025-06-12", #"{"outcome":"approved","adopters":"other"}"#),
            ], in: world, client: client)
            let subject = try await client.send(.get, "/v1/cases/\(id)", as: .northshireIRO, in: world)
            #expect(try subject.object()["state"] as? String == "formally_matched")
            let results = try await Self.results(id, asOf: "2025-06-20", in: world, client: client)
            #expect(results["S4-adm-after-panel"]?["status"] as? String == "met")
            let match = try #require(results["S4-formal-match-timely"])
            #expect(match["status"] as? String == "late" && match["due_on"] as? String == "2025-04-02", "\(match)")
            let third = try await client.record("adm_match_decision", on: "2025-07-01", details: #"{"outcome":"approved","adopters":"other"}"#, caseID: id, in: world)
            #expect(third.status == .conflict && third.problemField == "/occurred_on", "\(third.text)")
        }
    }

    @Test(arguments: TestDatabase.all)
    func theTwentySixWeeksBeginWithTheDayOfIssue(database: TestDatabase) async throws {
        try await TestWorld.run(on: database) { world, client in
            let id = try await Self.journey([
                ("birth", "2024-11-18", nil),
                ("proceedings_issued", "2025-01-06", nil),
                ("court_decision", "2025-07-07", #"{"outcome":"placement_order"}"#),
            ], in: world, client: client)
            let lastDay = try #require(try await Self.results(id, asOf: "2025-07-06", in: world, client: client)["S2-26-weeks"])
            #expect(lastDay["status"] as? String == "due_soon")
            #expect(lastDay["due_on"] as? String == "2025-07-06")
            #expect(lastDay["days_remaining"] as? Int == 0)
            let dayAfter = try #require(try await Self.results(id, asOf: "2025-07-07", in: world, client: client)["S2-26-weeks"])
            #expect(dayAfter["status"] as? String == "late")
            #expect(dayAfter["days_overdue"] as? Int == 1)
        }
    }

    @Test(arguments: TestDatabase.all)
    func anExtensionGrantedLateRunsFromTheDayItWasGranted(database: TestDatabase) async throws {
        // Today is 1 October 2025, after the decision.
        try await TestWorld.run(on: database, now: Date(timeIntervalSince1970: 1_759_309_200)) { world, client in
            let id = try await Self.journey([
                ("birth", "2024-11-18", nil),
                ("proceedings_issued", "2025-01-06", nil),
                ("timetable_extension", "2025-07-28", #"{"weeks":8}"#),
                ("court_decision", "2025-09-16", #"{"outcome":"placement_order"}"#),
            ], in: world, client: client)
            let result = try #require(try await Self.results(id, asOf: "2025-09-16", in: world, client: client)["S2-26-weeks"])
            #expect(result["status"] as? String == "met")
            #expect(result["due_on"] as? String == "2025-09-22")
        }
    }

    @Test(arguments: TestDatabase.all)
    func aReg25ADeclinedOverEaster(database: TestDatabase) async throws {
        try await TestWorld.run(on: database) { world, client in
            let id = try await Self.journey([
                ("birth", "2025-04-07", nil),
                ("proceedings_issued", "2025-04-09", nil),
                ("entered_care", "2025-04-09", nil),
                ("interim_placement", "2025-04-09", #"{"placement_type":"foster_care"}"#),
                ("ep_consideration", "2025-04-14", #"{"outcome":"recommended"}"#),
                ("ep_carers_linked", "2025-04-17", #"{"route":"reg25a"}"#),
            ], in: world, client: client)
            let pending = try #require(try await Self.results(id, asOf: "2025-04-25", in: world, client: client)["S4-reg25a-timely"])
            #expect(pending["status"] as? String == "due_soon")
            #expect(pending["due_on"] as? String == "2025-04-28", "Good Friday and Easter Monday are not working days")
            for step: Step in [
                ("reg25a_decision", "2025-04-28", #"{"outcome":"declined"}"#),
                ("ep_carers_linked", "2025-05-06", #"{"route":"dual_approval"}"#),
                ("ep_placement", "2025-05-08", #"{"scheme":"ffa","placed_from":"interim_care"}"#),
            ] {
                let response = try await client.record(step.kind, on: step.on, details: step.details, caseID: id, in: world)
                #expect(response.status == .created, "\(step.kind): \(response.text)")
            }
            let results = try await Self.results(id, asOf: "2025-05-12", in: world, client: client)
            #expect(results["S4-approval-before-placement"]?["status"] as? String == "met")
            let placement = try #require(results["S4-placement-after-recommendation"])
            #expect(placement["status"] as? String == "late")
            #expect(placement["due_on"] as? String == "2025-04-28")
            #expect(placement["days_overdue"] as? Int == 10)
        }
    }

    /// Consent is authority to place; a Part 19 application for the court's guidance is not.
    @Test(arguments: TestDatabase.all)
    func aFormalMatchNeedsAuthorityToPlace(database: TestDatabase) async throws {
        try await TestWorld.run(on: database) { world, client in
            let id = try await Self.journey([
                ("birth", "2025-02-03", nil),
                ("adoption_request", "2025-02-10", nil),
                ("entered_care", "2025-02-12", nil),
                ("section_19_application", "2025-02-20", nil),
                ("adoption_panel", "2025-04-01", #"{"outcome":"recommended"}"#),
            ], in: world, client: client)
            let refused = try await client.record("adm_match_decision", on: "2025-04-03", details: #"{"outcome":"approved","adopters":"other"}"#, caseID: id, in: world)
            #expect(refused.status == .conflict, "\(refused.text)")
            #expect(refused.problemType == "chronology-conflict")
            #expect(try await client.record("placement_consent", on: "2025-03-10", details: #"{"outcome":"given"}"#, caseID: id, in: world).status == .created)
            let matched = try await client.record("adm_match_decision", on: "2025-04-03", details: #"{"outcome":"approved","adopters":"other"}"#, caseID: id, in: world)
            #expect(matched.status == .created, "\(matched.text)")
        }
    }
}
