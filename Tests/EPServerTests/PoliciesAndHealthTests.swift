import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite struct PoliciesAndHealthTests {
    @Test(arguments: TestDatabase.all)
    func thePolicyInForceListsEveryRuleWithItsThreshold(database: TestDatabase) async throws {
        try await TestWorld.run(on: database) { world, client in
            let list = try await client.send(.get, "/v1/policies", as: .northshireSocialWorker, in: world)
            #expect(list.status == .ok)
            let items = try #require(try list.object()["items"] as? [[String: Any]])
            #expect(items.map { $0["id"] as? String } == ["england-default"])
            #expect(items.first?["in_force"] as? Bool == true)

            let policy = try await client.send(.get, "/v1/policies/england-default", as: .northshireLeader, in: world)
            #expect(try policy.object()["small_number_threshold"] as? Int == 5)
            let rules = try #require(try policy.object()["rules"] as? [[String: Any]])
            #expect(rules.count == 18)
            let twentySix = try #require(rules.first { $0["id"] as? String == "S2-26-weeks" })
            #expect(twentySix["basis"] as? String == "statutory")
            #expect(twentySix["threshold"] as? String == "26 weeks")
            let order = try #require(rules.first { $0["id"] as? String == "S2-ep-before-issue" })
            #expect(order["shape"] as? String == "order")
            #expect(order["threshold"] == nil)
            let approval = try #require(rules.first { $0["id"] as? String == "S4-approval-before-placement" })
            #expect(approval["basis"] as? String == "statutory", "a legal requirement, shown as one")
            let conference = try #require(rules.first { $0["id"] as? String == "S2-prebirth-conference-timely" })
            let lateReferral = try #require(conference["second"] as? [String: Any])
            #expect(lateReferral["key"] as? String == "late_referral" && lateReferral["value"] as? String == "10 working_days")
            #expect(rules.contains { $0["id"] as? String == "S2-ep-ready-before-birth" } && rules.contains { $0["id"] as? String == "S7-reunification-planned" })

            #expect(try await client.send(.get, "/v1/policies/wales-default", as: .northshireLeader, in: world).status == .notFound)
            #expect(try await client.send(.get, "/v1/policies", as: nil, in: world).status == .unauthorized)
        }
    }

    @Test(arguments: TestDatabase.all)
    func healthAnswersWithoutCredentials(database: TestDatabase) async throws {
        try await TestWorld.run(on: database) { world, client in
            let live = try await client.send(.get, "/health/live", as: nil, in: world)
            #expect(try live.object()["status"] as? String == "ok")
            let ready = try await client.send(.get, "/health/ready", as: nil, in: world)
            #expect(ready.status == .ok)
            #expect(ready.headers[HTTPField.Name("X-Request-Id")!] != nil)
            let traced = try await client.send(.get, "/health/live", as: nil, in: world, headers: [HTTPField.Name("X-Request-Id")!: "lb-7f3a-0042"])
            #expect(traced.headers[HTTPField.Name("X-Request-Id")!] == "lb-7f3a-0042", "a caller's request id is echoed")
            let unsafe = try await client.send(.get, "/health/live", as: nil, in: world, headers: [HTTPField.Name("X-Request-Id")!: "<script>"])
            #expect(unsafe.headers[HTTPField.Name("X-Request-Id")!] != "<script>", "an id that is not a plain token is replaced")
            // Nor is an id carrying an NHS number or a date of birth kept for the audit trail.
            for identifying in ["JaneSmith-DOB-12-03-2025-NHS-9434765919", "trace-943-476-5919"] {
                let replaced = try await client.send(.get, "/health/live", as: nil, in: world, headers: [HTTPField.Name("X-Request-Id")!: identifying])
                #expect(replaced.headers[HTTPField.Name("X-Request-Id")!] != identifying, "\(identifying)")
            }
        }
    }

    @Test(arguments: TestDatabase.all)
    func metricsCountMilestonesAndOpenAlertsOnTheirOwnListener(database: TestDatabase) async throws {
        try await TestWorld.run(on: database) { world, client in
            let id = try await client.openCase(in: world)
            try await client.record("plo_pre_proceedings", on: "2025-07-01", caseID: id, in: world)
            // Not on the API's port: whoever reaches the API does not read the service's counts.
            let anonymous = try await client.send(.get, "/metrics", as: nil, in: world)
            #expect(anonymous.status == .notFound && !anonymous.text.contains("eptrack_"))
            #expect(try await client.send(.get, "/metrics", as: .northshireAdmin, in: world).status == .notFound)
            #expect(world.configuration.metricsHost == "127.0.0.1" && world.configuration.metricsPort == 9464, "loopback by default")
            let metrics = try await world.scrapeMetrics()
            #expect(metrics.status == .ok)
            #expect(metrics.text.contains("process_start_time_seconds "))
            #expect(metrics.text.contains(#"eptrack_milestones_recorded_total{kind="plo_pre_proceedings"} 1"#), "\(metrics.text)")
            // 20 working days from 1 July passed long before 1 September: one overdue alert.
            #expect(metrics.text.contains(#"eptrack_alerts_open{rule_id="S2-ep-considered-early"} 1"#))
            #expect(metrics.text.contains(#"eptrack_alerts_open{rule_id="S2-26-weeks"} 0"#))
            #expect(!metrics.text.contains("NS-EP-2025-0142"), "no case data in metrics")
        }
    }

    @Test func theMetricsExpositionParsesAndCountsExactlyWhatWasSent() async throws {
        try await TestWorld.run(on: .sqlite) { world, client in
            let id = try await client.openCase(in: world)
            try await client.record("family_group_conference", on: "2025-07-01", caseID: id, in: world)
            let retry: HTTPFields = [HTTPField.Name("Idempotency-Key")!: "fgc-2"]
            try await client.record("family_group_conference", on: "2025-07-08", caseID: id, in: world, headers: retry)
            try await client.record("family_group_conference", on: "2025-07-08", caseID: id, in: world, headers: retry)  // replayed
            try await client.record("plo_pre_proceedings", on: "2025-07-10", caseID: id, in: world)
            try await client.record("plo_pre_proceedings", on: "2025-07-11", caseID: id, in: world)  // refused: only one PLO
            let text = try await world.scrapeMetrics().text
            // Prometheus text format: comments, or `name{label="value",...} number`.
            let sample = try Regex(#"^[a-zA-Z_:][a-zA-Z0-9_:]*(\{[a-zA-Z_][a-zA-Z0-9_]*="[^"]*"(,[a-zA-Z_][a-zA-Z0-9_]*="[^"]*")*\})? -?[0-9.e+-]+$"#)
            var values: [String: Double] = [:]
            for line in text.split(separator: "\n") where !line.isEmpty {
                if line.hasPrefix("# HELP ") || line.hasPrefix("# TYPE ") { continue }
                #expect(line.wholeMatch(of: sample) != nil, "not a Prometheus sample: \(line)")
                let parts = line.split(separator: " ")
                values[String(parts[0])] = Double(parts[1])
            }
            #expect(values[#"eptrack_milestones_recorded_total{kind="family_group_conference"}"#] == 2, "a replayed retry is not counted")
            #expect(values[#"eptrack_milestones_recorded_total{kind="plo_pre_proceedings"}"#] == 1, "a refused milestone is not counted")
            // The embedded database has one connection, free between requests.
            #expect(values["eptrack_db_connections_capacity"] == 1)
            #expect(values["eptrack_db_connections_in_use"] == 0)
            #expect(values["eptrack_db_connections_waiting"] == 0)
            #expect(values["eptrack_db_connection_wait_timeouts_total"] == 0)
            #expect(values["eptrack_identity_from_memory"] == 0, "SQLite cannot hear another process's changes")
        }
    }

    /// On PostgreSQL the server answers tokens from memory once it hears their changes, and
    /// says so to the operator.
    @Test(.needsPostgres)
    func theMetricsSayWhenTokensComeFromMemory() async throws {
        try await TestWorld.run(on: .postgres) { world, client in
            try await world.backend.waitUntilIdentityChangesAreHeard()
            let text = try await world.scrapeMetrics().text
            let line = text.split(separator: "\n").first { $0.hasPrefix("eptrack_identity_from_memory ") }
            #expect(line.flatMap { Double($0.split(separator: " ")[1]) } == 1, "\(line ?? "no such metric")")
        }
    }

    @Test(arguments: TestDatabase.all)
    func aMalformedAsOfIsABadRequest(database: TestDatabase) async throws {
        try await TestWorld.run(on: database) { world, client in
            let id = try await client.openCase(in: world)
            for bad in ["2025-02-30", "yesterday", "2025-2-1"] {
                let response = try await client.send(.get, "/v1/cases/\(id)/alerts?as_of=\(bad)", as: .northshireIRO, in: world)
                #expect(response.status == .badRequest, "\(bad)")
                #expect(response.problemField == "as_of")
            }
        }
    }

    @Test(arguments: TestDatabase.all)
    func openingACaseAndAcknowledgingAreIdempotentToo(database: TestDatabase) async throws {
        try await TestWorld.run(on: database) { world, client in
            let key: HTTPFields = [HTTPField.Name("Idempotency-Key")!: "ns-open-0142"]
            let body = #"{"reference":"NS-EP-2025-0142","local_authority":"la-northshire","profile":{"sex":"female","ethnicity":"APKN","sibling_group_size":2,"disability":false,"unborn":false}}"#
            let first = try await client.send(.post, "/v1/cases", as: .northshireSocialWorker, in: world, json: body, headers: key)
            let retry = try await client.send(.post, "/v1/cases", as: .northshireSocialWorker, in: world, json: body, headers: key)
            #expect(first.status == .created)
            #expect(retry.status == .created, "a retry replays rather than clashing on the reference")
            let id = try #require(try first.object()["id"] as? String)
            #expect(try retry.object()["id"] as? String == id)
            #expect(retry.headers[.location] == "/v1/cases/\(id)")

            try await client.record("plo_pre_proceedings", on: "2025-07-01", caseID: id, in: world)
            let ackKey: HTTPFields = [HTTPField.Name("Idempotency-Key")!: "iro-ack-1"]
            let path = "/v1/cases/\(id)/alerts/S2-ep-considered-early/acknowledgements"
            let ack = try await client.send(.post, path, as: .northshireIRO, in: world, json: #"{"note":"Chased at review"}"#, headers: ackKey)
            let ackRetry = try await client.send(.post, path, as: .northshireIRO, in: world, json: #"{"note":"Chased at review"}"#, headers: ackKey)
            #expect(try ack.object()["id"] as? String == (try ackRetry.object()["id"] as? String))
            let alerts = try await client.send(.get, "/v1/cases/\(id)/alerts", as: .northshireIRO, in: world)
            let early = (try alerts.object()["results"] as? [[String: Any]])?.first { $0["rule_id"] as? String == "S2-ep-considered-early" }
            #expect((early?["acknowledgements"] as? [Any])?.count == 1)
        }
    }
}

@Suite struct RateLimitTests {
    @Test func aCallerOverTheLimitGets429WithRetryAfterAndOthersDoNot() async throws {
        try await TestWorld.run(on: .sqlite, environment: ["EPTRACK_RATE_LIMIT": "5"]) { world, client in
            for _ in 1...5 {
                #expect(try await client.send(.get, "/v1/policies", as: .northshireIRO, in: world).status == .ok)
            }
            let limited = try await client.send(.get, "/v1/policies", as: .northshireIRO, in: world)
            #expect(limited.status == .tooManyRequests)
            #expect(limited.problemType == "rate-limited")
            // 5 a minute is one every 12 s.
            #expect(limited.headers[.retryAfter].flatMap(Int.init).map { (1...12).contains($0) } == true)
            #expect(try await client.send(.get, "/v1/policies", as: .northshireLeader, in: world).status == .ok, "another caller has its own bucket")
            #expect(try await client.send(.get, "/health/live", as: nil, in: world).status == .ok, "health is not limited")
        }
    }
}
