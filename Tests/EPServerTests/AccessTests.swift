import EPDomain
import EPServer
import EPStore
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// Every agency sees only its own cases and its partners': checked for every case endpoint.
@Suite struct AccessTests {
    /// Every operation on one case, as (method, path, body, the roles that may do it to a visible case).
    static func caseOperations(_ id: String, milestoneID: String) -> [(HTTPRequest.Method, String, String?, Set<Role>)] {
        let readers: Set<Role> = [.socialWorker, .iro, .leader]
        return [
            (.get, "/v1/cases/\(id)", nil, readers),
            (.patch, "/v1/cases/\(id)", #"{"disability":true}"#, [.socialWorker]),
            (.post, "/v1/cases/\(id)/milestones", #"{"kind":"family_group_conference","occurred_on":"2025-07-04"}"#, [.socialWorker]),
            (.post, "/v1/cases/\(id)/milestones/\(milestoneID)/corrections", #"{"reason":"Wrong date","kind":"plo_pre_proceedings","occurred_on":"2025-07-02"}"#, [.socialWorker]),
            (.get, "/v1/cases/\(id)/alerts", nil, readers),
            (.post, "/v1/cases/\(id)/alerts/S2-ep-considered-early/acknowledgements", #"{"note":"Discussed at review"}"#, [.iro]),
        ]
    }

    @Test(arguments: TestDatabase.all)
    func anotherAgencysCaseIsNotFoundOnEveryEndpoint(database: TestDatabase) async throws {
        try await TestWorld.run(on: database) { world, client in
            let id = try await client.openCase(in: world)
            let plo = try await client.record("plo_pre_proceedings", on: "2025-07-01", caseID: id, in: world)
            let milestoneID = try #require((try plo.object()["milestone"] as? [String: Any])?["id"] as? String)
            let outsiders: [(TestWorld.Caller, Role)] = [(.southmoorSocialWorker, .socialWorker), (.southmoorIRO, .iro), (.vaaSocialWorker, .socialWorker)]
            for (caller, role) in outsiders {
                for (method, path, body, allowed) in Self.caseOperations(id, milestoneID: milestoneID) {
                    let response = try await client.send(method, path, as: caller, in: world, json: body, headers: [.ifMatch: "\"v2\""])
                    // A case that exists but is not visible answers exactly as one that does not
                    // exist; a role that may not do this to any case is told so first.
                    let expected: HTTPResponse.Status = allowed.contains(role) ? .notFound : .forbidden
                    #expect(response.status == expected, "\(caller) \(method) \(path) → \(response.text)")
                }
            }
            // The same operations by the owning LA's roles succeed, so the 404s above are about visibility.
            let owners: [Role: TestWorld.Caller] = [.socialWorker: .northshireSocialWorker, .iro: .northshireIRO, .leader: .northshireLeader]
            for (method, path, body, allowed) in Self.caseOperations(id, milestoneID: milestoneID) where method == .get || allowed == [.iro] {
                let caller = owners[allowed.contains(.iro) && !allowed.contains(.socialWorker) ? .iro : .leader]!
                let response = try await client.send(method, path, as: caller, in: world, json: body)
                #expect(response.status.kind == .successful, "\(caller) \(method) \(path) → \(response.text)")
            }
            let list = try await client.send(.get, "/v1/cases", as: .southmoorIRO, in: world)
            #expect((try list.object()["items"] as? [Any])?.isEmpty == true)
            let filtered = try await client.send(.get, "/v1/cases?local_authority=la-northshire", as: .vaaSocialWorker, in: world)
            #expect((try filtered.object()["items"] as? [Any])?.isEmpty == true)
            let view = try await client.send(.get, "/v1/cases/\(id)", as: .northshireSocialWorker, in: world)
            #expect((try view.object()["milestones"] as? [Any])?.count == 1, "nothing another agency sent was stored")
        }
    }

    @Test(arguments: TestDatabase.all)
    func aPartnerRAAWorksOnTheCaseUntilThePartnershipEnds(database: TestDatabase) async throws {
        try await TestWorld.run(on: database) { world, client in
            let id = try await client.openCase(in: world)
            #expect(try await client.send(.get, "/v1/cases/\(id)", as: .raaSocialWorker, in: world).status == .ok)
            let key: HTTPFields = [HTTPField.Name("Idempotency-Key")!: "raa-fgc-0704"]
            let recorded = try await client.record("family_group_conference", on: "2025-07-04", caseID: id, in: world, as: .raaSocialWorker, headers: key)
            #expect(recorded.status == .created)
            #expect(try await client.record("family_group_conference", on: "2025-07-04", caseID: id, in: world, as: .raaSocialWorker, headers: key).status == .created, "a replay while the partnership lasts")
            let openKey: HTTPFields = [HTTPField.Name("Idempotency-Key")!: "raa-open-0555"]
            let openBody = #"{"reference":"NS-EP-2025-0555","local_authority":"la-northshire","profile":{"sex":"female","ethnicity":"WBRI","sibling_group_size":1,"disability":false,"unborn":false}}"#
            let raaCase = try await client.send(.post, "/v1/cases", as: .raaSocialWorker, in: world, json: openBody, headers: openKey)
            #expect(raaCase.status == .created, "an RAA social worker can open a case for its partner LA")

            #expect(try await world.backend.store.endPartnership(agency: TestWorld.raa, localAuthority: TestWorld.northshire, at: world.clock.stamp, audit: nil))
            #expect(try await client.send(.get, "/v1/cases/\(id)", as: .raaSocialWorker, in: world).status == .notFound)
            #expect(try await client.record("family_group_conference", on: "2025-07-05", caseID: id, in: world, as: .raaSocialWorker).status == .notFound)
            // Replays are answered only after visibility is checked: no state or alerts leak.
            let replay = try await client.record("family_group_conference", on: "2025-07-04", caseID: id, in: world, as: .raaSocialWorker, headers: key)
            #expect(replay.status == .notFound, "\(replay.text)")
            #expect(!replay.text.contains("state"))
            let openReplay = try await client.send(.post, "/v1/cases", as: .raaSocialWorker, in: world, json: openBody, headers: openKey)
            #expect(openReplay.status == .unprocessableContent, "\(openReplay.text)")
            #expect(!openReplay.text.contains("NS-EP-2025-0555\",\"state"))
            let list = try await client.send(.get, "/v1/cases", as: .raaSocialWorker, in: world)
            #expect((try list.object()["items"] as? [Any])?.isEmpty == true)
        }
    }

    @Test(arguments: TestDatabase.all)
    func rolesLimitWhatACallerMayDo(database: TestDatabase) async throws {
        try await TestWorld.run(on: database) { world, client in
            let id = try await client.openCase(in: world)
            #expect(try await client.send(.get, "/v1/cases/\(id)", as: .northshireAdmin, in: world).status == .forbidden, "admins read no case data")
            #expect(try await client.send(.get, "/v1/cases", as: .northshireAdmin, in: world).status == .forbidden)
            #expect(try await client.record("birth", on: "2025-07-01", caseID: id, in: world, as: .northshireIRO).status == .forbidden)
            #expect(try await client.record("birth", on: "2025-07-01", caseID: id, in: world, as: .northshireLeader).status == .forbidden)
            let open = try await client.send(.post, "/v1/cases", as: .northshireIRO, in: world, json: #"{"reference":"NS-9","local_authority":"la-northshire","profile":{"sex":"male","ethnicity":"WBRI","sibling_group_size":1,"disability":false,"unborn":false}}"#)
            #expect(open.status == .forbidden)
        }
    }

    /// Stored token hashes are plain SHA-256 in lower-case hex (an operator can compute one with
    /// `sha256sum`, as the benchmarks do); the FIPS 180-2 test vectors pin it.
    @Test func tokenHashesAreSHA256InLowerCaseHex() {
        #expect(TokenSecret.hash("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(TokenSecret.hash("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test(arguments: TestDatabase.all)
    func requestsWithoutValidCredentialsAnswer401(database: TestDatabase) async throws {
        try await TestWorld.run(on: database) { world, client in
            let none = try await client.send(.get, "/v1/cases", as: nil, in: world)
            #expect(none.status == .unauthorized)
            #expect(none.headers[.wwwAuthenticate]?.hasPrefix("Bearer") == true)
            for header in ["Basic dXNlcjpwYXNz", "Bearer ept_notarealtoken_000000", "Bearer " + TokenSecret.generate()] {
                let response = try await client.send(.get, "/v1/cases", as: nil, in: world, headers: [.authorization: header])
                #expect(response.status == .unauthorized, "\(header)")
            }
            // A real token with one character of its checksum changed: refused before any look-up.
            let genuine = world.tokens[.northshireIRO]!
            let tampered = String(genuine.dropLast()) + (genuine.last == "0" ? "1" : "0")
            #expect(try await client.send(.get, "/v1/cases", as: nil, in: world, headers: [.authorization: "Bearer \(tampered)"]).status == .unauthorized)
            #expect(!TokenSecret.isWellFormed(tampered))

            let secret = TokenSecret.generate()
            let token = TokenRecord(id: UUID(), agency: TestWorld.northshire, role: .iro, label: "revoked-iro", createdAt: TestWorld.now, expiresAt: TestWorld.now.addingTimeInterval(86_400))
            try await world.backend.store.createToken(token, hash: TokenSecret.hash(secret), audit: nil, idempotency: nil)
            #expect(try await client.send(.get, "/v1/cases", as: nil, in: world, headers: [.authorization: "Bearer \(secret)"]).status == .ok)
            #expect(try await world.backend.store.revokeToken(id: token.id, agency: nil, at: TestWorld.now, audit: nil))
            #expect(try await client.send(.get, "/v1/cases", as: nil, in: world, headers: [.authorization: "Bearer \(secret)"]).status == .unauthorized)

            let expired = TokenSecret.generate()
            try await world.backend.store.createToken(
                TokenRecord(id: UUID(), agency: TestWorld.northshire, role: .iro, label: "expired-iro", createdAt: TestWorld.now.addingTimeInterval(-10 * 86_400), expiresAt: TestWorld.now.addingTimeInterval(-86_400)),
                hash: TokenSecret.hash(expired), audit: nil, idempotency: nil
            )
            #expect(try await client.send(.get, "/v1/cases", as: nil, in: world, headers: [.authorization: "Bearer \(expired)"]).status == .unauthorized)

            for open in ["/health/live", "/health/ready", "/openapi.yaml"] {
                #expect(try await client.send(.get, open, as: nil, in: world).status == .ok, "\(open)")
            }
        }
    }

    @Test(arguments: TestDatabase.all)
    func aTokensLastUseIsRecorded(database: TestDatabase) async throws {
        try await TestWorld.run(on: database) { world, client in
            let before = try await world.backend.store.tokens(agency: nil).first { $0.label == TestWorld.Caller.northshireLeader.rawValue }
            #expect(before?.lastUsedAt == nil)
            #expect(try await client.send(.get, "/v1/cases", as: .northshireLeader, in: world).status == .ok)
            // Recorded off the request's path: give it a moment.
            var after: Date?
            for _ in 0..<40 where after == nil {
                try await Task.sleep(for: .milliseconds(50))
                after = try await world.backend.store.tokens(agency: nil).first { $0.label == TestWorld.Caller.northshireLeader.rawValue }?.lastUsedAt
            }
            #expect(after != nil)
        }
    }
}
