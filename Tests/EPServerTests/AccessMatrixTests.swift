import EPDomain
import EPServer
import EPStore
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

/// The cross-agency matrix: three LAs, an RAA in partnership with two of them, a VAA with none;
/// every role of every agency against every case operation and every list. Nobody sees a case
/// unless it belongs to their LA or to an LA their agency is in partnership with.
@Suite struct AccessMatrixTests {
    static let eastfield = "la-eastfield"
    static let agencies = [TestWorld.northshire, TestWorld.southmoor, eastfield, TestWorld.raa, TestWorld.vaa]

    /// Who may see cases of `localAuthority`.
    static func sees(_ agency: String, _ localAuthority: String) -> Bool {
        agency == localAuthority || (agency == TestWorld.raa && [TestWorld.northshire, eastfield].contains(localAuthority))
    }

    struct Operation: Sendable {
        let name: String
        let method: HTTPRequest.Method
        let path: @Sendable (String, String) -> String
        let body: String?
        let roles: Set<Role>
        /// Statuses that show the request passed authorisation and visibility (a write may lose
        /// a race to an earlier caller in the matrix: a stale ETag, an already-corrected record).
        let passed: Set<HTTPResponse.Status>
    }

    static let operations: [Operation] = {
        let readers: Set<Role> = [.socialWorker, .iro, .leader]
        return [
            Operation(name: "read case", method: .get, path: { id, _ in "/v1/cases/\(id)" }, body: nil, roles: readers, passed: [.ok]),
            Operation(name: "update case", method: .patch, path: { id, _ in "/v1/cases/\(id)" }, body: #"{"disability":true}"#, roles: [.socialWorker], passed: [.ok, .preconditionFailed]),
            Operation(name: "record milestone", method: .post, path: { id, _ in "/v1/cases/\(id)/milestones" }, body: #"{"kind":"family_group_conference","occurred_on":"2025-08-20"}"#, roles: [.socialWorker], passed: [.created]),
            Operation(name: "correct milestone", method: .post, path: { id, milestone in "/v1/cases/\(id)/milestones/\(milestone)/corrections" }, body: #"{"reason":"Date keyed wrongly","kind":"plo_pre_proceedings","occurred_on":"2025-07-02"}"#, roles: [.socialWorker], passed: [.created, .conflict]),
            Operation(name: "case alerts", method: .get, path: { id, _ in "/v1/cases/\(id)/alerts" }, body: nil, roles: readers, passed: [.ok]),
            Operation(name: "acknowledge", method: .post, path: { id, _ in "/v1/cases/\(id)/alerts/S2-ep-considered-early/acknowledgements" }, body: #"{"note":"Raised at review"}"#, roles: [.iro], passed: [.created]),
        ]
    }()

    @Test(arguments: TestDatabase.all)
    func everyRoleOfEveryAgencyAgainstEveryCase(database: TestDatabase) async throws {
        try await TestWorld.run(on: database) { world, client in
            let store = world.backend.store
            try await store.createAgency(Agency(id: Self.eastfield, name: "Eastfield City Council", type: .la), at: TestWorld.now, audit: nil)
            try await store.startPartnership(agency: TestWorld.raa, localAuthority: Self.eastfield, at: TestWorld.now, audit: nil)
            var tokens: [String: String] = [:]  // "agency role" → secret
            for agency in Self.agencies {
                for role in Role.allCases {
                    let secret = TokenSecret.generate()
                    try await store.createToken(
                        TokenRecord(id: UUID(), agency: agency, role: role, label: "\(agency) \(role.rawValue)", createdAt: TestWorld.now, expiresAt: TestWorld.now.addingTimeInterval(86_400)),
                        hash: TokenSecret.hash(secret), audit: nil, idempotency: nil
                    )
                    tokens["\(agency) \(role.rawValue)"] = secret
                }
            }
            func send(_ method: HTTPRequest.Method, _ path: String, _ agency: String, _ role: Role, _ body: String? = nil, _ extra: HTTPFields = [:]) async throws -> TestResponse {
                var headers = extra
                headers[.authorization] = "Bearer \(tokens["\(agency) \(role.rawValue)"]!)"
                if body != nil { headers[.contentType] = "application/json" }
                return try await client.execute(uri: path, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
            }

            // Every RAA and VAA admin tries to give its agency access to every LA's cases, and LA
            // admins try to give a partner access to another LA's: a proposal gives no access
            // (the matrix below runs with them pending), and only a party may propose.
            for agency in [TestWorld.raa, TestWorld.vaa] {
                for localAuthority in [TestWorld.northshire, TestWorld.southmoor, Self.eastfield] {
                    let body = #"{"agency":"\#(agency)","local_authority":"\#(localAuthority)"}"#
                    let proposed = try await send(.post, "/v1/partnerships", agency, .admin, body)
                    if Self.sees(agency, localAuthority) {
                        #expect(proposed.status == .conflict, "\(agency) already works for \(localAuthority)")
                    } else {
                        #expect(proposed.status == .created, "\(proposed.text)")
                        #expect(try proposed.object()["status"] as? String == "proposed", "\(agency) admin only proposes to \(localAuthority)")
                    }
                    let accepted = try await send(.post, "/v1/partnerships/\(agency)/\(localAuthority)/accept", agency, .admin)
                    #expect(accepted.status == .forbidden, "\(agency) admin accepting its own proposal: \(accepted.status)")
                    for other in [TestWorld.northshire, TestWorld.southmoor, Self.eastfield] where other != localAuthority {
                        let meddling = try await send(.post, "/v1/partnerships", other, .admin, body)
                        #expect(meddling.status == .forbidden, "\(other) admin partnering \(agency) with \(localAuthority)")
                    }
                }
                let registered = try await send(.post, "/v1/agencies", agency, .admin, #"{"id":"la-\#(agency)","name":"Takeover","type":"la"}"#)
                #expect(registered.status == .forbidden)
            }

            // One case in each LA, with a PLO meeting (so it has an overdue alert).
            var cases: [(id: String, localAuthority: String, reference: String, milestone: String)] = []
            for localAuthority in [TestWorld.northshire, TestWorld.southmoor, Self.eastfield] {
                let reference = "EP-MATRIX-\(localAuthority.dropFirst(3).prefix(5).uppercased())"
                let opened = try await send(.post, "/v1/cases", localAuthority, .socialWorker, #"{"reference":"\#(reference)","local_authority":"\#(localAuthority)","profile":{"sex":"male","ethnicity":"AOTH","sibling_group_size":1,"disability":false,"unborn":false}}"#)
                let id = try #require(try opened.object()["id"] as? String)
                let plo = try await send(.post, "/v1/cases/\(id)/milestones", localAuthority, .socialWorker, #"{"kind":"plo_pre_proceedings","occurred_on":"2025-07-01"}"#)
                let milestone = try #require((try plo.object()["milestone"] as? [String: Any])?["id"] as? String)
                cases.append((id, localAuthority, reference, milestone))
            }

            // A role an agency does not have (an RAA's or VAA's IRO: IROs are the LA's, Children
            // Act 1989 s.25A), in a credential made some other way, is refused on every operation.
            for agency in Self.agencies.suffix(2) {
                for subject in cases {
                    for operation in Self.operations {
                        let response = try await send(operation.method, operation.path(subject.id, subject.milestone), agency, .iro, operation.body, [.ifMatch: "\"v3\""])
                        #expect(response.status == .forbidden && !response.text.contains(subject.reference), "\(agency) iro → \(operation.name): \(response.status)")
                    }
                }
            }

            for agency in Self.agencies {
                for role in Role.allCases where agency.hasPrefix("la-") || role != .iro {
                    for subject in cases {
                        let visible = Self.sees(agency, subject.localAuthority)
                        for operation in Self.operations {
                            let response = try await send(operation.method, operation.path(subject.id, subject.milestone), agency, role, operation.body, [.ifMatch: "\"v3\""])
                            let who = "\(agency) \(role.rawValue) → \(operation.name) on \(subject.localAuthority)'s case"
                            if !operation.roles.contains(role) {
                                #expect(response.status == .forbidden, "\(who): \(response.status)")
                            } else if !visible {
                                #expect(response.status == .notFound, "\(who): \(response.status)")
                            } else {
                                #expect(operation.passed.contains(response.status), "\(who): \(response.text)")
                            }
                            if !visible {
                                #expect(!response.text.contains(subject.reference), "\(who) leaked the reference")
                            }
                        }
                    }

                    // Lists and filters show only visible cases.
                    let expected = Set(cases.filter { Self.sees(agency, $0.localAuthority) }.map(\.id))
                    let list = try await send(.get, "/v1/cases?limit=100", agency, role)
                    if role == .admin {
                        #expect(list.status == .forbidden)
                    } else {
                        let ids = Set((try list.object()["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String })
                        #expect(ids == expected, "\(agency) \(role.rawValue) case list")
                        for subject in cases where !Self.sees(agency, subject.localAuthority) {
                            let filtered = try await send(.get, "/v1/cases?local_authority=\(subject.localAuthority)", agency, role)
                            #expect((try filtered.object()["items"] as? [Any])?.isEmpty == true)
                        }
                    }
                    for asOf in ["", "&as_of=2025-08-25"] {
                        let alerts = try await send(.get, "/v1/alerts?limit=100\(asOf)", agency, role)
                        if role == .iro || role == .leader {
                            let ids = Set((try alerts.object()["items"] as? [[String: Any]] ?? []).compactMap { $0["case_id"] as? String })
                            #expect(ids == expected, "\(agency) \(role.rawValue) alert list\(asOf)")
                        } else {
                            #expect(alerts.status == .forbidden)
                        }
                    }
                    let dashboard = try await send(.get, "/v1/dashboards/summary?from=2025-01-01&to=2025-12-31", agency, role)
                    if role == .leader {
                        let figures = try dashboard.object()["figures"] as? [[String: Any]] ?? []
                        let total = figures.first { $0["figure"] as? String == "cases_by_state" && $0["breakdown"] as? String == "" }
                        if Self.agencies.prefix(3).contains(agency) {
                            // An LA's own view is exact and counts its own case only.
                            #expect(total?["value"] as? Double == 1, "\(agency) leader dashboard")
                        } else {
                            #expect(try dashboard.object()["small_numbers_suppressed"] as? Bool == true, "\(agency) leader dashboard")
                            #expect(total?["value"] as? Double ?? 0 == 0 || total?["suppressed"] as? Bool == true)
                        }
                    } else {
                        #expect(dashboard.status == .forbidden)
                    }
                    let audit = try await send(.get, "/v1/audit?limit=100", agency, role)
                    if role == .admin {
                        let foreign = Set(cases.filter { !Self.sees(agency, $0.localAuthority) }.map(\.id))
                        let seen = Set((try audit.object()["items"] as? [[String: Any]] ?? []).compactMap { $0["case_id"] as? String })
                        #expect(seen.isDisjoint(with: foreign), "\(agency) admin's audit trail")
                    } else {
                        #expect(audit.status == .forbidden)
                    }
                }
            }
        }
    }
}
