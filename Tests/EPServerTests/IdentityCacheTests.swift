import EPDomain
@testable import EPStore
import Foundation
import Logging
import Synchronization
import Testing

/// Tokens and agencies' access kept in memory, never staler than the database's notifications
/// allow. First the cache's own rules, then two servers on one PostgreSQL: what one changes, the
/// other stops answering from memory.
@Suite struct IdentityCacheTests {
    static let created = Date(timeIntervalSince1970: 1_735_689_600)
    static let iro = Credential(
        token: TokenRecord(id: UUID(), agency: "northshire", role: .iro, label: "ns-iro-laptop", createdAt: created, expiresAt: created.addingTimeInterval(90 * 86_400)),
        agencyType: .la, partnerLocalAuthorities: []
    )

    /// Counts the database reads behind a cache's lookups of one token.
    final class Reads: Sendable {
        private let count = Mutex(0)
        var total: Int { count.withLock { $0 } }

        func credential(_ cache: IdentityCache, answer: Credential? = IdentityCacheTests.iro, during: () -> Void = {}) async throws -> Credential? {
            try await cache.credential(hash: "h1") {
                count.withLock { $0 += 1 }
                during()
                return answer
            }
        }
    }

    @Test func offUntilTheSourceHearsChangesSoEveryLookupReadsTheDatabase() async throws {
        let cache = IdentityCache()
        let reads = Reads()
        _ = try await reads.credential(cache)
        _ = try await reads.credential(cache)
        #expect(!cache.isOn)
        #expect(reads.total == 2)
    }

    @Test func onItAnswersFromMemoryUntilAChangeEmptiesIt() async throws {
        let cache = IdentityCache()
        cache.turnOn()
        let reads = Reads()
        #expect(try await reads.credential(cache) == Self.iro)
        #expect(try await reads.credential(cache) == Self.iro)
        #expect(reads.total == 1)
        cache.empty()
        _ = try await reads.credential(cache)
        #expect(reads.total == 2)
    }

    /// A revocation that commits while a lookup is reading must not leave the value read before
    /// it in memory.
    @Test func aValueReadWhileSomethingChangedIsNotKept() async throws {
        let cache = IdentityCache()
        cache.turnOn()
        let reads = Reads()
        #expect(try await reads.credential(cache, during: { cache.empty() }) == Self.iro, "the caller still gets what was read")
        _ = try await reads.credential(cache)
        #expect(reads.total == 2)
    }

    @Test func anUnknownTokenIsNeverRemembered() async throws {
        let cache = IdentityCache()
        cache.turnOn()
        let reads = Reads()
        #expect(try await reads.credential(cache, answer: nil) == nil)
        #expect(try await reads.credential(cache, answer: nil) == nil)
        #expect(reads.total == 2, "a token created a moment later must work at once")
    }

    @Test func turningOffForgetsWhatItHeld() async throws {
        let cache = IdentityCache()
        cache.turnOn()
        let reads = Reads()
        _ = try await reads.credential(cache)
        cache.turnOff()
        cache.turnOn()
        _ = try await reads.credential(cache)
        #expect(reads.total == 2, "changes made while nobody listened were not heard")
    }

    /// However quiet the database, an entry is read again once it is `lifetime` old: a change
    /// whose notification was lost outlives it by no more than that.
    @Test func anEntryIsReadAgainOnceItIsALifetimeOld() async throws {
        let start = ContinuousClock.now
        let elapsed = Mutex(Duration.zero)
        let cache = IdentityCache(now: { start + elapsed.withLock { $0 } })
        cache.turnOn()
        let reads = Reads()
        _ = try await reads.credential(cache)
        elapsed.withLock { $0 = IdentityCache.lifetime - .seconds(1) }
        _ = try await reads.credential(cache)
        #expect(reads.total == 1, "59 s old: still answered from memory")
        elapsed.withLock { $0 = IdentityCache.lifetime }
        _ = try await reads.credential(cache)
        #expect(reads.total == 2, "60 s old: read again")
        elapsed.withLock { $0 = IdentityCache.lifetime + .seconds(30) }
        _ = try await reads.credential(cache)
        #expect(reads.total == 2, "the fresh read is kept from when it was made")
    }

    /// Requests answered from memory must not each note the token's use again.
    @Test func aNotedUseIsKeptInTheCopy() async throws {
        let cache = IdentityCache()
        cache.turnOn()
        let reads = Reads()
        _ = try await reads.credential(cache)
        let used = Self.created.addingTimeInterval(86_400)
        cache.noteUse(of: Self.iro.token.id, at: used)
        #expect(try await reads.credential(cache)?.token.lastUsedAt == used)
        #expect(reads.total == 1)
    }

    // MARK: Two servers on one PostgreSQL

    /// What another process does (another instance, `eptrack token revoke` on the host) reaches
    /// this server's memory through the database's notification, a few milliseconds later.
    @Test(.needsPostgres)
    func aTokenRevokedByAnotherProcessIsRefusedOnceTheNotificationArrives() async throws {
        try await twoServers { here, elsewhere in
            let hash = try await Self.token(in: here)
            try await here.waitUntilIdentityChangesAreHeard()
            #expect(try await here.store.credential(hash: hash)?.token.label == "ns-iro-laptop")
            // A change no trigger announces shows that the token is now answered from memory.
            try await elsewhere.source.withConnection { try await $0.raw("UPDATE api_tokens SET label = 'relabelled'").run() }
            #expect(try await here.store.credential(hash: hash)?.token.label == "ns-iro-laptop")

            let id = try #require(try await here.store.credential(hash: hash)?.token.id)
            #expect(try await elsewhere.store.revokeToken(id: id, agency: nil, at: Self.created, audit: nil))
            #expect(try await Self.eventually { try await here.store.credential(hash: hash)?.token.revokedAt != nil })
        }
    }

    @Test(.needsPostgres)
    func aPartnershipEndedByAnotherProcessEndsAccessOnceTheNotificationArrives() async throws {
        try await twoServers { here, elsewhere in
            _ = try await Self.token(in: here)
            try await here.store.startPartnership(agency: "coast-vale-raa", localAuthority: "northshire", at: Self.created, audit: nil)
            #expect(try await here.store.access(agency: "coast-vale-raa")?.partners == ["northshire"])
            #expect(try await elsewhere.store.endPartnership(agency: "coast-vale-raa", localAuthority: "northshire", at: Self.created, audit: nil))
            #expect(try await Self.eventually { try await here.store.access(agency: "coast-vale-raa")?.partners == [] })
        }
    }

    /// A lost listening connection turns the cache off (nothing said meanwhile would be heard)
    /// and listening starts again by itself.
    @Test(.needsPostgres)
    func aLostListenerTurnsTheCacheOffUntilListeningAgain() async throws {
        try await twoServers { here, elsewhere in
            let postgres = try #require(here.source as? PostgresSource)
            let listenings = here.store.identity.timesTurnedOn
            let ended = try await elsewhere.source.withConnection { database in
                try await database.raw("""
                    SELECT count(pg_terminate_backend(pid)) AS ended FROM pg_stat_activity WHERE application_name = \(bind: postgres.listenerName)
                    """).first()?.decode(column: "ended", as: Int.self)
            }
            #expect(ended == 2, "both servers' listeners share the schema's name")
            #expect(try await Self.eventually(within: .seconds(30)) { here.store.identity.timesTurnedOn > listenings && here.store.identity.isOn })
        }
    }

    /// This server's own changes need no notification: the next lookup already sees them. On
    /// SQLite, which has nothing to listen to, with the cache turned on by hand, so that only
    /// the store's own emptying can explain it.
    @Test func thisServersOwnChangesAreSeenByTheVeryNextLookup() async throws {
        try await TestDatabase.sqlite.withBackend { backend in
            let store = backend.store
            store.identity.turnOn()
            let hash = try await Self.token(in: backend)
            try await store.startPartnership(agency: "coast-vale-raa", localAuthority: "northshire", at: Self.created, audit: nil)
            let id = try #require(try await store.credential(hash: hash)?.token.id)
            #expect(try await store.access(agency: "coast-vale-raa")?.partners == ["northshire"])

            #expect(try await store.revokeToken(id: id, agency: nil, at: Self.created, audit: nil))
            #expect(try await store.credential(hash: hash)?.token.revokedAt != nil)
            #expect(try await store.endPartnership(agency: "coast-vale-raa", localAuthority: "northshire", at: Self.created, audit: nil))
            #expect(try await store.access(agency: "coast-vale-raa")?.partners == [])
        }
    }

    /// Two backends on one new database, both listening for changes.
    private func twoServers(_ body: (Backend, Backend) async throws -> Void) async throws {
        try await TestDatabase.postgres.withDatabase { url, options, logger in
            try await Backend.run(url, options: options, logger: logger) { here in
                try await Backend.run(url, options: options, logger: logger) { elsewhere in
                    try await here.waitUntilIdentityChangesAreHeard()
                    try await elsewhere.waitUntilIdentityChangesAreHeard()
                    try await body(here, elsewhere)
                }
            }
        }
    }

    /// Northshire and an RAA registered, and an IRO's token: its hash.
    private static func token(in backend: Backend) async throws -> String {
        try await backend.store.createAgency(Agency(id: "northshire", name: "Northshire County Council", type: .la), at: created, audit: nil)
        try await backend.store.createAgency(Agency(id: "coast-vale-raa", name: "Coast and Vale Adoption", type: .raa), at: created, audit: nil)
        try await backend.store.createToken(iro.token, hash: "h-ns-iro", audit: nil, idempotency: nil)
        return "h-ns-iro"
    }

    /// Whether `condition` holds within `limit` (a notification takes milliseconds; the limit
    /// allows for a machine busy with the other tests).
    private static func eventually(within limit: Duration = .seconds(10), _ condition: () async throws -> Bool) async throws -> Bool {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            if try await condition() { return true }
            try await Task.sleep(for: .milliseconds(10))
        }
        return false
    }
}
