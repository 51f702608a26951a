import EPDomain
import EPServer
import EPStore
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// Admins manage agencies and partnerships and read the audit trail; they read no case data.
@Suite struct AdminAPITests {
    @Test(arguments: TestDatabase.all)
    func onlyTheOperatorRegistersAgencies(database: TestDatabase) async throws {
        try await TestWorld.run(on: database) { world, client in
            let list = try await client.send(.get, "/v1/agencies", as: .northshireAdmin, in: world)
            #expect((try list.object()["items"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == [
                "la-northshire", "la-southmoor", "raa-coast-and-vale", "vaa-hearth",
            ])
            #expect(try await client.send(.get, "/v1/agencies", as: .northshireSocialWorker, in: world).status == .forbidden)

            // No agency's admin may register one: a new LA under any id would be theirs to admin.
            let body = #"{"id":"la-westmarch","name":"Westmarch Council","type":"la"}"#
            for caller in [TestWorld.Caller.northshireAdmin, .raaAdmin, .vaaAdmin] {
                let refused = try await client.send(.post, "/v1/agencies", as: caller, in: world, json: body)
                #expect(refused.status == .forbidden, "\(caller): \(refused.text)")
                #expect(refused.problemType == "forbidden")
            }
            #expect(try await world.backend.store.agency(id: "la-westmarch") == nil)

            // The operator registers through the same service, with its checks and audit event.
            let admin = AdminService(store: world.backend.store, clock: world.clock)
            let person = Operator(name: "deploy")
            let created = try await admin.registerAgency(Agency(id: "la-westmarch", name: "Westmarch Council", type: .la), by: person)
            #expect(created.type == .la)
            await #expect(throws: StoreError.alreadyExists("agency la-westmarch")) {
                try await admin.registerAgency(Agency(id: "la-westmarch", name: "Westmarch Council", type: .la), by: person)
            }
            await #expect(throws: ValidationError.self) { try await admin.registerAgency(Agency(id: "Kinship North", name: "Kinship", type: .vaa), by: person) }
            for formula in ["=HYPERLINK(\"http://x\")", "+Kinship", "@SUM(A1)", "Kinship <script>"] {
                await #expect(throws: ValidationError.self, "\(formula)") { try await admin.registerAgency(Agency(id: "vaa-kinship", name: formula, type: .vaa), by: person) }
            }
            #expect(try await world.backend.store.agency(id: "vaa-kinship") == nil)
            let trail = try await world.backend.store.auditEvents(AuditQuery(
                agency: "la-westmarch", localAuthorities: ["la-westmarch"], caseID: nil, actor: nil, from: nil, until: nil, limit: 10, after: nil
            ))
            #expect(trail.map(\.action) == ["agency.create"], "the new agency's admins see who registered it")
            #expect(trail.first?.actor == "operator:deploy")
            #expect(trail.first?.subjectAgency == "la-westmarch")
        }
    }

    /// `eptrack export cases` and `eptrack audit export` are in the audit trail themselves,
    /// recorded before anything is read: the local authority's admins see who took its cases.
    @Test(arguments: TestDatabase.all)
    func theOperatorsExportsAreThemselvesAudited(database: TestDatabase) async throws {
        try await TestWorld.run(on: database) { world, client in
            let id = try #require(UUID(uuidString: try await client.openCase(in: world, reference: "NS-EP-2025-0412")))
            let admin = AdminService(store: world.backend.store, clock: world.clock)
            let person = Operator(name: "deploy")
            let byOperator = AuditQuery(
                agency: TestWorld.northshire, localAuthorities: [TestWorld.northshire], caseID: nil, actor: "operator:deploy",
                from: nil, until: nil, limit: 10, after: nil
            )

            await #expect(throws: ValidationError.self, "an RAA has no cases of its own to export") {
                try await admin.exportCases(localAuthority: TestWorld.raa, by: person)
            }
            let csv = try await admin.exportCases(localAuthority: TestWorld.northshire, by: person)
            #expect(csv.split(whereSeparator: \.isNewline).count == 2, "the header and the one case")
            let seen = try await world.backend.store.auditEvents(byOperator)
            #expect(seen.map(\.action) == ["cases.export"], "the refused export recorded nothing")
            #expect(seen.first?.subjectAgency == TestWorld.northshire)

            var everything: [AuditEvent] = []
            try await admin.exportAuditTrail(caseID: nil, from: nil, to: nil, by: person) { everything.append($0) }
            #expect(everything.contains { $0.action == "case.create" && $0.caseID == id })
            #expect(everything.last?.action == "audit.export" && everything.last?.actor == "operator:deploy", "its own event, last")
            var oneCase: [AuditEvent] = []
            try await admin.exportAuditTrail(caseID: id, from: nil, to: nil, by: person) { oneCase.append($0) }
            #expect(!oneCase.isEmpty && oneCase.allSatisfy { $0.caseID == id })
            #expect(oneCase.last?.action == "audit.export", "an export of one case's events names the case")
        }
    }

    /// `eptrack token create|list|revoke` go through the admin service as the operator: the
    /// same checks as an admin's, and each token stored with its audit event.
    @Test(arguments: TestDatabase.all)
    func theOperatorManagesTokensThroughTheSameChecksAndAuditTrail(database: TestDatabase) async throws {
        try await TestWorld.run(on: database) { world, client in
            let admin = AdminService(store: world.backend.store, clock: world.clock)
            let person = Operator(name: "deploy")
            #expect(try await admin.agencies(by: person).map(\.id) == [TestWorld.northshire, TestWorld.southmoor, TestWorld.raa, TestWorld.vaa])
            await #expect(throws: ValidationError.self, "no such agency") {
                try await admin.createToken(agency: "la-westmarch", role: .iro, label: "Westmarch IRO service", days: 90, by: person)
            }
            await #expect(throws: ValidationError.self, "a year at most, as for an admin") {
                try await admin.createToken(agency: TestWorld.southmoor, role: .iro, label: "Southmoor IRO service", days: 730, by: person)
            }
            await #expect(throws: ValidationError.self, "a label saying what it is for, as for an admin") {
                try await admin.createToken(agency: TestWorld.southmoor, role: .iro, label: "  ", days: 90, by: person)
            }
            await #expect(throws: ValidationError.self, "no personal data in a label") {
                try await admin.createToken(agency: TestWorld.southmoor, role: .iro, label: "jane.smith@southmoor.gov.uk", days: 90, by: person)
            }
            // An RAA has no IROs (they are the LA's, Children Act 1989 s.25A): refused naming the role.
            let noIRO = await #expect(throws: ValidationError.self) {
                try await admin.createToken(agency: TestWorld.raa, role: .iro, label: "RAA IRO service", days: 90, by: person)
            }
            #expect(noIRO?.field == "/role" && noIRO?.detail.contains("s.25A") == true)
            let (record, secret) = try await admin.createToken(agency: TestWorld.southmoor, role: .iro, label: "Southmoor IRO service", days: 90, by: person)
            let bearer: HTTPFields = [.authorization: "Bearer \(secret)"]
            #expect(try await client.send(.get, "/v1/cases", as: nil, in: world, headers: bearer).status == .ok)
            #expect(try await admin.tokens(by: person).contains { $0.id == record.id && $0.agency == TestWorld.southmoor })

            #expect(try await admin.revokeToken(id: record.id, by: person))
            #expect(try await client.send(.get, "/v1/cases", as: nil, in: world, headers: bearer).status == .unauthorized)
            #expect(try await !admin.revokeToken(id: record.id, by: person), "already revoked")
            await #expect(throws: ServiceError.self, "an id no token has") { try await admin.revokeToken(id: UUID(), by: person) }

            let trail = try await world.backend.store.auditEvents(AuditQuery(
                agency: TestWorld.southmoor, localAuthorities: [TestWorld.southmoor], caseID: nil, actor: "operator:deploy",
                from: nil, until: nil, limit: 10, after: nil
            ))
            #expect(trail.map(\.action) == ["token.create", "token.revoke"], "one event each; revoking again changed nothing")
            #expect(trail.allSatisfy { $0.recordID == record.id && $0.agency == "operator" && $0.subjectAgency == TestWorld.southmoor })
        }
    }

    /// The review's attack: an RAA admin partners itself with an LA it does not work for.
    @Test(arguments: TestDatabase.all)
    func anRAAAdminCannotGrantItselfAnLAsCases(database: TestDatabase) async throws {
        try await TestWorld.run(on: database) { world, client in
            let id = try await client.openCase(in: world, reference: "SM-EP-2025-0007", as: .southmoorSocialWorker, localAuthority: TestWorld.southmoor)
            let proposed = try await client.send(.post, "/v1/partnerships", as: .raaAdmin, in: world, json: #"{"agency":"raa-coast-and-vale","local_authority":"la-southmoor"}"#)
            #expect(proposed.status == .created, "\(proposed.text)")
            #expect(try proposed.object()["status"] as? String == "proposed")
            #expect(try proposed.object()["started_at"] == nil)
            #expect(try await client.send(.get, "/v1/cases/\(id)", as: .raaSocialWorker, in: world).status == .notFound)
            #expect(try await client.record("plo_pre_proceedings", on: "2025-08-20", caseID: id, in: world, as: .raaSocialWorker).status == .notFound)
            let audit = try await client.send(.get, "/v1/audit?case_id=\(id)", as: .raaAdmin, in: world)
            #expect((try audit.object()["items"] as? [Any])?.isEmpty == true, "no access to the LA's audit trail either")
            let accepting = try await client.send(.post, "/v1/partnerships/raa-coast-and-vale/la-southmoor/accept", as: .raaAdmin, in: world)
            #expect(accepting.status == .forbidden)
            #expect(try await client.send(.get, "/v1/cases/\(id)", as: .raaSocialWorker, in: world).status == .notFound)
        }
    }

    @Test(arguments: TestDatabase.all)
    func aPartnershipStartsWhenTheLAAcceptsAndEveryEndedSpanIsKept(database: TestDatabase) async throws {
        try await TestWorld.run(on: database) { world, client in
            let id = try await client.openCase(in: world, reference: "SM-EP-2025-0011", as: .southmoorSocialWorker, localAuthority: TestWorld.southmoor)
            let pair = #"{"agency":"raa-coast-and-vale","local_authority":"la-southmoor"}"#
            #expect(try await client.send(.post, "/v1/partnerships", as: .raaAdmin, in: world, json: pair).status == .created)
            #expect(try await client.send(.post, "/v1/partnerships", as: .raaAdmin, in: world, json: pair).status == .conflict, "one open proposal per pair")

            // The LA's admin sees the proposal and accepts it: access starts on the next request.
            let pending = try await client.send(.get, "/v1/partnerships", as: .southmoorAdmin, in: world)
            let proposal = (try pending.object()["items"] as? [[String: Any]])?.first { $0["agency"] as? String == TestWorld.raa }
            #expect(proposal?["status"] as? String == "proposed")
            #expect(proposal?["proposed_by"] as? String == TestWorld.raa)
            #expect(try await client.send(.post, "/v1/partnerships/vaa-hearth/la-southmoor/accept", as: .southmoorAdmin, in: world).status == .notFound)
            let accepted = try await client.send(.post, "/v1/partnerships/raa-coast-and-vale/la-southmoor/accept", as: .southmoorAdmin, in: world)
            #expect(accepted.status == .ok, "\(accepted.text)")
            #expect(try accepted.object()["status"] as? String == "active")
            #expect(try accepted.object()["started_at"] != nil)
            #expect(try await client.send(.get, "/v1/cases/\(id)", as: .raaSocialWorker, in: world).status == .ok)
            #expect(try await client.send(.post, "/v1/partnerships/raa-coast-and-vale/la-southmoor/accept", as: .southmoorAdmin, in: world).status == .notFound, "nothing left to accept")

            // Either side ends it; the LA starts it again; both spans are kept.
            #expect(try await client.send(.delete, "/v1/partnerships/raa-coast-and-vale/la-southmoor", as: .raaAdmin, in: world).status == .noContent)
            #expect(try await client.send(.get, "/v1/cases/\(id)", as: .raaSocialWorker, in: world).status == .notFound, "access ends on the next request")
            let restarted = try await client.send(.post, "/v1/partnerships", as: .southmoorAdmin, in: world, json: pair)
            #expect(restarted.status == .created)
            #expect(try restarted.object()["status"] as? String == "active", "the LA's own admin starts it at once")
            #expect(try await client.send(.get, "/v1/cases/\(id)", as: .raaSocialWorker, in: world).status == .ok)
            let spans = (try await client.send(.get, "/v1/partnerships", as: .southmoorAdmin, in: world).object()["items"] as? [[String: Any]] ?? [])
                .filter { $0["agency"] as? String == TestWorld.raa }
            #expect(spans.compactMap { $0["status"] as? String } == ["ended", "active"], "the ended span is kept beside the new one")

            // A declined proposal: the VAA proposes, the LA ends it, no access at any point.
            let vaa = #"{"agency":"vaa-hearth","local_authority":"la-southmoor"}"#
            #expect(try await client.send(.post, "/v1/partnerships", as: .vaaAdmin, in: world, json: vaa).status == .created)
            #expect(try await client.send(.delete, "/v1/partnerships/vaa-hearth/la-southmoor", as: .southmoorAdmin, in: world).status == .noContent)
            #expect(try await client.send(.get, "/v1/cases/\(id)", as: .vaaSocialWorker, in: world).status == .notFound)

            // Both parties see every partnership event, each naming the other party.
            for caller in [TestWorld.Caller.southmoorAdmin, .raaAdmin] {
                let trail = try await client.send(.get, "/v1/audit?limit=100", as: caller, in: world)
                let events = (try trail.object()["items"] as? [[String: Any]] ?? []).filter { ($0["action"] as? String ?? "").hasPrefix("partnership.") }
                let raaEvents = events.filter { [$0["agency"] as? String, $0["subject_agency"] as? String].contains(TestWorld.raa) }
                #expect(raaEvents.compactMap { $0["action"] as? String } == ["partnership.propose", "partnership.start", "partnership.end", "partnership.start"], "\(caller)")
                #expect(raaEvents.allSatisfy { Set([$0["agency"] as? String, $0["subject_agency"] as? String]) == [TestWorld.raa, TestWorld.southmoor] })
            }
            let northshire = try await client.send(.get, "/v1/audit?limit=100", as: .northshireAdmin, in: world)
            #expect((try northshire.object()["items"] as? [[String: Any]] ?? []).allSatisfy { $0["subject_agency"] as? String != TestWorld.southmoor }, "a third agency sees none of it")
            // Reading the trail is on the trail too, for the reader's own agency only.
            let again = try await client.send(.get, "/v1/audit?limit=100", as: .northshireAdmin, in: world)
            let reads = (try again.object()["items"] as? [[String: Any]] ?? []).filter { $0["action"] as? String == "audit.read" }
            #expect(reads.count == 2 && reads.allSatisfy { $0["agency"] as? String == TestWorld.northshire }, "\(reads)")
        }
    }

    @Test(arguments: TestDatabase.all)
    func aPartnershipGivesAccessUntilItEnds(database: TestDatabase) async throws {
        try await TestWorld.run(on: database) { world, client in
            let id = try await client.openCase(in: world)
            #expect(try await client.send(.get, "/v1/cases/\(id)", as: .vaaSocialWorker, in: world).status == .notFound)

            let start = #"{"agency":"vaa-hearth","local_authority":"la-northshire"}"#
            let started = try await client.send(.post, "/v1/partnerships", as: .northshireAdmin, in: world, json: start)
            #expect(started.status == .created, "\(started.text)")
            #expect(try await client.send(.get, "/v1/cases/\(id)", as: .vaaSocialWorker, in: world).status == .ok)
            #expect(try await client.send(.post, "/v1/partnerships", as: .northshireAdmin, in: world, json: start).status == .conflict)

            let outsider = try await client.send(.delete, "/v1/partnerships/vaa-hearth/la-northshire", as: .southmoorAdmin, in: world)
            #expect(outsider.status == .forbidden, "only the two agencies' admins may end it")
            let notLA = try await client.send(.post, "/v1/partnerships", as: .northshireAdmin, in: world, json: #"{"agency":"vaa-hearth","local_authority":"raa-coast-and-vale"}"#)
            #expect(notLA.status == .forbidden)

            let listed = try await client.send(.get, "/v1/partnerships", as: .northshireAdmin, in: world)
            let pairs = (try listed.object()["items"] as? [[String: Any]] ?? []).map { "\($0["agency"] as? String ?? "") \($0["local_authority"] as? String ?? "")" }
            #expect(Set(pairs) == ["raa-coast-and-vale la-northshire", "vaa-hearth la-northshire"])

            #expect(try await client.send(.delete, "/v1/partnerships/vaa-hearth/la-northshire", as: .northshireAdmin, in: world).status == .noContent)
            #expect(try await client.send(.get, "/v1/cases/\(id)", as: .vaaSocialWorker, in: world).status == .notFound, "access ends on the next request")
            #expect(try await client.send(.delete, "/v1/partnerships/vaa-hearth/la-northshire", as: .northshireAdmin, in: world).status == .notFound)
            let ended = try await client.send(.get, "/v1/partnerships", as: .northshireAdmin, in: world)
            let vaa = (try ended.object()["items"] as? [[String: Any]])?.first { $0["agency"] as? String == "vaa-hearth" }
            #expect(vaa?["ended_at"] != nil, "an ended partnership is kept, with its end")
            #expect(vaa?["status"] as? String == "ended")
        }
    }

    @Test(arguments: TestDatabase.all)
    func theAuditTrailRecordsWhoReadAndWroteEachCase(database: TestDatabase) async throws {
        try await TestWorld.run(on: database) { world, client in
            let id = try await client.openCase(in: world)
            try await client.record("plo_pre_proceedings", on: "2025-07-01", caseID: id, in: world)
            try await client.send(.get, "/v1/cases/\(id)", as: .raaSocialWorker, in: world)
            let other = try await client.openCase(in: world, reference: "SM-EP-2025-0001", as: .southmoorSocialWorker, localAuthority: TestWorld.southmoor)

            let trail = try await client.send(.get, "/v1/audit?case_id=\(id)", as: .northshireAdmin, in: world)
            #expect(trail.status == .ok)
            let events = try #require(try trail.object()["items"] as? [[String: Any]])
            #expect(events.compactMap { $0["action"] as? String } == ["case.create", "milestone.record", "case.read"])
            #expect(events.last?["agency"] as? String == TestWorld.raa)
            #expect(events.allSatisfy { $0["request_id"] as? String != nil })

            let paged = try await client.send(.get, "/v1/audit?case_id=\(id)&limit=2", as: .northshireAdmin, in: world)
            let cursor = try #require(try paged.object()["next_cursor"] as? String)
            let rest = try await client.send(.get, "/v1/audit?case_id=\(id)&limit=2&cursor=\(cursor)", as: .northshireAdmin, in: world)
            #expect((try rest.object()["items"] as? [[String: Any]])?.compactMap { $0["action"] as? String } == ["case.read"])

            let southmoor = try await client.send(.get, "/v1/audit?case_id=\(id)", as: .southmoorAdmin, in: world)
            #expect((try southmoor.object()["items"] as? [Any])?.isEmpty == true, "another LA's admin sees nothing of this case")
            let own = try await client.send(.get, "/v1/audit?case_id=\(other)", as: .southmoorAdmin, in: world)
            #expect((try own.object()["items"] as? [Any])?.count == 1)

            let day = try await client.send(.get, "/v1/audit?from=2025-09-01&to=2025-09-01", as: .northshireAdmin, in: world)
            #expect((try day.object()["items"] as? [[String: Any]])?.filter { $0["action"] as? String != "audit.read" }.count == 3, "and the trail's own reads")
            _ = try await client.send(.get, "/v1/cases", as: .northshireLeader, in: world)
            let listed = try await client.send(.get, "/v1/audit?actor=\(try #require(try trail.object()["items"] as? [[String: Any]]).first?["actor"] as? String ?? "")", as: .northshireAdmin, in: world)
            #expect(listed.status == .ok)
            let lists = try await client.send(.get, "/v1/audit?from=2025-09-01", as: .northshireAdmin, in: world)
            #expect((try lists.object()["items"] as? [[String: Any]])?.contains { $0["action"] as? String == "cases.list" } == true, "reading a list of cases is audited too")
            let before = try await client.send(.get, "/v1/audit?to=2025-08-31", as: .northshireAdmin, in: world)
            #expect((try before.object()["items"] as? [Any])?.isEmpty == true)
            // Days that make no period are refused, not answered with nothing.
            let backwards = try await client.send(.get, "/v1/audit?from=2025-09-01&to=2025-08-01", as: .northshireAdmin, in: world)
            #expect(backwards.status == .unprocessableContent, "\(backwards.text)")
            #expect(backwards.problemField == "to")
            #expect(try await client.send(.get, "/v1/audit", as: .northshireIRO, in: world).status == .forbidden)
        }
    }
}
