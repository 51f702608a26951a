import EPDomain
import EPStore
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// The pages a social worker, an IRO, a leader and an admin use, through the same services as
/// the API, on both databases: what they show, what they refuse, and that a refusal stores nothing.
@Suite struct WebPagesTests {
    @Test(arguments: TestDatabase.all)
    func aSocialWorkerOpensACaseAndRecordsAJourney(database: TestDatabase) async throws {
        try await TestWorld.run(on: database) { world, client in
            let browser = try await Browser.signedIn(as: .northshireSocialWorker, in: world, client: client)
            let home = try await browser.get("/")
            #expect(home.status == .seeOther && home.location == "/cases")
            let list = try await browser.get("/cases")
            #expect(list.text.contains("Signed in to <strong>Northshire County Council</strong> as a social worker"))
            #expect(list.text.contains(#"id="open-case""#))
            #expect(list.headers[.contentSecurityPolicy]?.contains("'unsafe-inline'") == false)
            #expect(list.headers[.cacheControl] == "no-store")
            // Ethnicity in the DfE's words, grouped, with the code a case management system shows.
            let new = try await browser.get("/cases/new")
            #expect(new.text.contains(#"<optgroup label="Black, African, Caribbean or Black British"><option value="BCRB">Caribbean (BCRB)</option><option value="BAFR">African (BAFR)</option>"#))

            let opened = try await browser.post("/cases", [
                "reference": "NS-EP-2025-0311", "local_authority": TestWorld.northshire, "unborn": "no", "sex": "female",
                "ethnicity": "BAFR", "sibling_group_size": "1", "disability": "no",
            ], from: "/cases/new")
            #expect(opened.status == .seeOther, "\(opened.text)")
            let casePath = try #require(opened.location?.split(separator: "?").first.map(String.init))
            let caseID = String(casePath.dropFirst("/cases/".count))

            for (kind, day, details) in [
                ("birth", "1 7 2025", [:]), ("entered_care", "3 7 2025", [:]), ("proceedings_issued", "10 7 2025", [:]),
                ("ep_consideration", "14 7 2025", ["details-outcome": "recommended"]),
                ("family_time", "28 8 2025", ["details-status": "attended", "details-supervised": "yes"]),
            ] {
                let parts = day.split(separator: " ").map(String.init)
                var fields = ["kind": kind, "occurred_on-day": parts[0], "occurred_on-month": parts[1], "occurred_on-year": parts[2]]
                fields.merge(details) { $1 }
                let saved = try await browser.post("\(casePath)/milestones", fields, from: "\(casePath)/milestones/new?kind=\(kind)")
                #expect(saved.status == .seeOther && saved.location == "\(casePath)?done=recorded", "\(kind): \(saved.status) \(saved.errorSummary)")
            }
            let page = try await browser.get(casePath)
            #expect(page.text.contains("Milestone saved") == false, "the banner only follows a save")
            #expect(page.text.matches(of: /class="timeline__item/).count == 5)
            #expect(page.text.contains("1 July 2025"), "dates as people write them")
            #expect(page.text.contains("African (BAFR)"))
            #expect(page.text.contains(#"id="rule-results""#) && page.text.contains("S2-26-weeks"))
            // The API sees the same journey: one write path.
            let api = try await client.send(.get, "/v1/cases/\(caseID)", as: .northshireIRO, in: world)
            #expect(try (api.object()["milestones"] as? [Any])?.count == 5)
        }
    }

    @Test(arguments: TestDatabase.all)
    func aRefusedMilestoneIsShownAgainstItsFieldAndStoresNothing(database: TestDatabase) async throws {
        try await TestWorld.run(on: database) { world, client in
            let id = try await client.openCase(in: world)
            try await client.record("birth", on: "2025-07-01", caseID: id, in: world)
            let browser = try await Browser.signedIn(as: .northshireSocialWorker, in: world, client: client)
            let form = "/cases/\(id)/milestones/new?kind=entered_care"
            // Entering care before the birth is impossible: the API's 409, the API's words.
            let before = try await browser.post("/cases/\(id)/milestones", [
                "kind": "entered_care", "occurred_on-day": "20", "occurred_on-month": "6", "occurred_on-year": "2025",
            ], from: form)
            #expect(before.status == .conflict)
            #expect(before.errorSummary.map(\.href) == ["occurred_on-day"], "\(before.errorSummary)")
            #expect(before.text.contains("form-group--error") && before.text.contains(#"value="20""#), "the typed values stay")
            #expect(before.text.contains(#"aria-describedby="occurred_on-hint occurred_on-error""#), "the error is read with the field")
            // A date that does not exist.
            let impossible = try await browser.post("/cases/\(id)/milestones", [
                "kind": "family_time", "occurred_on-day": "31", "occurred_on-month": "6", "occurred_on-year": "2025", "details-status": "attended",
            ], from: "/cases/\(id)/milestones/new?kind=family_time")
            #expect(impossible.status == .unprocessableContent && impossible.errorSummary.first?.href == "occurred_on-day")
            // A detail missing: the codec's message, linked to the radios.
            let missing = try await browser.post("/cases/\(id)/milestones", [
                "kind": "family_time", "occurred_on-day": "2", "occurred_on-month": "7", "occurred_on-year": "2025",
            ], from: "/cases/\(id)/milestones/new?kind=family_time")
            #expect(missing.status == .unprocessableContent)
            #expect(missing.errorSummary.first?.href == "details-status-attended", "\(missing.errorSummary)")
            let said = try #require(missing.errorSummary.first?.message)
            #expect(said.contains("cancelled by family") && !said.contains("_"), "the choices as the radios word them: \(said)")
            #expect(missing.text.contains(#"<fieldset aria-describedby="details-status-error">"#) && missing.text.contains(#"id="details-status-error""#))
            // Personal data in the note is refused as the API refuses it.
            let named = try await browser.post("/cases/\(id)/milestones", [
                "kind": "entered_care", "occurred_on-day": "3", "occurred_on-month": "7", "occurred_on-year": "2025", "note": "Birth mother's NHS no 943 476 5919 on the referral",
            ], from: form)
            #expect(named.status == .unprocessableContent && named.errorSummary.first?.href == "note", "\(named.errorSummary)")
            #expect(named.text.contains(#"aria-describedby="note-hint note-error""#) && named.text.contains(#"id="note-error""#))
            // Every error the form can find on its own, at once: no date, no status, a postcode.
            let three = try await browser.post("/cases/\(id)/milestones", [
                "kind": "family_time", "occurred_on-day": "", "occurred_on-month": "", "occurred_on-year": "", "note": "Session moved to NW1 4NP",
            ], from: "/cases/\(id)/milestones/new?kind=family_time")
            #expect(three.status == .unprocessableContent)
            #expect(three.errorSummary.map(\.href) == ["occurred_on-day", "details-status-attended", "note"], "\(three.errorSummary)")
            let api = try await client.send(.get, "/v1/cases/\(id)", as: .northshireIRO, in: world)
            #expect(try (api.object()["milestones"] as? [Any])?.count == 1, "nothing stored by any refusal")
        }
    }

    /// A born child's case, its social worker signed in, and the family time form they opened,
    /// filled in for a session on 2 July 2025 with the form's own idempotency key.
    static func familyTimeForm(
        _ world: TestWorld, _ client: some TestClientProtocol
    ) async throws -> (id: String, browser: Browser, form: TestResponse, fields: [String: String]) {
        let id = try await client.openCase(in: world)
        try await client.record("birth", on: "2025-07-01", caseID: id, in: world)
        let browser = try await Browser.signedIn(as: .northshireSocialWorker, in: world, client: client)
        let form = try await browser.get("/cases/\(id)/milestones/new?kind=family_time")
        let key = try #require(form.text.firstMatch(of: /name="idempotency_key" value="([^"]+)"/)).output.1
        let fields = ["kind": "family_time", "occurred_on-day": "2", "occurred_on-month": "7", "occurred_on-year": "2025",
                      "details-status": "attended", "idempotency_key": String(key)]
        return (id, browser, form, fields)
    }

    /// A yes/no question left unanswered, or answered with anything but yes or no, is refused,
    /// not stored as no; a form sent blank lists everything it lacks at once, in the form's order.
    @Test func aQuestionNotAnsweredIsNotReadAsNo() async throws {
        try await TestWorld.run(on: .sqlite) { world, client in
            let browser = try await Browser.signedIn(as: .northshireSocialWorker, in: world, client: client)
            let blank = try await browser.post("/cases", ["reference": "", "local_authority": TestWorld.northshire], from: "/cases/new")
            #expect(blank.status == .unprocessableContent)
            #expect(blank.errorSummary.map(\.href) == ["reference", "unborn-yes", "sex-male", "ethnicity", "disability-yes"], "\(blank.errorSummary)")
            let fields = ["reference": "NS-EP-2025-0400", "local_authority": TestWorld.northshire, "unborn": "no", "sex": "male", "ethnicity": "WBRI", "sibling_group_size": "1"]
            for disability in [nil, "maybe"] {
                var sent = fields
                sent["disability"] = disability
                let refused = try await browser.post("/cases", sent, from: "/cases/new")
                #expect(refused.status == .unprocessableContent && refused.errorSummary.map(\.href) == ["disability-yes"], "\(String(describing: disability))")
            }
            let list = try await client.send(.get, "/v1/cases", as: .northshireIRO, in: world)
            #expect((try list.object()["items"] as? [Any])?.isEmpty == true, "nothing opened")

            let id = try await client.openCase(in: world)
            try await client.record("birth", on: "2025-07-01", caseID: id, in: world)
            let form = "/cases/\(id)/milestones/new?kind=family_time"
            let session = ["kind": "family_time", "occurred_on-day": "2", "occurred_on-month": "7", "occurred_on-year": "2025", "details-status": "attended"]
            var unclear = session
            unclear["details-supervised"] = "maybe"
            let refused = try await browser.post("/cases/\(id)/milestones", unclear, from: form)
            #expect(refused.status == .unprocessableContent && refused.errorSummary.first?.href.hasPrefix("details-supervised") == true, "\(refused.errorSummary)")
            var supervised = session
            supervised["details-supervised"] = "yes"
            #expect(try await browser.post("/cases/\(id)/milestones", supervised, from: form).status == .seeOther)
            let stored = try await client.send(.get, "/v1/cases/\(id)", as: .northshireIRO, in: world)
            #expect(stored.text.contains(#""supervised":true"#), "\(stored.text)")
        }
    }

    @Test func aDoubleSubmittedFormRecordsOnce() async throws {
        try await TestWorld.run(on: .sqlite) { world, client in
            let (id, browser, form, fields) = try await Self.familyTimeForm(world, client)
            for _ in 0..<2 {
                #expect(try await browser.post("/cases/\(id)/milestones", fields, csrf: form.csrfToken).status == .seeOther)
            }
            let api = try await client.send(.get, "/v1/cases/\(id)", as: .northshireIRO, in: world)
            #expect(try (api.object()["milestones"] as? [Any])?.count == 2, "birth and one session of family time, not two")
        }
    }

    /// A list links to a next page only when there is one: 51 cases are a page of 50 with a
    /// link, then a page of one without; a filter that finds one case has no link either.
    @Test func aListLinksToANextPageOnlyWhenThereIsOne() async throws {
        try await TestWorld.run(on: .sqlite) { world, client in
            for number in 1...51 { _ = try await client.openCase(in: world, reference: "NS-EP-P\(number)") }
            let browser = try await Browser.signedIn(as: .northshireSocialWorker, in: world, client: client)
            let first = try await browser.get("/cases")
            let next = try #require(first.text.firstMatch(of: /<a href="(\/cases\?[^"]*after=[^"]+)">Next page of cases/)?.output.1)
            let second = try await browser.get(String(next).replacingOccurrences(of: "&amp;", with: "&"))
            #expect(second.status == .ok && !second.text.contains("Next page"), "the last page")
            let one = try await browser.get("/cases?reference=NS-EP-P7")
            #expect(one.text.contains("NS-EP-P7") && !one.text.contains("Next page"))
        }
    }

    /// The same form sent again with other values: a page saying so, the first sending kept.
    @Test func aFormSentAgainWithOtherValuesIsExplained() async throws {
        try await TestWorld.run(on: .sqlite) { world, client in
            var (id, browser, form, fields) = try await Self.familyTimeForm(world, client)
            #expect(try await browser.post("/cases/\(id)/milestones", fields, csrf: form.csrfToken).status == .seeOther)
            fields["occurred_on-day"] = "3"
            let again = try await browser.post("/cases/\(id)/milestones", fields, csrf: form.csrfToken)
            #expect(again.status == .unprocessableContent && again.text.contains("This form was sent before"), "\(again.status)")
            let api = try await client.send(.get, "/v1/cases/\(id)", as: .northshireIRO, in: world)
            #expect(try (api.object()["milestones"] as? [Any])?.count == 2, "the first sending kept, nothing more")
        }
    }

    /// A form for what can no longer be done says so before anyone fills it in: the correct and
    /// retract forms of a record already retracted, the acknowledge form of an alert not open.
    @Test func aFormForWhatCannotBeDoneSaysSoAtOnce() async throws {
        try await TestWorld.run(on: .sqlite) { world, client in
            let id = try await client.openCase(in: world)
            try await client.record("birth", on: "2025-07-01", caseID: id, in: world)
            let care = try await client.record("entered_care", on: "2025-07-04", caseID: id, in: world)
            let careID = try #require((try care.object()["milestone"] as? [String: Any])?["id"] as? String)
            let retraction = #"{"retract":true,"reason":"Recorded on the wrong case"}"#
            #expect(try await client.send(.post, "/v1/cases/\(id)/milestones/\(careID)/corrections", as: .northshireSocialWorker, in: world, json: retraction).status == .created)
            let browser = try await Browser.signedIn(as: .northshireSocialWorker, in: world, client: client)
            for action in ["retract", "correct"] {
                let page = try await browser.get("/cases/\(id)/milestones/\(careID)/\(action)")
                #expect(page.status == .conflict && page.text.contains("corrected or retracted since") && !page.text.contains(#"id="submit""#), "\(action)")
            }
            // An ended journey: the record form says so at once.
            let closed = try await client.openCase(in: world, reference: "NS-EP-2025-0150")
            try await client.record("case_closed", on: "2025-08-01", details: #"{"reason":"Child returned home under a supervision order"}"#, caseID: closed, in: world)
            for path in ["/cases/\(closed)/milestones/new", "/cases/\(closed)/milestones/new?kind=family_time"] {
                let page = try await browser.get(path)
                #expect(page.status == .conflict && page.text.contains("This journey has ended") && !page.text.contains(#"id="submit""#), "\(path)")
            }
            // Proceedings not issued: the 26 weeks are not running, so nothing to acknowledge.
            let iro = try await Browser.signedIn(as: .northshireIRO, in: world, client: client)
            let form = "/cases/\(id)/alerts/S2-26-weeks/acknowledge"
            let page = try await iro.get(form)
            #expect(page.text.contains(#"id="not-open""#) && !page.text.contains(#"id="submit""#))
            let sent = try await iro.post(form, ["note": "Checked at the review"], from: form)
            #expect(sent.status == .conflict && sent.text.contains(#"id="not-open""#))
        }
    }

    @Test func correctionsAndRetractionsShowInTheTimeline() async throws {
        try await TestWorld.run(on: .sqlite) { world, client in
            let id = try await client.openCase(in: world)
            try await client.record("birth", on: "2025-07-01", caseID: id, in: world)
            let care = try await client.record("entered_care", on: "2025-07-04", caseID: id, in: world)
            let careID = try #require((try care.object()["milestone"] as? [String: Any])?["id"] as? String)
            let browser = try await Browser.signedIn(as: .northshireSocialWorker, in: world, client: client)
            let noReason = try await browser.post("/cases/\(id)/milestones/\(careID)/correct", [
                "occurred_on-day": "3", "occurred_on-month": "7", "occurred_on-year": "2025",
            ], from: "/cases/\(id)/milestones/\(careID)/correct")
            #expect(noReason.status == .unprocessableContent && noReason.errorSummary.first?.href == "reason")
            // No reason and no date: both at once.
            let neither = try await browser.post("/cases/\(id)/milestones/\(careID)/correct", [
                "occurred_on-day": "", "occurred_on-month": "7", "occurred_on-year": "2025",
            ], from: "/cases/\(id)/milestones/\(careID)/correct")
            #expect(neither.status == .unprocessableContent && neither.errorSummary.map(\.href) == ["reason", "occurred_on-day"], "\(neither.errorSummary)")
            let corrected = try await browser.post("/cases/\(id)/milestones/\(careID)/correct", [
                "occurred_on-day": "3", "occurred_on-month": "7", "occurred_on-year": "2025", "reason": "Date taken from the wrong record",
            ], from: "/cases/\(id)/milestones/\(careID)/correct")
            #expect(corrected.status == .seeOther, "\(corrected.errorSummary)")
            let page = try await browser.get("/cases/\(id)")
            #expect(page.text.contains("timeline__item--superseded"), "the replaced record stays, struck through")
            #expect(page.text.contains(">Corrected</span>") && page.text.contains("Reason: Date taken from the wrong record"))
            let newID = try #require(page.text.firstMatch(of: /<li class="timeline__item" data-milestone-id="([^"]+)" data-kind="entered_care"/)).output.1
            let retracted = try await browser.post("/cases/\(id)/milestones/\(newID)/retract", ["reason": "Recorded on the wrong case"],
                                                   from: "/cases/\(id)/milestones/\(newID)/retract")
            #expect(retracted.status == .seeOther, "\(retracted.errorSummary)")
            #expect(try await browser.get("/cases/\(id)").text.contains("Retracted: Entered care"))
        }
    }

    @Test func aStaleProfileFormSaysSomeoneElseChangedTheCase() async throws {
        try await TestWorld.run(on: .sqlite) { world, client in
            let id = try await client.openCase(in: world)
            let browser = try await Browser.signedIn(as: .northshireSocialWorker, in: world, client: client)
            let form = try await browser.get("/cases/\(id)/profile")
            let version = try #require(form.text.firstMatch(of: /name="version" value="(\d+)"/)).output.1
            // Someone else changes the case through the API meanwhile.
            let other = try await client.send(.patch, "/v1/cases/\(id)", as: .northshireSocialWorker, in: world,
                                              json: #"{"sibling_group_size":2}"#, headers: [.ifMatch: "\"v1\""])
            #expect(other.status == .ok, "\(other.text)")
            let stale = try await browser.post("/cases/\(id)/profile", [
                "version": String(version), "sex": "female", "ethnicity": "WBRI", "sibling_group_size": "3", "disability": "no",
            ], csrf: form.csrfToken)
            #expect(stale.status == .conflict)
            #expect(stale.text.contains("Someone else changed this case"))
            #expect(stale.text.contains(#"name="sibling_group_size" type="text" inputmode="numeric" value="2""#), "the form shows the case as it is now")
            let api = try await client.send(.get, "/v1/cases/\(id)", as: .northshireIRO, in: world)
            #expect(api.text.contains(#""sibling_group_size":2"#), "no lost update")
        }
    }

    /// The profile form sent with a value it never offers is refused beside the field, not saved
    /// as if unchanged.
    @Test func aProfileFormWithAValueItNeverOffersIsRefused() async throws {
        try await TestWorld.run(on: .sqlite) { world, client in
            let id = try await client.openCase(in: world)
            let browser = try await Browser.signedIn(as: .northshireSocialWorker, in: world, client: client)
            let form = try await browser.get("/cases/\(id)/profile")
            let version = try #require(form.text.firstMatch(of: /name="version" value="(\d+)"/)).output.1
            let fields = ["version": String(version), "sex": "female", "ethnicity": "WBRI", "sibling_group_size": "1", "disability": "no"]
            for (name, value, target) in [("sex", "maybe", "sex-male"), ("ethnicity", "WHITE", "ethnicity"), ("disability", "maybe", "disability-yes")] {
                var sent = fields
                sent[name] = value
                let refused = try await browser.post("/cases/\(id)/profile", sent, csrf: form.csrfToken)
                #expect(refused.status == .unprocessableContent && refused.errorSummary.map(\.href) == [target], "\(name)=\(value): \(refused.status)")
            }
            let api = try await client.send(.get, "/v1/cases/\(id)", as: .northshireIRO, in: world)
            #expect(try api.object()["version"] as? Int == 1, "nothing saved")
        }
    }

    /// The profile form sent twice (a double click): the second sending finds the change already
    /// made and says it was saved, not that someone else changed the case.
    @Test func aProfileFormSentTwiceSaysItWasSaved() async throws {
        try await TestWorld.run(on: .sqlite) { world, client in
            let id = try await client.openCase(in: world)
            let browser = try await Browser.signedIn(as: .northshireSocialWorker, in: world, client: client)
            let form = try await browser.get("/cases/\(id)/profile")
            let version = try #require(form.text.firstMatch(of: /name="version" value="(\d+)"/)).output.1
            let fields = ["version": String(version), "sex": "female", "ethnicity": "WBRI", "sibling_group_size": "2", "disability": "no"]
            for sending in 1...2 {
                let answer = try await browser.post("/cases/\(id)/profile", fields, csrf: form.csrfToken)
                #expect(answer.status == .seeOther && answer.location?.hasSuffix("?done=profile") == true, "sending \(sending): \(answer.status)")
            }
            let api = try await client.send(.get, "/v1/cases/\(id)", as: .northshireIRO, in: world)
            #expect(try api.object()["version"] as? Int == 2, "changed once")
        }
    }

    @Test(arguments: TestDatabase.all)
    func anIROWorksThroughTheAlertQueue(database: TestDatabase) async throws {
        try await TestWorld.run(on: database) { world, client in
            let id = try await client.openCase(in: world)
            // Proceedings issued on 1 March 2025: the 26 weeks end on 29 August, so overdue on 1 September.
            try await client.record("birth", on: "2025-01-10", caseID: id, in: world)
            try await client.record("proceedings_issued", on: "2025-03-01", caseID: id, in: world)
            let iro = try await Browser.signedIn(as: .northshireIRO, in: world, client: client)
            let queue = try await iro.get("/alerts?status=overdue")
            #expect(queue.status == .ok && queue.text.contains("NS-EP-2025-0142") && queue.text.contains("S2-26-weeks"))
            #expect(queue.text.contains("tag--overdue\">Overdue"), "the status in words, colour only as a second signal")
            let form = "/cases/\(id)/alerts/S2-26-weeks/acknowledge"
            let empty = try await iro.post(form, ["note": ""], from: form)
            #expect(empty.status == .unprocessableContent && empty.errorSummary.first?.href == "note", "\(empty.text.prefix(300))")
            let done = try await iro.post(form, ["note": "Discussed at the review; legal to seek an extension"], from: form)
            #expect(done.status == .seeOther && done.location == "/alerts?done=acknowledged")
            let alerts = try await client.send(.get, "/v1/cases/\(id)/alerts", as: .northshireIRO, in: world)
            #expect(alerts.text.contains("legal to seek an extension"))
            let marked = try await iro.get("/alerts?status=overdue")
            #expect(marked.text.contains("Last acknowledged on 1 September 2025"), "the queue shows it has been looked at")
            // Read-only case page for the IRO.
            let page = try await iro.get("/cases/\(id)")
            #expect(page.status == .ok && !page.text.contains(#"id="record-milestone""#))
            let refused = try await iro.get("/cases/\(id)/milestones/new")
            #expect(refused.status == .forbidden)
            #expect(refused.text.contains("only social workers record milestones"), "the refusal says why")
            // A refusal from the services reads in words too ("social worker", not its code).
            let worker = try await Browser.signedIn(as: .northshireSocialWorker, in: world, client: client)
            let dashboard = try await worker.get("/dashboard")
            #expect(dashboard.status == .forbidden && dashboard.text.contains("the social worker role may not read dashboards"), "\(dashboard.text.prefix(3000))")
        }
    }

    @Test func aLeaderReadsTheDashboardAndDownloadsTheCSV() async throws {
        try await TestWorld.run(on: .sqlite) { world, client in
            let id = try await client.openCase(in: world)
            try await client.record("plo_pre_proceedings", on: "2025-01-15", caseID: id, in: world)
            let leader = try await Browser.signedIn(as: .northshireLeader, in: world, client: client)
            let page = try await leader.get("/dashboard")
            #expect(page.status == .ok && page.text.contains("<svg"), "the report's charts inside the page")
            #expect(page.text.contains(#"href="/dashboard.csv?from=2024-07-01&amp;to=2025-06-30""#), "the last four whole quarters by default")
            let csv = try await leader.get("/dashboard.csv?from=2025-01-01&to=2025-06-30")
            #expect(csv.status == .ok && csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(csv.headers[.contentDisposition]?.hasPrefix("attachment;") == true)
            #expect(csv.text.hasPrefix("figure,"))
            let api = try await client.send(.get, "/v1/dashboards/summary?from=2025-01-01&to=2025-06-30", as: .northshireLeader, in: world, headers: [.accept: "text/csv"])
            #expect(api.text == csv.text, "the same figures as the API")
            // A period the other way round (both ends chosen from the page's own lists), or too
            // long: the API's refusal beside the field, with the form to choose again (the CSV's
            // link gives the page), not an error page.
            for query in ["from=2025-07-01&to=2025-06-30", "from=1900-01-01&to=2100-12-31"] {
                for path in ["/dashboard", "/dashboard.csv"] {
                    let refused = try await leader.get("\(path)?\(query)")
                    #expect(refused.status == .unprocessableContent && refused.errorSummary.count == 1, "\(path)?\(query): \(refused.status)")
                    #expect(refused.text.contains(#"id="from" name="from""#) && refused.text.contains("figure"), "the form and figures")
                }
            }
        }
    }

    @Test func anAdminMakesATokenThatWorksAndRevokesIt() async throws {
        try await TestWorld.run(on: .sqlite) { world, client in
            let admin = try await Browser.signedIn(as: .northshireAdmin, in: world, client: client)
            let refused = try await admin.post("/admin/tokens", ["label": "", "days": "90"], from: "/admin")
            #expect(refused.status == .unprocessableContent && refused.errorSummary.map(\.href) == ["role-social_worker", "label"])
            let made = try await admin.post("/admin/tokens", ["role": "iro", "label": "Reviewing officers' dashboard feed", "days": "30"], from: "/admin")
            let secret = try #require(made.text.firstMatch(of: /id="token-secret">(ept_[^<]+)</)).output.1
            let read = try await client.execute(uri: "/v1/alerts", method: .get, headers: [.authorization: "Bearer \(secret)"])
            #expect(read.status == .ok)
            let overview = try await admin.get("/admin")
            let tokenID = try #require(overview.text.firstMatch(of: /action="\/admin\/tokens\/([0-9a-f-]+)\/revoke"/)).output.1
            #expect(try await admin.post("/admin/tokens/\(tokenID)/revoke", [:], csrf: overview.csrfToken).status == .seeOther)
            let after = try await client.execute(uri: "/v1/alerts", method: .get, headers: [.authorization: "Bearer \(secret)"])
            #expect(after.status == .unauthorized)
            // Another agency's admin cannot revoke it (or see it).
            let other = try await Browser.signedIn(as: .southmoorAdmin, in: world, client: client)
            let notTheirs = try await other.post("/admin/tokens/\(tokenID)/revoke", [:], from: "/admin")
            #expect(notTheirs.status == .notFound && notTheirs.text.contains("a token or partnership that is not your agency"))
        }
    }

    /// A filter value a page does not know (a link saved from an older version, a slip in a
    /// typed address) is said, beside its field, not ignored in silence; the results are shown
    /// without it.
    @Test func aFilterValueThePageDoesNotKnowIsSaid() async throws {
        try await TestWorld.run(on: .sqlite) { world, client in
            let id = try await client.openCase(in: world)
            let worker = try await Browser.signedIn(as: .northshireSocialWorker, in: world, client: client)
            let cases = try await worker.get("/cases?state=bogus")
            #expect(cases.status == .badRequest && cases.errorSummary.map(\.href) == ["state"] && cases.text.contains("/cases/\(id)"))
            #expect(cases.text.contains(#"aria-describedby="state-error""#) && cases.text.contains(#"id="state-error""#))
            #expect(try await worker.get("/cases?state=pre_proceedings").errorSummary.isEmpty)
            let iro = try await Browser.signedIn(as: .northshireIRO, in: world, client: client)
            let alerts = try await iro.get("/alerts?rule=S9-made-up&status=met")
            #expect(alerts.status == .badRequest && alerts.errorSummary.map(\.href) == ["rule", "status"], "\(alerts.errorSummary)")
            #expect(alerts.text.contains(#"id="rule" name="rule" aria-describedby="rule-error""#) && alerts.text.contains(#"id="status-error""#), "beside the filter")
            #expect(try await iro.get("/alerts?rule=S2-26-weeks&status=overdue").status == .ok)
            let leader = try await Browser.signedIn(as: .northshireLeader, in: world, client: client)
            for path in ["/dashboard?from=2025-02-10&to=2025-06-30", "/dashboard.csv?from=2025-01-01&to=bogus"] {
                let page = try await leader.get(path)
                #expect(page.status == .badRequest && page.headers[.contentType]?.hasPrefix("text/html") == true, "\(path): \(page.status)")
                #expect(page.errorSummary.map(\.href) == [path.contains("bogus") ? "to" : "from"], "\(path)")
            }
            #expect(try await leader.get("/dashboard?from=2025-01-01&to=2025-06-30").status == .ok)
            // Quarters the other way round: refused beside "to" in the page's words, the form
            // keeping the choice to correct, and no figures (another period's, under the quarters
            // chosen, would be read as theirs).
            let backwards = try await leader.get("/dashboard?from=2025-04-01&to=2024-12-31")
            #expect(backwards.status == .unprocessableContent && backwards.errorSummary.map(\.href) == ["to"], "\(backwards.errorSummary)")
            #expect(backwards.errorSummary.first?.message == "Choose a last quarter that is not before the first")
            #expect(backwards.text.contains(#"<option value="2025-04-01" selected>"#) && backwards.text.contains(#"<option value="2024-12-31" selected>"#), "the quarters chosen")
            #expect(!backwards.text.contains("/dashboard.csv") && !backwards.text.contains("class=\"report\""), "no figures")
            #expect(backwards.text.contains("Correct the period above to see its figures."))
            // Over ten years: the first quarter asked for is further back than the list offers,
            // and is offered, chosen, beside the message.
            let tooLong = try await leader.get("/dashboard?from=2014-01-01&to=2025-06-30")
            #expect(tooLong.status == .unprocessableContent && tooLong.errorSummary.map(\.href) == ["from"], "\(tooLong.errorSummary)")
            #expect(tooLong.text.contains(#"<option value="2014-01-01" selected>"#), "the quarter chosen")
        }
    }

    /// Ending a partnership takes the partner's access away at once: the End button leads to a
    /// page saying so, and only its confirmation changes anything.
    @Test func endingAPartnershipIsConfirmedFirst() async throws {
        try await TestWorld.run(on: .sqlite) { world, client in
            let id = try await client.openCase(in: world)
            let admin = try await Browser.signedIn(as: .northshireAdmin, in: world, client: client)
            let end = "/admin/partnerships/\(TestWorld.raa)/\(TestWorld.northshire)/end"
            #expect(try await admin.get("/admin").text.contains(#"href="\#(end)""#))
            let confirm = try await admin.get(end)
            #expect(confirm.status == .ok && confirm.text.contains("End the partnership with Coast and Vale Adoption?"))
            #expect(try await client.send(.get, "/v1/cases/\(id)", as: .raaSocialWorker, in: world).status == .ok, "nothing changed by looking")
            // Not another local authority's to end.
            let southmoor = try await Browser.signedIn(as: .southmoorAdmin, in: world, client: client)
            #expect(try await southmoor.get(end).status == .notFound)
            #expect(try await southmoor.post(end, [:], from: "/admin").status == .notFound, "nor ended by it")
            #expect(try await admin.post(end, [:], csrf: confirm.csrfToken).status == .seeOther)
            #expect(try await admin.post(end, [:], csrf: confirm.csrfToken).status == .seeOther, "sent twice: ended, as asked")
            #expect(try await client.send(.get, "/v1/cases/\(id)", as: .raaSocialWorker, in: world).status == .notFound)
            #expect(try await admin.get(end).status == .notFound, "nothing left to end")
            // A proposal is declined by the local authority and withdrawn by its maker.
            let pair = #"{"agency":"vaa-hearth","local_authority":"la-northshire"}"#
            #expect(try await client.send(.post, "/v1/partnerships", as: .vaaAdmin, in: world, json: pair).status == .created)
            let proposal = "/admin/partnerships/\(TestWorld.vaa)/\(TestWorld.northshire)/end"
            #expect(try await admin.get(proposal).text.contains("Decline the proposal?"))
            let vaa = try await Browser.signedIn(as: .vaaAdmin, in: world, client: client)
            #expect(try await vaa.get(proposal).text.contains("Withdraw the proposal?"))
            let overview = try await admin.get("/admin")
            for sending in 1...2 {
                let accepted = try await admin.post("/admin/partnerships/\(TestWorld.vaa)/\(TestWorld.northshire)/accept", [:], csrf: overview.csrfToken)
                #expect(accepted.status == .seeOther, "sending \(sending): accepted, as asked")
            }
            #expect(try await client.send(.get, "/v1/cases/\(id)", as: .vaaSocialWorker, in: world).status == .ok, "accepted on the page")
            // The RAA proposes again; Northshire declines on the confirmation page: nothing starts.
            let again = #"{"agency":"raa-coast-and-vale","local_authority":"la-northshire"}"#
            #expect(try await client.send(.post, "/v1/partnerships", as: .raaAdmin, in: world, json: again).status == .created)
            let decline = try await admin.get(end)
            #expect(decline.text.contains("Decline the proposal?"))
            #expect(try await admin.post(end, [:], csrf: decline.csrfToken).status == .seeOther)
            #expect(try await admin.get(end).status == .notFound, "declined")
            #expect(try await client.send(.get, "/v1/cases/\(id)", as: .raaSocialWorker, in: world).status == .notFound)
        }
    }

    /// A double click on "Make token" makes one token, not two with one secret never seen: the
    /// second sending says the token was made already, shows no secret, and offers to revoke it.
    @Test(arguments: TestDatabase.all)
    func theTokenFormSentTwiceMakesOneToken(database: TestDatabase) async throws {
        try await TestWorld.run(on: database) { world, client in
            let admin = try await Browser.signedIn(as: .northshireAdmin, in: world, client: client)
            let page = try await admin.get("/admin")
            let key = try #require(page.text.firstMatch(of: /name="idempotency_key" value="([^"]+)"/)).output.1
            var fields = ["role": "social_worker", "label": "Case management feed", "days": "90", "idempotency_key": String(key)]
            let first = try await admin.post("/admin/tokens", fields, csrf: page.csrfToken)
            let secret = try #require(first.text.firstMatch(of: /id="token-secret">(ept_[^<]+)</)).output.1
            let second = try await admin.post("/admin/tokens", fields, csrf: page.csrfToken)
            #expect(second.status == .ok && second.text.contains("This token was made already"))
            #expect(!second.text.contains("token-secret") && !second.text.contains(String(secret)), "the secret is never shown twice")
            let tokens = try await world.backend.store.tokens(agency: TestWorld.northshire).filter { $0.label == "Case management feed" }
            #expect(tokens.count == 1)
            // Its revoke button works, and the token then stops working.
            let tokenID = try #require(second.text.firstMatch(of: /action="\/admin\/tokens\/([0-9a-f-]+)\/revoke"/)).output.1
            #expect(tokenID == Substring(try #require(tokens.first).id.uuidString.lowercased()))
            #expect(try await admin.post("/admin/tokens/\(tokenID)/revoke", [:], csrf: second.csrfToken).status == .seeOther)
            let read = try await client.execute(uri: "/v1/alerts", method: .get, headers: [.authorization: "Bearer \(secret)"])
            #expect(read.status == .unauthorized)
            // Sent a third time, the page says the token is revoked and offers nothing to revoke.
            let third = try await admin.post("/admin/tokens", fields, csrf: page.csrfToken)
            #expect(third.text.contains("it is revoked") && !third.text.contains("/revoke\""))
            // The same form with another label is refused: the first sending was kept.
            fields["label"] = "Another feed"
            let changed = try await admin.post("/admin/tokens", fields, csrf: page.csrfToken)
            #expect(changed.status == .unprocessableContent && changed.text.contains("This form was sent before"), "\(changed.status)")
            #expect(try await world.backend.store.tokens(agency: TestWorld.northshire).filter { $0.label == "Another feed" }.isEmpty)
        }
    }
}
