import EPStore
import EPDomain
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite struct AlertsAPITests {
    /// A baby born in August 2024 whose LA considered EP early in pre-proceedings, placed her
    /// with dual-approved carers, and whose carers adopted her: driven through the API from
    /// PLO to adoption order, with the alerts an IRO would have seen on three days.
    @Test(arguments: TestDatabase.all)
    func wholeJourneyFromPLOToAdoptionOrder(database: TestDatabase) async throws {
        try await TestWorld.run(on: database) { world, client in
            let id = try await client.openCase(in: world, reference: "NS-EP-2024-0311")
            let journey: [(String, String, String?)] = [
                ("birth", "2024-08-20", nil),
                ("plo_pre_proceedings", "2024-09-02", nil),
                ("ep_consideration", "2024-09-16", #"{"outcome":"recommended","reason":"Twin-track plan agreed at legal gateway"}"#),
                ("parents_informed_of_ep", "2024-09-18", nil),
                ("ep_carers_linked", "2024-09-25", #"{"route":"dual_approval"}"#),
                ("entered_care", "2024-09-27", nil),
                ("ep_placement", "2024-09-27", #"{"scheme":"ffa","placed_from":"birth_family"}"#),
                ("proceedings_issued", "2024-09-30", nil),
                ("family_time_plan", "2024-10-02", nil),
                ("court_decision", "2025-03-10", #"{"outcome":"placement_order"}"#),
                ("adoption_panel", "2025-04-01", #"{"outcome":"recommended"}"#),
                ("adm_match_decision", "2025-04-08", #"{"outcome":"approved","adopters":"ep_carers"}"#),
                ("adoption_order", "2025-06-20", nil),
            ]
            for (kind, date, details) in journey {
                let response = try await client.record(kind, on: date, details: details, caseID: id, in: world)
                #expect(response.status == .created, "\(kind): \(response.text)")
            }

            // 20 and 26 September 2024: EP is recommended, but the baby is at home and not yet
            // looked after, so no placement can lawfully happen yet: the clock has not started
            // (it starts at the latest of the recommendation, the birth and entering care).
            for day in ["2024-09-20", "2024-09-26"] {
                let before = try await results(client, world, id, asOf: day)
                #expect(before["S4-placement-after-recommendation"]?["status"] as? String == "pending", "\(day)")
                #expect(before["S4-placement-after-recommendation"]?["due_on"] == nil, "\(day)")
            }
            let early = try await results(client, world, id, asOf: "2024-09-20")
            #expect(early["S2-ep-considered-early"]?["status"] as? String == "met")
            // 27 September: in care and placed with the EP carers the same day.
            let placed = try await results(client, world, id, asOf: "2024-09-27")
            #expect(placed["S4-placement-after-recommendation"]?["status"] as? String == "met")
            #expect(placed["S4-placement-after-recommendation"]?["due_on"] as? String == "2024-10-11", "14 days from entering care")

            // After the adoption order every rule is met or not applicable.
            let after = try await results(client, world, id, asOf: "2025-06-30")
            #expect(after.values.allSatisfy { ["met", "not_applicable"].contains($0["status"] as? String) }, "\(after.mapValues { $0["status"] ?? "" })")
            #expect(after["S4-formal-match-timely"]?["status"] as? String == "met")
            #expect(after["S2-26-weeks"]?["status"] as? String == "met")
            #expect(after["S4-entry-to-family"]?["status"] as? String == "met")

            let view = try await client.send(.get, "/v1/cases/\(id)", as: .northshireIRO, in: world)
            #expect(try view.object()["state"] as? String == "adopted")
        }
    }

    @Test(arguments: TestDatabase.all)
    func theAlertListShowsOpenAlertsOfVisibleCasesMostOverdueFirst(database: TestDatabase) async throws {
        try await TestWorld.run(on: database) { world, client in
            let older = try await client.openCase(in: world, reference: "NS-EP-2025-0201")
            try await client.record("plo_pre_proceedings", on: "2025-06-02", caseID: older, in: world)
            let newer = try await client.openCase(in: world, reference: "NS-EP-2025-0202")
            try await client.record("plo_pre_proceedings", on: "2025-07-01", caseID: newer, in: world)
            let elsewhere = try await client.openCase(in: world, reference: "SM-EP-2025-0009", as: .southmoorSocialWorker, localAuthority: TestWorld.southmoor)
            try await client.record("plo_pre_proceedings", on: "2025-06-02", caseID: elsewhere, in: world, as: .southmoorSocialWorker)

            let list = try await client.send(.get, "/v1/alerts?status=overdue&rule_id=S2-ep-considered-early", as: .northshireIRO, in: world)
            #expect(list.status == .ok)
            let items = try #require(try list.object()["items"] as? [[String: Any]])
            #expect(items.compactMap { $0["case_id"] as? String } == [older, newer])

            // The RAA's head of service (an RAA has no IROs: they are the LA's).
            let raa = try await client.send(.get, "/v1/alerts?rule_id=S2-ep-considered-early", as: nil, in: world, headers: try await world.raaLeader())
            #expect((try raa.object()["items"] as? [[String: Any]])?.count == 2, "the RAA works for Northshire")

            let southmoor = try await client.send(.get, "/v1/alerts?rule_id=S2-ep-considered-early", as: .southmoorIRO, in: world)
            #expect((try southmoor.object()["items"] as? [[String: Any]])?.compactMap { $0["case_id"] as? String } == [elsewhere])

            let paged = try await client.send(.get, "/v1/alerts?rule_id=S2-ep-considered-early&limit=1", as: .northshireIRO, in: world)
            let cursor = try #require(try paged.object()["next_cursor"] as? String)
            let next = try await client.send(.get, "/v1/alerts?rule_id=S2-ep-considered-early&limit=1&cursor=\(cursor)", as: .northshireIRO, in: world)
            #expect((try next.object()["items"] as? [[String: Any]])?.first?["case_id"] as? String == newer)

            let socialWorker = try await client.send(.get, "/v1/alerts", as: .northshireSocialWorker, in: world)
            #expect(socialWorker.status == .forbidden)
        }
    }

    @Test(arguments: TestDatabase.all)
    func anIROAcknowledgesAnAlertWhichStaysOpen(database: TestDatabase) async throws {
        try await TestWorld.run(on: database) { world, client in
            let (id, path) = try await openCaseWithAnOverdueAlert(client, world)
            let note = #"{"note":"Raised at the second review; legal gateway booked"}"#
            let acknowledged = try await client.send(.post, path, as: .northshireIRO, in: world, json: note)
            #expect(acknowledged.status == .created, "\(acknowledged.text)")
            #expect(try acknowledged.object()["rule_id"] as? String == "S2-ep-considered-early")

            let alerts = try await results(client, world, id, asOf: nil)
            #expect(alerts["S2-ep-considered-early"]?["status"] as? String == "overdue", "an acknowledged alert stays open")
            #expect((alerts["S2-ep-considered-early"]?["acknowledgements"] as? [Any])?.count == 1)

            // The queue shows it too, so a colleague sees it has been looked at; another case's
            // alert of the same rule has none. The day before (a past day's list, evaluated, not
            // indexed), it had not been made.
            let other = try await client.openCase(in: world, reference: "NS-EP-2025-0143")
            try await client.record("plo_pre_proceedings", on: "2025-07-01", caseID: other, in: world)
            let noted = "Raised at the second review; legal gateway booked"
            let raaLeader = try await world.raaLeader()
            for (query, expected) in [("", [id: [noted], other: []]), ("&as_of=2025-08-31", [id: [], other: []])] {
                let list = try await client.send(.get, "/v1/alerts?rule_id=S2-ep-considered-early\(query)", as: nil, in: world, headers: raaLeader)
                let items = try #require(try list.object()["items"] as? [[String: Any]])
                let marks = Dictionary(uniqueKeysWithValues: items.map { item in
                    (item["case_id"] as? String ?? "", ((item["alert"] as? [String: Any])?["acknowledgements"] as? [[String: Any]] ?? []).compactMap { $0["note"] as? String })
                })
                #expect(marks == expected, "\(query): \(marks)")
            }

            #expect(try await client.send(.post, path, as: .northshireSocialWorker, in: world, json: note).status == .forbidden)
            #expect(try await client.send(.post, path, as: .southmoorIRO, in: world, json: note).status == .notFound)
            let blank = try await client.send(.post, path, as: .northshireIRO, in: world, json: #"{"note":"   "}"#)
            #expect(blank.status == .unprocessableContent)
            let unknownRule = try await client.send(.post, "/v1/cases/\(id)/alerts/S9-made-up/acknowledgements", as: .northshireIRO, in: world, json: note)
            #expect(unknownRule.status == .badRequest)
        }
    }

    /// An acknowledgement is of one alert: when the first viability assessment's deadline is met
    /// (late) and a second assessment's falls due under the same rule, the new alert has not been
    /// looked at, and neither the queue nor the case page marks it so. A past day shows only the
    /// acknowledgements made by then.
    @Test(arguments: TestDatabase.all)
    func anAcknowledgementIsOfOneDeadlineNotOfTheRule(database: TestDatabase) async throws {
        try await TestWorld.run(on: database) { world, client in
            let id = try await client.openCase(in: world)
            try await client.record("birth", on: "2025-06-01", caseID: id, in: world)
            try await client.record("viability_assessment", on: "2025-07-01", details: #"{"assessment":"VA-1","relationship":"maternal_family","status":"started"}"#, caseID: id, in: world)
            let path = "/v1/cases/\(id)/alerts/S2-viability-timely/acknowledgements"
            let first = try await client.send(.post, path, as: .northshireIRO, in: world, json: #"{"note":"VA-1 chased with the assessing social worker"}"#)
            #expect(first.status == .created, "\(first.text)")
            #expect(try first.object()["anchor_on"] as? String == "2025-07-01", "VA-1's clock, from its start")
            let iro = try await Browser.signedIn(as: .northshireIRO, in: world, client: client)
            #expect(try await iro.get("/alerts?rule=S2-viability-timely").text.contains("Last acknowledged on 1 September 2025"))

            // The IRO opens the acknowledge form for VA-1's alert, and VA-2 takes over meanwhile.
            let form = "/cases/\(id)/alerts/S2-viability-timely/acknowledge"
            let stale = try await iro.get(form)
            #expect(stale.text.contains(#"name="anchor_on" value="2025-07-01""#))
            try await client.record("viability_assessment", on: "2025-08-20", details: #"{"assessment":"VA-1","relationship":"maternal_family","status":"completed","outcome":"negative"}"#, caseID: id, in: world)
            try await client.record("viability_assessment", on: "2025-07-15", details: #"{"assessment":"VA-2","relationship":"paternal_family","status":"started"}"#, caseID: id, in: world)
            let list = try await client.send(.get, "/v1/alerts?rule_id=S2-viability-timely", as: .northshireIRO, in: world)
            let alert = try #require((try list.object()["items"] as? [[String: Any]])?.first?["alert"] as? [String: Any])
            #expect(alert["due_on"] as? String == "2025-08-26", "VA-2's deadline: \(alert)")
            #expect(alert["anchor_on"] as? String == "2025-07-15", "VA-2's clock")
            #expect((alert["acknowledgements"] as? [[String: Any]])?.compactMap { $0["anchor_on"] as? String } == ["2025-07-01"], "the history, with its clock")
            #expect(!(try await iro.get("/alerts?rule=S2-viability-timely").text.contains("Last acknowledged")), "VA-2's alert has not been looked at")
            #expect(!(try await iro.get("/cases/\(id)").text.contains("Acknowledged: VA-1 chased")), "nor on the case page")

            // The stale form is refused, and shows the alert open now; so is an API call naming
            // the old clock.
            let key = try #require(stale.text.firstMatch(of: /name="idempotency_key" value="([^"]+)"/)).output.1
            let sent = try await iro.post(form, ["note": "VA-1 chased again", "anchor_on": "2025-07-01", "idempotency_key": String(key)], csrf: stale.csrfToken)
            #expect(sent.status == .conflict && sent.text.contains(#"name="anchor_on" value="2025-07-15""#) && sent.text.contains("VA-1 chased again"))
            let old = try await client.send(.post, path, as: .northshireIRO, in: world, json: #"{"note":"VA-1 chased again","anchor_on":"2025-07-01"}"#)
            #expect(old.status == .conflict && old.problemType == "alert-not-open" && old.problemField == "/anchor_on", "\(old.text)")
            #expect(try await client.send(.post, path, as: .northshireIRO, in: world, json: #"{"note":"VA-2 booked with the paternal aunt","anchor_on":"2025-07-15"}"#).status == .created)
            #expect(try await iro.get("/alerts?rule=S2-viability-timely").text.contains("Last acknowledged on 1 September 2025"))
            #expect(try await iro.get("/cases/\(id)").text.contains("Acknowledged: VA-2 booked"))

            // The day before: no acknowledgement had been made.
            let before = try await client.send(.get, "/v1/cases/\(id)/alerts?as_of=2025-08-31", as: .northshireIRO, in: world)
            let results = try #require(try before.object()["results"] as? [[String: Any]])
            #expect(results.allSatisfy { $0["acknowledgements"] == nil }, "\(before.text)")
            let listed = try await client.send(.get, "/v1/alerts?rule_id=S2-viability-timely&as_of=2025-08-31", as: .northshireIRO, in: world)
            #expect((try listed.object()["items"] as? [[String: Any]])?.allSatisfy { ($0["alert"] as? [String: Any])?["acknowledgements"] == nil } == true)
            // Null is "not checked", as absent is; a value that is no day is refused.
            #expect(try await client.send(.post, path, as: .northshireIRO, in: world, json: #"{"note":"VA-2 report chased","anchor_on":null}"#).status == .created)
            #expect(try await client.send(.post, path, as: .northshireIRO, in: world, json: #"{"note":"VA-2 report chased","anchor_on":"2025-02-30"}"#).status == .unprocessableContent)
        }
    }

    /// A past day's list (worked out by evaluating, not from the index) carries the
    /// acknowledgements made by then, one recorded before clocks were kept (no anchor_on) among
    /// them, and marks the alert with it as before.
    @Test(arguments: TestDatabase.all)
    func aPastDaysListCarriesTheAcknowledgementsMadeByThen(database: TestDatabase) async throws {
        try await TestWorld.run(on: database) { world, client in
            let (id, _) = try await openCaseWithAnOverdueAlert(client, world)
            let caseID = try #require(UUID(uuidString: id))
            let then = TestWorld.now.addingTimeInterval(-3 * 86_400)  // 29 August 2025
            let legacy = Acknowledgement(
                id: UUID(), caseID: caseID, ruleID: "S2-ep-considered-early", note: "Chased before clocks were kept",
                acknowledgedBy: "token:iro", acknowledgedAt: then, anchorOn: nil
            )
            try await world.backend.store.addAcknowledgement(legacy, audit: AuditEvent(
                id: UUID(), at: then, actor: "token:iro", agency: TestWorld.northshire, role: "iro", action: "alert.acknowledge", caseID: caseID
            ), idempotency: nil)
            for (day, expected) in [("2025-08-31", ["Chased before clocks were kept"]), ("2025-08-28", [])] {
                let list = try await client.send(.get, "/v1/alerts?rule_id=S2-ep-considered-early&as_of=\(day)", as: .northshireIRO, in: world)
                let alert = try #require((try list.object()["items"] as? [[String: Any]])?.first?["alert"] as? [String: Any], "\(day)")
                #expect(((alert["acknowledgements"] as? [[String: Any]]) ?? []).compactMap { $0["note"] as? String } == expected, "\(day)")
            }
            let iro = try await Browser.signedIn(as: .northshireIRO, in: world, client: client)
            #expect(try await iro.get("/alerts?rule=S2-ep-considered-early").text.contains("Last acknowledged on 29 August 2025"), "the rule's, as before")
        }
    }

    /// A past day's list holds the alerts of journeys open on that day, though they have ended
    /// since: a PLO meeting on 1 July 2025 with no EP consideration by the end of August, the
    /// case closed on 1 September (the family moved out of the area). Today's list has nothing
    /// of it; 31 August's has its overdue EP consideration.
    @Test(arguments: TestDatabase.all)
    func aPastDaysListHoldsJourneysThatHaveEndedSince(database: TestDatabase) async throws {
        try await TestWorld.run(on: database) { world, client in
            let (id, _) = try await openCaseWithAnOverdueAlert(client, world)
            try await client.record("case_closed", on: "2025-09-01", details: #"{"reason":"family moved out of the area"}"#, caseID: id, in: world)
            func listed(_ query: String) async throws -> [String] {
                let list = try await client.send(.get, "/v1/alerts?rule_id=S2-ep-considered-early\(query)", as: .northshireIRO, in: world)
                #expect(list.status == .ok, "\(list.text)")
                return (try list.object()["items"] as? [[String: Any]] ?? []).compactMap { $0["case_id"] as? String }
            }
            let today = try await listed("")
            #expect(today.isEmpty, "an ended journey has no alerts in today's list")
            let then = try await listed("&as_of=2025-08-31")
            #expect(then == [id], "open on 31 August, overdue then")
        }
    }

    /// A retry of an acknowledgement (its response lost, say) is answered as the first request
    /// was, even once the alert has closed in between: the retry is not a new acknowledgement.
    /// A new acknowledgement of the closed alert is refused.
    @Test(arguments: TestDatabase.all)
    func aRetriedAcknowledgementIsReplayedAfterTheAlertCloses(database: TestDatabase) async throws {
        try await TestWorld.run(on: database) { world, client in
            let (id, path) = try await openCaseWithAnOverdueAlert(client, world)
            let note = #"{"note":"Raised at the second review; legal gateway booked"}"#
            let key: HTTPFields = [HTTPField.Name("Idempotency-Key")!: "iro-ns-0142-ack-1"]
            let first = try await client.send(.post, path, as: .northshireIRO, in: world, json: note, headers: key)
            #expect(first.status == .created, "\(first.text)")

            try await client.record("ep_consideration", on: "2025-07-20", details: #"{"outcome":"recommended"}"#, caseID: id, in: world)
            let retry = try await client.send(.post, path, as: .northshireIRO, in: world, json: note, headers: key)
            #expect(retry.status == .created, "\(retry.text)")
            #expect(retry.text == first.text)
            let fresh = try await client.send(.post, path, as: .northshireIRO, in: world, json: note)
            #expect(fresh.status == .conflict)
            #expect((try await results(client, world, id, asOf: nil)["S2-ep-considered-early"]?["acknowledgements"] as? [Any])?.count == 1)
        }
    }

    /// Only an open alert can be acknowledged: a rule not applicable to the journey, or one met
    /// (or late) once its milestone is recorded, answers 409 and stores nothing.
    @Test(arguments: TestDatabase.all)
    func onlyOpenAlertsCanBeAcknowledged(database: TestDatabase) async throws {
        try await TestWorld.run(on: database) { world, client in
            let id = try await client.openCase(in: world)
            try await client.record("plo_pre_proceedings", on: "2025-07-01", caseID: id, in: world)
            let note = #"{"note":"Looked at this at the review"}"#
            let path = { (rule: String) in "/v1/cases/\(id)/alerts/\(rule)/acknowledgements" }

            var alerts = try await results(client, world, id, asOf: nil)
            #expect(alerts["S4-approval-before-placement"]?["status"] as? String == "not_applicable", "no EP placement yet")
            let notApplicable = try await client.send(.post, path("S4-approval-before-placement"), as: .northshireIRO, in: world, json: note)
            #expect(notApplicable.status == .conflict, "\(notApplicable.text)")
            #expect(try notApplicable.object()["type"] as? String == "/problems/alert-not-open")
            #expect(try notApplicable.object()["detail"] as? String
                == "S4-approval-before-placement is not applicable on this case today; only open alerts (overdue or due soon) are acknowledged")

            #expect(alerts["S2-ep-considered-early"]?["status"] as? String == "overdue")
            try await client.record("ep_consideration", on: "2025-07-20", details: #"{"outcome":"recommended"}"#, caseID: id, in: world)
            alerts = try await results(client, world, id, asOf: nil)
            let status = try #require(alerts["S2-ep-considered-early"]?["status"] as? String)
            #expect(status == "met" || status == "late", "EP considered: the alert has closed")
            let closed = try await client.send(.post, path("S2-ep-considered-early"), as: .northshireIRO, in: world, json: note)
            #expect(closed.status == .conflict, "\(closed.text)")
            #expect(try closed.object()["type"] as? String == "/problems/alert-not-open")

            alerts = try await results(client, world, id, asOf: nil)
            for rule in ["S4-approval-before-placement", "S2-ep-considered-early"] {
                let result = try #require(alerts[rule])
                #expect((result["acknowledgements"] as? [Any] ?? []).isEmpty, "nothing stored for \(rule)")
            }
        }
    }

    /// The alert list (from the alert index for today, by evaluation for a past day) agrees
    /// with every case's own results.
    @Test(arguments: TestDatabase.all)
    func theAlertListAgreesWithEachCasesOwnResults(database: TestDatabase) async throws {
        try await TestWorld.run(on: database) { world, client in
            // An unborn child whose pre-birth conference has not happened; a child in proceedings
            // with no EP consideration; a child placed in an interim placement after EP was
            // recommended; a child with a Reg 25A link awaiting the decision (due soon).
            let unborn = try await client.openCase(in: world, reference: "NS-EP-2025-0301", unborn: true)
            let proceedings = try await client.openCase(in: world, reference: "NS-EP-2025-0302")
            for (kind, date) in [("birth", "2025-03-02"), ("plo_pre_proceedings", "2025-04-01"), ("proceedings_issued", "2025-05-12")] {
                try await client.record(kind, on: date, caseID: proceedings, in: world)
            }
            let moved = try await client.openCase(in: world, reference: "NS-EP-2025-0303")
            try await client.record("birth", on: "2025-07-20", caseID: moved, in: world)
            try await client.record("ep_consideration", on: "2025-07-25", details: #"{"outcome":"recommended"}"#, caseID: moved, in: world)
            try await client.record("interim_placement", on: "2025-08-01", details: #"{"placement_type":"foster_care"}"#, caseID: moved, in: world)
            let linked = try await client.openCase(in: world, reference: "NS-EP-2025-0304")
            try await client.record("ep_carers_linked", on: "2025-08-29", details: #"{"route":"reg25a"}"#, caseID: linked, in: world)

            for asOf in [nil, "2025-08-15", "2025-09-03"] {
                var expected: Set<String> = []
                for id in [unborn, proceedings, moved, linked] {
                    for (rule, result) in try await results(client, world, id, asOf: asOf) where ["overdue", "due_soon"].contains(result["status"] as? String) {
                        expected.insert("\(id) \(rule)")
                    }
                }
                let query = asOf.map { "?as_of=\($0)&limit=100" } ?? "?limit=100"
                let list = try await client.send(.get, "/v1/alerts\(query)", as: .northshireIRO, in: world)
                let items = try #require(try list.object()["items"] as? [[String: Any]])
                let listed = Set(items.map { "\($0["case_id"] as? String ?? "") \(($0["alert"] as? [String: Any])?["rule_id"] as? String ?? "")" })
                #expect(listed == expected, "as_of \(asOf ?? "today")")
                #expect(!expected.isEmpty)
                let dues = items.compactMap { ($0["alert"] as? [String: Any])?["due_on"] as? String }
                #expect(dues == dues.sorted(), "most overdue first")
            }
        }
    }

    /// A born child in Northshire with PLO pre-proceedings on 2025-07-01 and no EP consideration:
    /// `S2-ep-considered-early` is overdue. Returns the case and that alert's acknowledgements.
    private func openCaseWithAnOverdueAlert(_ client: some TestClientProtocol, _ world: TestWorld) async throws -> (id: String, acknowledgements: String) {
        let id = try await client.openCase(in: world)
        try await client.record("plo_pre_proceedings", on: "2025-07-01", caseID: id, in: world)
        return (id, "/v1/cases/\(id)/alerts/S2-ep-considered-early/acknowledgements")
    }

    private func results(_ client: some TestClientProtocol, _ world: TestWorld, _ id: String, asOf: String?) async throws -> [String: [String: Any]] {
        let query = asOf.map { "?as_of=\($0)" } ?? ""
        let response = try await client.send(.get, "/v1/cases/\(id)/alerts\(query)", as: .northshireIRO, in: world)
        #expect(response.status == .ok, "\(response.text)")
        let results = try response.object()["results"] as? [[String: Any]] ?? []
        return Dictionary(uniqueKeysWithValues: results.map { ($0["rule_id"] as? String ?? "", $0) })
    }
}
