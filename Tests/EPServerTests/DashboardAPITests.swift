import EPDomain
import EPServer
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// Leaders' figures over the cases they may see: exact for an LA's own cases, small numbers
/// suppressed for any view spanning agencies, JSON or CSV.
@Suite struct DashboardAPITests {
    /// The counts a summary publishes (not rates, averages or percentiles), by
    /// `figure|breakdown|period|statistic`: nil when withheld.
    static func counts(_ summary: [String: Any]) -> [String: Double?] {
        var counts: [String: Double?] = [:]
        for figure in summary["figures"] as? [[String: Any]] ?? [] where ["count", "n", "pending", "met", "late", "overdue"].contains(figure["statistic"] as? String) {
            counts["\(figure["figure"] ?? "")|\(figure["breakdown"] ?? "")|\(figure["period"] ?? "")|\(figure["statistic"] ?? "")"] = figure["value"] as? Double
        }
        return counts
    }

    @Test(arguments: TestDatabase.all)
    func anLALeaderSeesExactFiguresForItsOwnCases(database: TestDatabase) async throws {
        try await TestWorld.run(on: database) { world, client in
            for number in 1...3 {
                let id = try await client.openCase(in: world, reference: "NS-EP-2025-07\(number)")
                try await client.record("plo_pre_proceedings", on: "2025-07-0\(number)", caseID: id, in: world)
            }
            let other = try await client.openCase(in: world, reference: "SM-EP-2025-0701", as: .southmoorSocialWorker, localAuthority: TestWorld.southmoor)
            try await client.record("plo_pre_proceedings", on: "2025-07-01", caseID: other, in: world, as: .southmoorSocialWorker)

            let response = try await client.send(.get, "/v1/dashboards/summary?from=2025-07-01&to=2025-09-30", as: .northshireLeader, in: world)
            #expect(response.status == .ok, "\(response.text)")
            let body = try response.object()
            #expect(body["small_numbers_suppressed"] as? Bool == false)
            let figures = try #require(body["figures"] as? [[String: Any]])
            let states = figures.filter { $0["figure"] as? String == "cases_by_state" }
            // Three Northshire cases in pre-proceedings; Southmoor's case is not counted.
            let preProceedings = states.first { $0["breakdown"] as? String == "state=pre_proceedings" }
            #expect(preProceedings?["value"] as? Double == 3)
            let total = states.first { $0["breakdown"] as? String == "" }
            #expect(total?["value"] as? Double == 3, "the total counts Northshire's cases only")
            #expect(states.filter { $0["breakdown"] as? String != "" }.compactMap { $0["value"] as? Double }.reduce(0, +) == 3)
            #expect((body["definitions"] as? [[String: Any]])?.isEmpty == false)

            let csv = try await client.send(.get, "/v1/dashboards/summary?from=2025-07-01&to=2025-09-30", as: .northshireLeader, in: world, headers: [.accept: "text/csv"])
            #expect(csv.status == .ok)
            #expect(csv.headers[.contentType] == "text/csv; charset=utf-8")
            #expect(csv.text.hasPrefix("figure,breakdown,period,statistic,value,numerator,denominator,suppressed"))
            #expect(csv.text.contains("cases_by_state,state=pre_proceedings,"))
        }
    }

    @Test(arguments: TestDatabase.all)
    func thePrintableReportIsOneSelfContainedPageWithItsCharts(database: TestDatabase) async throws {
        try await TestWorld.run(on: database) { world, client in
            let id = try await client.openCase(in: world, reference: "NS-EP-2025-0901")
            for (kind, date, details) in [
                ("birth", "2025-06-02", nil), ("plo_pre_proceedings", "2025-06-10", nil),
                ("ep_consideration", "2025-06-20", #"{"outcome":"recommended"}"#),
                ("ep_placement", "2025-06-30", #"{"scheme":"ffa","placed_from":"birth_family"}"#),
            ] as [(String, String, String?)] {
                try await client.record(kind, on: date, details: details, caseID: id, in: world)
            }
            let report = try await client.send(.get, "/v1/dashboards/summary?from=2025-01-01&to=2025-12-31", as: .northshireLeader, in: world, headers: [.accept: "text/html"])
            #expect(report.status == .ok)
            #expect(report.headers[.contentType] == "text/html; charset=utf-8")
            let html = report.text
            #expect(html.hasPrefix("<!DOCTYPE html>"))
            #expect(html.components(separatedBy: "<svg").count - 1 == 5, "EP conversion, EP share and EP considered (by quarter and breakdown), durations, rule compliance")
            #expect(html.contains("@page { size: A4"))
            #expect(!html.contains("<script"), "no scripts")
            #expect(!html.contains("src=") && !html.contains("<link"), "nothing loaded from elsewhere")
            #expect(html.contains("<dt>ep_conversion</dt>"), "definitions underneath")
            // Figures by their titles, ids beside them.
            #expect(html.contains("<h2>EP conversion (ep_conversion)</h2>") && html.contains("<h2>EP share (ep_share)</h2>"))
            #expect(html.contains("<h2>EP considered (ep_considered)</h2>") && html.contains("<h2>Rule compliance (rule_compliance)</h2>"))
            #expect(html.contains("2025-Q2"))
            // Rules by their titles, ids beside them; dates as people write them in England.
            #expect(html.contains("(S2-ep-considered-early)") && !html.contains(">S2-ep-considered-early<"))
            #expect(html.contains("from 1 January 2025 to 31 December 2025"))
            // The headline counts, as tables: the child in ep_placed, her EP placement in 2025-Q2.
            for heading in ["Children by journey state (cases_by_state)", "EP placements (ep_placements)", "EP placement outcomes (ep_placement_outcomes)", "Family time (family_time)"] {
                #expect(html.contains("<h2>\(heading)</h2><table>"), "\(heading)")
            }
            #expect(html.contains("<tr><th scope=\"row\">state: ep placed</th><td>1</td></tr>"))
            #expect(html.contains("<tr><th scope=\"row\">2025-Q2</th><td>1</td></tr>"))
            // Each chart's figures follow it as a table, which is what a screen reader reads; the
            // whole period's rate first: 1 of 1 placed.
            #expect(html.components(separatedBy: "<summary>The figures as a table</summary>").count - 1 == 5)
            #expect(html.contains("its figures are in the table after it"))
            #expect(html.contains("<tr><th scope=\"row\">The whole period</th><td>100% (1/1"), "\(html)")
            // The test script renders this page in headless Chromium to check it draws.
            if let out = ProcessInfo.processInfo.environment["EPTRACK_REPORT_OUT"], database == .sqlite {
                try html.write(toFile: out, atomically: true, encoding: .utf8)
            }
        }
    }

    /// An RAA working for two LAs: its view of both, minus its view of one, must give away
    /// nothing its view of the other withholds (found by an exploratory run). Seven cases in
    /// Northshire and one in Southmoor in pre-proceedings.
    @Test(arguments: TestDatabase.all)
    func anRAAsSumOfTwoLAsGivesAwayNothingEitherWithholds(database: TestDatabase) async throws {
        try await TestWorld.run(on: database, now: Date(timeIntervalSince1970: 1_759_309_200)) { world, client in
            try await world.backend.store.startPartnership(agency: TestWorld.raa, localAuthority: TestWorld.southmoor, at: TestWorld.now, audit: nil)
            for number in 1...7 {
                let id = try await client.openCase(in: world, reference: "NS-EP-2025-09\(number)")
                try await client.record("plo_pre_proceedings", on: "2025-07-0\(number)", caseID: id, in: world)
            }
            let south = try await client.openCase(in: world, reference: "SM-EP-2025-0901", as: .southmoorSocialWorker, localAuthority: TestWorld.southmoor)
            try await client.record("plo_pre_proceedings", on: "2025-07-10", caseID: south, in: world, as: .southmoorSocialWorker)
            let raa = try await world.raaLeader()
            func counts(_ filter: String) async throws -> [String: Double?] {
                let response = try await client.send(.get, "/v1/dashboards/summary?from=2025-07-01&to=2025-09-30\(filter)", as: nil, in: world, headers: raa)
                #expect(response.status == .ok, "\(filter): \(response.text)")
                return Self.counts(try response.object())
            }
            let whole = try await counts("")
            let northshire = try await counts("&local_authority=\(TestWorld.northshire)")
            let southmoor = try await counts("&local_authority=\(TestWorld.southmoor)")
            // Southmoor's 1 is withheld; so, to protect it, is Northshire's 7, while the 8 of
            // both stays (one view at a time, 8 and 7 were shown, and 8 − 7 gave the 1 away).
            let key = "cases_by_state|state=pre_proceedings||count"
            #expect(whole[key] == 8.0 && northshire[key] == .some(nil) && southmoor[key] == .some(nil), "\(String(describing: whole[key])) \(String(describing: northshire[key])) \(String(describing: southmoor[key]))")
            for (key, total) in whole {
                guard let total, let part = northshire[key] ?? nil, let other = southmoor[key] ?? nil else {
                    if let total, let part = northshire[key] ?? nil { #expect(total - part == 0, "\(key): Southmoor's withheld count is \(total - part)") }
                    continue
                }
                #expect(total == part + other, "\(key)")
            }
        }
    }

    /// An RAA may ask for any run of whole quarters: two runs that overlap, one minus the other,
    /// must give away nothing the view of the quarters between withholds (found by an
    /// exploratory run: 2023-Q1…2025-Q2 minus 2024-Q4…2025-Q2). One Northshire case in
    /// pre-proceedings from 2025-Q1 and seven from 2025-Q2.
    @Test(arguments: TestDatabase.all)
    func anRAAsOverlappingRunsOfQuartersGiveAwayNothingEitherWithholds(database: TestDatabase) async throws {
        try await TestWorld.run(on: database, now: Date(timeIntervalSince1970: 1_759_309_200)) { world, client in
            let first = try await client.openCase(in: world, reference: "NS-EP-2025-0100")
            try await client.record("plo_pre_proceedings", on: "2025-02-03", caseID: first, in: world)
            for number in 1...7 {
                let id = try await client.openCase(in: world, reference: "NS-EP-2025-010\(number)")
                try await client.record("plo_pre_proceedings", on: "2025-04-0\(number)", caseID: id, in: world)
            }
            let raa = try await world.raaLeader()
            func counts(_ from: String, _ to: String) async throws -> [String: Double?] {
                let response = try await client.send(.get, "/v1/dashboards/summary?from=\(from)&to=\(to)", as: nil, in: world, headers: raa)
                #expect(response.status == .ok, "\(from)…\(to): \(response.text)")
                return Self.counts(try response.object())
            }
            let (q1, q2, q3q4) = (("2025-01-01", "2025-03-31"), ("2025-04-01", "2025-06-30"), ("2025-07-01", "2025-12-31"))
            let views = [
                "Q1": try await counts(q1.0, q1.1), "Q2": try await counts(q2.0, q2.1), "Q1-Q2": try await counts(q1.0, q2.1),
                "Q2-Q4": try await counts(q2.0, q3q4.1), "year": try await counts(q1.0, q3q4.1), "Q3-Q4": try await counts(q3q4.0, q3q4.1),
            ]
            let key = "cases_by_state|state=pre_proceedings||count"
            #expect(views["Q1"]?[key] == .some(nil), "the one case of 2025-Q1 is withheld")
            #expect(views["Q1-Q2"]?[key] == .some(nil) || views["Q2"]?[key] == .some(nil), "8 and 7 together would give the 1 away")
            // Every way to take one view from another that covers it, with what is left between.
            for (whole, part, rest) in [("Q1-Q2", "Q2", "Q1"), ("Q1-Q2", "Q1", "Q2"), ("year", "Q2-Q4", "Q1"), ("year", "Q1-Q2", "Q3-Q4")] {
                for (name, total) in views[whole]! {
                    guard let total, let known = views[part]![name] ?? nil else { continue }
                    if views[rest]![name] ?? nil == nil {
                        #expect(total - known == 0, "\(whole) − \(part) gives \(rest)'s withheld \(name): \(total - known)")
                    }
                }
            }
        }
    }

    @Test(arguments: TestDatabase.all)
    func aViewAcrossAgenciesSuppressesSmallNumbers(database: TestDatabase) async throws {
        // Today is 1 October 2025: the view across agencies is counted as of 30 September.
        try await TestWorld.run(on: database, now: Date(timeIntervalSince1970: 1_759_309_200)) { world, client in
            for number in 1...3 {
                let id = try await client.openCase(in: world, reference: "NS-EP-2025-08\(number)")
                try await client.record("plo_pre_proceedings", on: "2025-07-0\(number)", caseID: id, in: world)
            }
            let raa = try await world.raaLeader()
            let response = try await client.send(.get, "/v1/dashboards/summary?from=2025-07-01&to=2025-09-30", as: nil, in: world, headers: raa)
            #expect(response.status == .ok)
            let body = try response.object()
            #expect(body["small_numbers_suppressed"] as? Bool == true)
            let figures = try #require(body["figures"] as? [[String: Any]])
            let preProceedings = figures.first { $0["figure"] as? String == "cases_by_state" && $0["breakdown"] as? String == "state=pre_proceedings" }
            #expect(preProceedings?["suppressed"] as? Bool == true, "3 cases is a small number")
            #expect(preProceedings?["value"] == nil)
            for figure in figures where figure["statistic"] as? String == "count" {
                if let value = figure["value"] as? Double { #expect(value == 0 || value > 5, "\(figure)") }
            }
        }
    }

    /// The policy's small-number threshold reaches every view across agencies: with 8, seven
    /// cases in pre-proceedings are withheld from the RAA's leader (shown at the default 5).
    @Test(arguments: TestDatabase.all)
    func thePolicysSmallNumberThresholdIsTheViewsOwn(database: TestDatabase) async throws {
        let shipped = try String(contentsOf: TestDatabase.repository.appendingPathComponent("Policies/england-default.yaml"), encoding: .utf8)
        let folder = TestDatabase.repository.appendingPathComponent("Policies")
        let stricter = try PolicyLoader.load(
            yaml: shipped.replacingOccurrences(of: "small_number_threshold: 5", with: "small_number_threshold: 8"), file: "england-strict.yaml"
        ) { try? String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }
        for (policy, threshold) in [(try TestDatabase.englandPolicy(), 5), (stricter, 8)] {
            try await TestWorld.run(on: database, now: Date(timeIntervalSince1970: 1_759_309_200), policy: policy) { world, client in
                for number in 1...7 {
                    let id = try await client.openCase(in: world, reference: "NS-EP-2025-07\(number)")
                    try await client.record("plo_pre_proceedings", on: "2025-07-0\(number)", caseID: id, in: world)
                }
                let raa = try await world.raaLeader()
                let response = try await client.send(.get, "/v1/dashboards/summary?from=2025-07-01&to=2025-09-30", as: nil, in: world, headers: raa)
                let body = try response.object()
                let figures = try #require(body["figures"] as? [[String: Any]])
                let preProceedings = try #require(figures.first { $0["figure"] as? String == "cases_by_state" && $0["breakdown"] as? String == "state=pre_proceedings" })
                #expect(preProceedings["suppressed"] as? Bool == (threshold == 8), "7 cases at threshold \(threshold)")
                let definitions = try #require(body["definitions"] as? [[String: Any]])
                let smallNumbers = definitions.first { $0["figure"] as? String == "small_numbers" }?["definition"] as? String
                #expect(smallNumbers?.contains("every count from 1 to \(threshold) is withheld") == true, "\(smallNumbers ?? "")")
                let shown = try await client.send(.get, "/v1/policies/england-default", as: .northshireLeader, in: world)
                #expect(try shown.object()["small_number_threshold"] as? Int == threshold)
            }
        }
    }

    /// Across agencies, only whole calendar quarters: two overlapping periods (or two days of
    /// as_of) could otherwise be subtracted to isolate one child. The LA's own view is exact and
    /// takes any period.
    @Test(arguments: TestDatabase.all)
    func aViewAcrossAgenciesCoversWholeQuarters(database: TestDatabase) async throws {
        try await TestWorld.run(on: database) { world, client in
            let raa = try await world.raaLeader()
            for (query, field) in [
                ("from=2025-04-02&to=2025-06-30", "from"), ("from=2025-04-01&to=2025-06-29", "to"),
                ("from=2025-04-01&to=2025-06-30&as_of=2025-08-15", "as_of"),
                // A quarter still running on 1 September 2025, or one years away.
                ("from=2025-04-01&to=2025-06-30&as_of=2025-09-30", "as_of"), ("from=2025-04-01&to=2025-06-30&as_of=2099-12-31", "as_of"),
            ] {
                let refused = try await client.send(.get, "/v1/dashboards/summary?\(query)", as: nil, in: world, headers: raa)
                #expect(refused.status == .unprocessableContent, "\(query): \(refused.text)")
                #expect(refused.problemField == field)
                #expect(refused.text.contains("quarter"))
            }
            let running = try await client.send(.get, "/v1/dashboards/summary?from=2025-04-01&to=2025-06-30&as_of=2025-09-30", as: nil, in: world, headers: raa)
            #expect(running.text.contains("2025-06-30 or earlier"), "\(running.text)")
            let whole = try await client.send(.get, "/v1/dashboards/summary?from=2025-01-01&to=2025-06-30&as_of=2025-06-30", as: nil, in: world, headers: raa)
            #expect(whole.status == .ok, "\(whole.text)")
            let byDefault = try await client.send(.get, "/v1/dashboards/summary?from=2025-04-01&to=2025-06-30", as: nil, in: world, headers: raa)
            #expect(try byDefault.object()["as_of"] as? String == "2025-06-30", "the latest quarter that has ended by 1 September 2025")
            let own = try await client.send(.get, "/v1/dashboards/summary?from=2025-04-02&to=2025-08-15&as_of=2025-08-15", as: .northshireLeader, in: world)
            #expect(own.status == .ok, "an LA's own exact view takes any period")
        }
    }

    /// Days that make no period are refused as the whole-quarter rule's are: 422 naming the field.
    @Test func aPeriodThatIsNoPeriodIsRefusedNamingTheField() async throws {
        try await TestWorld.run(on: .sqlite) { world, client in
            for (query, field) in [("from=2025-09-30&to=2025-07-01", "to"), ("from=2014-01-01&to=2025-12-31", "from")] {
                let response = try await client.send(.get, "/v1/dashboards/summary?\(query)", as: .northshireLeader, in: world)
                #expect(response.status == .unprocessableContent, "\(query): \(response.text)")
                #expect(try response.object()["field"] as? String == field)
            }
        }
    }

    /// Naming an LA the leader cannot see, or one that does not exist, is 404 as an invisible
    /// case is: a report of zeros would read as an LA with no children in EP.
    @Test(arguments: TestDatabase.all)
    func aLocalAuthorityTheLeaderCannotSeeIsNotFound(database: TestDatabase) async throws {
        try await TestWorld.run(on: database) { world, client in
            for (authority, status) in [(TestWorld.southmoor, HTTPResponse.Status.notFound), ("la-nowhere", .notFound), (TestWorld.northshire, .ok)] {
                for accept in ["application/json", "text/csv", "text/html"] {
                    let response = try await client.send(
                        .get, "/v1/dashboards/summary?from=2025-07-01&to=2025-09-30&local_authority=\(authority)", as: .northshireLeader, in: world,
                        headers: [.accept: accept]
                    )
                    #expect(response.status == status, "\(authority), \(accept): \(response.text.prefix(300))")
                }
            }
        }
    }

    @Test(arguments: TestDatabase.all)
    func onlyLeadersReadDashboards(database: TestDatabase) async throws {
        try await TestWorld.run(on: database) { world, client in
            for caller in [TestWorld.Caller.northshireIRO, .northshireSocialWorker, .northshireAdmin] {
                #expect(try await client.send(.get, "/v1/dashboards/summary?from=2025-01-01&to=2025-12-31", as: caller, in: world).status == .forbidden)
            }
            let backwards = try await client.send(.get, "/v1/dashboards/summary?from=2025-12-31&to=2025-01-01", as: .northshireLeader, in: world)
            #expect(backwards.status == .unprocessableContent, "a well-formed day that makes no period, as the whole-quarter refusals are")
            let noEnd = try await client.send(.get, "/v1/dashboards/summary?from=2025-01-01", as: .northshireLeader, in: world)
            #expect(noEnd.status == .badRequest && noEnd.problemDetail?.contains("required query parameter is missing: to") == true && noEnd.problemField == "to", "\(noEnd.text)")
        }
    }
}

extension TestWorld {
    /// The RAA's leader (no `Caller` of the tests' is one): a token made for the test, as the
    /// headers that send it.
    func raaLeader() async throws -> HTTPFields {
        let secret = TokenSecret.generate()
        try await backend.store.createToken(
            .init(id: UUID(), agency: TestWorld.raa, role: .leader, label: "raa head of service", createdAt: clock.now(), expiresAt: clock.now().addingTimeInterval(86_400)),
            hash: TokenSecret.hash(secret), audit: nil, idempotency: nil
        )
        return [.authorization: "Bearer \(secret)"]
    }
}
