import EPStore
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

@Suite struct CasesAPITests {
    @Test(arguments: TestDatabase.all)
    func openingACaseAnswers201WithLocationAndETag(database: TestDatabase) async throws {
        try await TestWorld.run(on: database) { world, client in
            let response = try await client.send(.post, "/v1/cases", as: .northshireSocialWorker, in: world, json: """
                {"reference":"NS-EP-2025-0142","local_authority":"la-northshire","adoption_agency":"raa-coast-and-vale",
                 "profile":{"sex":"not_known","ethnicity":"MWBC","sibling_group_size":1,"disability":false,"unborn":true,"expected_birth_month":"2025-06"}}
                """)
            #expect(response.status == .created)
            let body = try response.object()
            let id = try #require(body["id"] as? String)
            #expect(response.headers[.location] == "/v1/cases/\(id)")
            #expect(response.headers[.eTag] == "\"v1\"")
            #expect(body["state"] as? String == "pre_birth")
            #expect(body["adoption_agency"] as? String == "raa-coast-and-vale")

            let read = try await client.send(.get, "/v1/cases/\(id)", as: .northshireIRO, in: world)
            #expect(read.status == .ok)
            #expect(try read.object()["reference"] as? String == "NS-EP-2025-0142")

            // The agency named must work with the LA: one with no partnership could not see the
            // case it is named on (the VAA has none; an LA is no adoption agency).
            for agency in [TestWorld.vaa, TestWorld.southmoor] {
                let refused = try await client.send(.post, "/v1/cases", as: .northshireSocialWorker, in: world, json: """
                    {"reference":"NS-EP-2025-0143","local_authority":"la-northshire","adoption_agency":"\(agency)",
                     "profile":{"sex":"male","ethnicity":"WBRI","sibling_group_size":1,"disability":false,"unborn":false}}
                    """)
                #expect(refused.status == .unprocessableContent && refused.problemField == "/adoption_agency", "\(agency): \(refused.text)")
                let changed = try await client.send(.patch, "/v1/cases/\(id)", as: .northshireSocialWorker, in: world,
                                                    json: #"{"adoption_agency":"\#(agency)"}"#, headers: [.ifMatch: "\"v1\""])
                #expect(changed.status == .unprocessableContent && changed.problemField == "/adoption_agency", "\(agency): \(changed.text)")
            }
        }
    }

    @Test(arguments: TestDatabase.all)
    func aReferenceIsUniqueWithinItsLocalAuthority(database: TestDatabase) async throws {
        try await TestWorld.run(on: database) { world, client in
            _ = try await client.openCase(in: world, reference: "NS-EP-2025-0007")
            let again = try await client.send(.post, "/v1/cases", as: .northshireSocialWorker, in: world, json: """
                {"reference":"NS-EP-2025-0007","local_authority":"la-northshire","profile":{"sex":"male","ethnicity":"BAFR","sibling_group_size":1,"disability":false,"unborn":false}}
                """)
            #expect(again.status == .conflict)
            #expect(again.problemType == "duplicate-reference")
            #expect(again.problemField == "/reference")
            // The same code in another LA is another child.
            _ = try await client.openCase(in: world, reference: "NS-EP-2025-0007", as: .southmoorSocialWorker, localAuthority: TestWorld.southmoor)
        }
    }

    /// "ns-ep-2025-0007" is "NS-EP-2025-0007" typed in lower case: one child, so one case. The
    /// refusal names the reference as it is held, and the case list's search finds it either way.
    @Test(arguments: TestDatabase.all)
    func aReferenceIsTheSameWhateverItsCase(database: TestDatabase) async throws {
        try await TestWorld.run(on: database) { world, client in
            let id = try await client.openCase(in: world, reference: "NS-EP-2025-0007")
            for typed in ["ns-ep-2025-0007", "Ns-Ep-2025-0007"] {
                let again = try await client.send(.post, "/v1/cases", as: .northshireSocialWorker, in: world, json: """
                    {"reference":"\(typed)","local_authority":"la-northshire","profile":{"sex":"male","ethnicity":"BAFR","sibling_group_size":1,"disability":false,"unborn":false}}
                    """)
                #expect(again.status == .conflict && again.problemType == "duplicate-reference", "\(typed): \(again.status)")
                #expect(again.problemDetail?.contains("NS-EP-2025-0007") == true, "\(again.text)")
            }
            _ = try await client.openCase(in: world, reference: "NS-EP-2025-0008")
            let found = try await client.send(.get, "/v1/cases?reference=ns-ep-2025-0007", as: .northshireIRO, in: world)
            #expect((try found.object()["items"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == [id], "the API finds it too")
            // A search no reference can match finds nothing (a LIKE wildcard is no wildcard); one
            // the contract refuses (too long, a control character such as NUL) is 400.
            for search in ["ns-ep-2025-000%25", "ns_ep_2025_0007", "%C3%A9", ""] {
                let none = try await client.send(.get, "/v1/cases?reference=\(search)", as: .northshireIRO, in: world)
                let items = try none.object()["items"] as? [Any]
                #expect(none.status == .ok && items?.isEmpty == true, "\(search): \(none.text)")
            }
            for search in ["ns-ep%00", String(repeating: "0", count: 33)] {
                let refused = try await client.send(.get, "/v1/cases?reference=\(search)", as: .northshireIRO, in: world)
                #expect(refused.status == .badRequest && refused.problemField == "reference", "\(search): \(refused.text)")
            }
            let browser = try await Browser.signedIn(as: .northshireSocialWorker, in: world, client: client)
            let page = try await browser.get("/cases?reference=ns-ep-2025-0007")
            #expect(page.text.contains("/cases/\(id)") && !page.text.contains("NS-EP-2025-0008"), "the case list's search")
            _ = try await client.openCase(in: world, reference: "ns-ep-2025-0007", as: .southmoorSocialWorker, localAuthority: TestWorld.southmoor)
        }
    }

    @Test(arguments: TestDatabase.all)
    func badCaseBodiesAreRefusedNamingTheField(database: TestDatabase) async throws {
        try await TestWorld.run(on: database) { world, client in
            let cases: [(String, HTTPResponse.Status, String, String)] = [
                (#"{"reference":"NS-1","local_authority":"la-northshire","profile":{"sex":"male","ethnicity":"WBR","sibling_group_size":1,"disability":false,"unborn":false}}"#,
                 .badRequest, "malformed-request", "/profile/ethnicity"),
                (#"{"reference":"NS-2","local_authority":"la-northshire","nickname":"x","profile":{"sex":"male","ethnicity":"WBRI","sibling_group_size":1,"disability":false,"unborn":false}}"#,
                 .badRequest, "malformed-request", ""),
                (#"{"reference":"NS-3","local_authority":"la-northshire","profile":{"sex":"male","ethnicity":"WBRI","sibling_group_size":0,"disability":false,"unborn":false}}"#,
                 .unprocessableContent, "invalid-field", "/profile/sibling_group_size"),
                (#"{"reference":"NS-3a","local_authority":"la-northshire","profile":{"sex":"male","ethnicity":"WBRI","sibling_group_size":1.5,"disability":false,"unborn":false}}"#,
                 .badRequest, "malformed-request", "/profile/sibling_group_size"),
                (#"{"reference":"NS-3b","local_authority":"la-northshire","profile":{"sex":"male","ethnicity":"WBRI","sibling_group_size":"2","disability":false,"unborn":false}}"#,
                 .badRequest, "malformed-request", "/profile/sibling_group_size"),
                (#"{"reference":"NS-4","local_authority":"la-northshire","profile":{"sex":"not_known","ethnicity":"WBRI","sibling_group_size":1,"disability":false,"unborn":true}}"#,
                 .unprocessableContent, "invalid-field", "/profile/expected_birth_month"),
                (#"{"reference":"NS-5","local_authority":"la-northshire","profile":{"sex":"not_known","ethnicity":"WBRI","sibling_group_size":1,"disability":false,"unborn":true,"expected_birth_month":"0000-01"}}"#,
                 .unprocessableContent, "invalid-field", "/profile/expected_birth_month"),
                (#"{"reference":"Jane Smith","local_authority":"la-northshire","profile":{"sex":"female","ethnicity":"WBRI","sibling_group_size":1,"disability":false,"unborn":false}}"#,
                 .unprocessableContent, "invalid-field", "/reference"),
                (#"{"reference":"NS-6","local_authority":"la-southmoor","profile":{"sex":"female","ethnicity":"WBRI","sibling_group_size":1,"disability":false,"unborn":false}}"#,
                 .unprocessableContent, "invalid-field", "/local_authority"),
                (#"{"reference":"NS-7""#, .badRequest, "malformed-request", ""),
            ]
            for (json, status, type, field) in cases {
                let response = try await client.send(.post, "/v1/cases", as: .northshireSocialWorker, in: world, json: json)
                #expect(response.status == status, "\(json) → \(response.text)")
                #expect(response.problemType == type, "\(json) → \(response.text)")
                #expect(response.headers[.contentType] == "application/problem+json")
                #expect(try response.object()["request_id"] as? String == response.headers[HTTPField.Name("X-Request-Id")!], "the problem quotes the request id")
                if !field.isEmpty { #expect(response.problemField == field, "\(json) → \(response.text)") }
            }
            // A month of the right shape but outside the years a case can have says which years.
            let yearZero = try await client.send(.post, "/v1/cases", as: .northshireSocialWorker, in: world, json: cases.first { $0.0.contains("\"NS-5\"") }!.0)
            #expect((try yearZero.object()["detail"] as? String)?.contains("from 1900-01 to 2999-12") == true, "\(yearZero.text)")
            let list = try await client.send(.get, "/v1/cases", as: .northshireSocialWorker, in: world)
            #expect((try list.object()["items"] as? [Any])?.isEmpty == true, "a refused case stores nothing")
        }
    }

    @Test(arguments: TestDatabase.all)
    func wrongContentTypeAnswers415(database: TestDatabase) async throws {
        try await TestWorld.run(on: database) { world, client in
            let response = try await client.send(
                .post, "/v1/cases", as: .northshireSocialWorker, in: world, json: "reference=NS-1",
                headers: [.contentType: "application/x-www-form-urlencoded"]
            )
            #expect(response.status == .unsupportedMediaType)
            #expect(response.problemType == "unsupported-media-type")
        }
    }

    @Test(arguments: TestDatabase.all)
    func bodiesOverOneMebibyteAnswer413(database: TestDatabase) async throws {
        try await TestWorld.run(on: database) { world, client in
            let padding = String(repeating: " ", count: 1 << 20)
            let response = try await client.send(.post, "/v1/cases", as: .northshireSocialWorker, in: world, json: "{\(padding)}")
            #expect(response.status == .contentTooLarge)
            #expect(response.problemType == "payload-too-large")
        }
    }

    @Test(arguments: TestDatabase.all)
    func casesAreListedInPagesFilteredByState(database: TestDatabase) async throws {
        try await TestWorld.run(on: database) { world, client in
            var opened: [String] = []
            for number in 1...5 { opened.append(try await client.openCase(in: world, reference: "NS-EP-2025-01\(number)")) }
            try await client.record("proceedings_issued", on: "2025-07-01", caseID: opened[2], in: world)

            let first = try await client.send(.get, "/v1/cases?limit=2", as: .northshireLeader, in: world)
            let firstBody = try first.object()
            let cursor = try #require(firstBody["next_cursor"] as? String)
            var seen = (firstBody["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
            let second = try await client.send(.get, "/v1/cases?limit=2&cursor=\(cursor)", as: .northshireLeader, in: world)
            seen += (try second.object()["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
            let third = try await client.send(.get, "/v1/cases?limit=2&cursor=\(try #require(try second.object()["next_cursor"] as? String))", as: .northshireLeader, in: world)
            seen += (try third.object()["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
            #expect(seen == opened, "oldest first, each once")
            #expect(try third.object()["next_cursor"] == nil)

            let inProceedings = try await client.send(.get, "/v1/cases?state=in_proceedings", as: .northshireLeader, in: world)
            #expect((try inProceedings.object()["items"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == [opened[2]])

            for bad in ["limit=0", "limit=101", "cursor=not-a-cursor", "state=lost", "limit=abc", "limit=1.5", "limit=abc&state=in_proceedings"] {
                let response = try await client.send(.get, "/v1/cases?\(bad)", as: .northshireLeader, in: world)
                #expect(response.status == .badRequest && response.problemField == String(bad.prefix { $0 != "=" }), "\(bad) → \(response.text)")
            }
        }
    }

    @Test(arguments: TestDatabase.all)
    func updatingTheProfileNeedsTheCurrentETag(database: TestDatabase) async throws {
        try await TestWorld.run(on: database) { world, client in
            let id = try await client.openCase(in: world)
            let missing = try await client.send(.patch, "/v1/cases/\(id)", as: .northshireSocialWorker, in: world, json: #"{"sibling_group_size":2}"#)
            #expect(missing.status == .preconditionRequired)
            let stale = try await client.send(.patch, "/v1/cases/\(id)", as: .northshireSocialWorker, in: world, json: #"{"sibling_group_size":2}"#, headers: [.ifMatch: "\"v7\""])
            #expect(stale.status == .preconditionFailed)
            let updated = try await client.send(.patch, "/v1/cases/\(id)", as: .northshireSocialWorker, in: world, json: #"{"sibling_group_size":2}"#, headers: [.ifMatch: "\"v1\""])
            #expect(updated.status == .ok)
            #expect(updated.headers[.eTag] == "\"v2\"")
            #expect((try updated.object()["profile"] as? [String: Any])?["sibling_group_size"] as? Int == 2)
            let again = try await client.send(.patch, "/v1/cases/\(id)", as: .northshireSocialWorker, in: world, json: #"{"disability":true}"#, headers: [.ifMatch: "\"v1\""])
            #expect(again.status == .preconditionFailed, "the first tag is stale now")
            let everything = try await client.send(.patch, "/v1/cases/\(id)", as: .northshireSocialWorker, in: world, json: #"{"disability":true}"#, headers: [.ifMatch: "*"])
            #expect(everything.status == .preconditionFailed, "an edit names the version it was made from")
            let listed = try await client.send(.patch, "/v1/cases/\(id)", as: .northshireSocialWorker, in: world, json: #"{"disability":false}"#, headers: [.ifMatch: "\"v1\", \"v2\""])
            #expect(listed.status == .ok && listed.headers[.eTag] == "\"v3\"", "a list naming the current tag: \(listed.text)")
            let invalid = try await client.send(.patch, "/v1/cases/\(id)", as: .northshireSocialWorker, in: world, json: #"{"sibling_group_size":13}"#, headers: [.ifMatch: "\"v3\""])
            #expect(invalid.status == .unprocessableContent)
            #expect(try invalid.object()["field"] as? String == "/sibling_group_size", "the pointer is into the body sent: \(invalid.text)")
            // An update that names nothing to change is against the contract (minProperties: 1),
            // and claims no new version.
            let empty = try await client.send(.patch, "/v1/cases/\(id)", as: .northshireSocialWorker, in: world, json: "{}", headers: [.ifMatch: "\"v3\""])
            #expect(empty.status == .badRequest, "\(empty.text)")
            let read = try await client.send(.get, "/v1/cases/\(id)", as: .northshireSocialWorker, in: world)
            #expect(read.headers[.eTag] == "\"v3\"")
        }
    }

    /// Lost updates: twenty people editing the profile from the same read; one wins, the rest
    /// are told the case changed, and the stored profile is the winner's.
    @Test(arguments: TestDatabase.all)
    func concurrentUpdatesFromOneReadLetExactlyOneThrough(database: TestDatabase) async throws {
        try await TestWorld.run(on: database) { world, client in
            let id = try await client.openCase(in: world)
            let edits = (0..<20).map { #"{"sibling_group_size":\#($0 % 4 + 1),"disability":\#($0 % 2 == 0)}"# }
            let outcomes = try await withThrowingTaskGroup(of: (Int, HTTPResponse.Status).self) { group in
                for (index, edit) in edits.enumerated() {
                    group.addTask {
                        let response = try await client.send(.patch, "/v1/cases/\(id)", as: .northshireSocialWorker, in: world, json: edit, headers: [.ifMatch: "\"v1\""])
                        return (index, response.status)
                    }
                }
                return try await group.reduce(into: [(Int, HTTPResponse.Status)]()) { $0.append($1) }
            }
            let winners = outcomes.filter { $0.1.kind == .successful }
            #expect(winners.count == 1, "\(outcomes.map(\.1))")
            #expect(outcomes.filter { $0.1 == .preconditionFailed }.count == 19, "the others are told their read is stale")
            let stored = try await client.send(.get, "/v1/cases/\(id)", as: .northshireSocialWorker, in: world)
            #expect(stored.headers[.eTag] == "\"v2\"", "one update, one new version")
            let winner = try #require(winners.first?.0)
            let profile = try #require(try stored.object()["profile"] as? [String: Any])
            #expect(profile["sibling_group_size"] as? Int == winner % 4 + 1)
            #expect(profile["disability"] as? Bool == (winner % 2 == 0))
        }
    }
}
