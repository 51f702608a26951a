import EPDomain
import EPServer
import EPStore
import Foundation
import HummingbirdTesting
import SQLKit
import Synchronization
import Testing

/// The dashboards count from each case's stored journey digest, so every write must keep it in
/// step with the records (in the same transaction), and cases stored before digests existed get
/// theirs at start.
@Suite struct JourneyDigestStoreTests {
    /// Every digest of one LA, with the batch sizes they came in.
    static func digests(_ store: any Store, _ localAuthority: String, batch: Int = 100) async throws -> (all: [JourneyDigest], batches: [Int]) {
        let received = Mutex((all: [JourneyDigest](), batches: [Int]()))
        try await store.journeyDigests(in: [localAuthority], batch: batch) { digests in
            received.withLock { $0.all += digests; $0.batches.append(digests.count) }
        }
        return received.withLock { $0 }
    }

    /// Each stored digest against the one worked out afresh from the case's records.
    static func expectDigestsMatchRecords(_ store: any Store, _ localAuthority: String, count: Int) async throws {
        let stored = Set(try await digests(store, localAuthority).all)
        let fromRecords = Set(try await store.allCases(in: [localAuthority]).map { JourneyDigest($0.journey) })
        #expect(stored.count == count)
        #expect(stored == fromRecords)
    }

    @Test(arguments: TestDatabase.all)
    func everyWriteKeepsTheDigestInStepWithTheRecords(database: TestDatabase) async throws {
        try await TestWorld.run(on: database) { world, client in
            let store = world.backend.store
            // An unborn baby: pre-birth conference, PLO, EP recommended, birth, FfA placement.
            let id = try await client.openCase(in: world, reference: "NS-EP-2025-0311", unborn: true)
            try await Self.expectDigestsMatchRecords(store, TestWorld.northshire, count: 1)
            try await client.record("pre_birth_conference", on: "2025-03-04", details: #"{"gestation_weeks":26}"#, caseID: id, in: world)
            try await client.record("plo_pre_proceedings", on: "2025-03-11", caseID: id, in: world)
            let consideration = try await client.record(
                "ep_consideration", on: "2025-03-25", details: #"{"outcome":"not_suitable","reason":"Parents' views \"to be heard\"; revisit"}"#,
                caseID: id, in: world
            )
            try await Self.expectDigestsMatchRecords(store, TestWorld.northshire, count: 1)

            // A correction replaces the record in the journey; the digest follows.
            let wrongID = try #require((try consideration.object()["milestone"] as? [String: Any])?["id"] as? String)
            let corrected = try await client.send(
                .post, "/v1/cases/\(id)/milestones/\(wrongID)/corrections", as: .northshireSocialWorker, in: world,
                json: #"{"reason":"Panel minutes say recommended","kind":"ep_consideration","occurred_on":"2025-03-25","details":{"outcome":"recommended"}}"#
            )
            #expect(corrected.status == .created, "\(corrected.text)")
            let digest = try #require(try await Self.digests(store, TestWorld.northshire).all.first).journey()
            #expect(digest.first(.epConsideration)?.details == .epConsideration(outcome: .recommended, reason: nil))
            #expect(digest.milestones.count == 3)

            // A profile change (PATCH) reaches the digest too.
            let patched = try await client.send(
                .patch, "/v1/cases/\(id)", as: .northshireSocialWorker, in: world, json: #"{"sibling_group_size":2}"#, headers: [.ifMatch: "\"v5\""]
            )
            #expect(patched.status == .ok, "\(patched.text)")
            #expect(try await Self.digests(store, TestWorld.northshire).all.first?.journey().profile.siblingGroupSize == 2)

            // A refused milestone changes nothing, the digest included.
            let before = try await Self.digests(store, TestWorld.northshire).all
            let refused = try await client.record("adoption_order", on: "2025-03-30", caseID: id, in: world)
            #expect(refused.status == .conflict, "an adoption order before any placement order is out of order")
            #expect(try await Self.digests(store, TestWorld.northshire).all == before)

            // Another LA's case is not among Northshire's digests.
            _ = try await client.openCase(in: world, reference: "SM-EP-2025-0044", as: .southmoorSocialWorker, localAuthority: TestWorld.southmoor)
            try await Self.expectDigestsMatchRecords(store, TestWorld.northshire, count: 1)
            try await Self.expectDigestsMatchRecords(store, TestWorld.southmoor, count: 1)
        }
    }

    @Test(arguments: TestDatabase.all)
    func casesStoredBeforeDigestsGetThemAtStart(database: TestDatabase) async throws {
        try await TestWorld.run(on: database) { world, client in
            for number in 1...3 {
                let id = try await client.openCase(in: world, reference: "NS-EP-2024-090\(number)")
                try await client.record("plo_pre_proceedings", on: "2025-0\(number)-06", caseID: id, in: world)
                try await client.record("proceedings_issued", on: "2025-0\(number + 3)-14", caseID: id, in: world)
            }
            // As an older version left them: no digest.
            try await world.backend.source.withConnection { try await $0.raw("UPDATE cases SET journey_digest = NULL").run() }
            let store = world.backend.store
            #expect(try await store.completeJourneyDigests() == 3)
            try await Self.expectDigestsMatchRecords(store, TestWorld.northshire, count: 3)
            #expect(try await Self.digests(store, TestWorld.northshire, batch: 2).batches == [2, 1], "handed on in batches as they arrive")
            #expect(try await store.completeJourneyDigests() == 0, "nothing left to write")
        }
    }

    /// The summary counted in batches of 4 as they arrive equals the one counted in a single
    /// batch, and the one the domain works out from the cases' records.
    @Test(arguments: TestDatabase.all)
    func figuresCountedInBatchesEqualFiguresFromRecords(database: TestDatabase) async throws {
        try await TestWorld.run(on: database) { world, _ in
            let policy = try TestDatabase.englandPolicy()
            let store = world.backend.store
            var synthetic = SyntheticJourneys(seed: 20_250_901)
            let journeys = (1...30).map { number in
                let (profile, steps) = synthetic.next(startingBefore: day("2025-08-01"))
                let draft = NewCase(reference: "NS-EP-2024-\(1000 + number)", localAuthority: TestWorld.northshire, adoptionAgency: TestWorld.raa, profile: profile)
                return (draft, steps)
            }
            let importer = Caller(actor: "demo", agency: TestWorld.northshire, agencyType: .la, role: .socialWorker, visibleLocalAuthorities: [TestWorld.northshire])
            _ = try await CaseService(store: store, policy: policy, clock: world.clock).importJourneys(journeys, by: importer)

            let raaLeader = Caller(actor: "leader", agency: TestWorld.raa, agencyType: .raa, role: .leader, visibleLocalAuthorities: [TestWorld.northshire])
            func summary(batch: Int, by leader: Caller = raaLeader) async throws -> Dashboard {
                try await DashboardService(store: store, policy: policy, clock: world.clock, heavy: HeavyWork(limit: 1), batch: batch).summary(
                    by: leader, from: day("2023-01-01"), to: day("2025-12-31"), localAuthority: nil, asOf: day("2025-06-30"), requestID: nil
                )
            }
            let batched = try await summary(batch: 4)
            let whole = try await summary(batch: 1_000)
            let fromRecords = DashboardBuilder.build(
                cases: try await store.allCases(in: [TestWorld.northshire]), policy: policy,
                request: DashboardRequest(from: day("2023-01-01"), to: day("2025-12-31"), asOf: day("2025-06-30"), suppressSmallNumbers: true)
            )
            #expect(batched.csv == whole.csv)
            #expect(batched.csv == fromRecords.csv)
            // The LA's own exact view, counted in batches of 4, counts every journey once (the
            // RAA's three-year total is the sum of its years' counts, withheld with any of them).
            let laLeader = Caller(actor: "leader", agency: TestWorld.northshire, agencyType: .la, role: .leader, visibleLocalAuthorities: [TestWorld.northshire])
            let counted = try await summary(batch: 4, by: laLeader).figures.first { $0.name == "cases_by_state" && $0.breakdown.isEmpty }
            #expect(counted?.value == 30, "every imported journey counted once across the batches")
        }
    }
}

private func day(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }
