import EPDomain
import Foundation
import Synchronization

/// Who a token belongs to and which local authorities an agency works for, kept in memory so a
/// request is not one database round trip longer for them (a write's three became two: the
/// read of the case and the write).
///
/// It is only ever as stale as the database's notifications allow:
/// - it is **off** (every lookup goes to the database) until the source hears other
///   connections' changes: on PostgreSQL, while a connection of its own listens for
///   `eptrack_identity`, which triggers on `agencies`, `partnerships` and `api_tokens` raise on
///   every change that matters (migration 0010); SQLite cannot tell one process of another's
///   changes, so there it stays off;
/// - this process's own changes empty it as soon as they are stored, so a token revoked or a
///   partnership ended through this server is refused on the very next request;
/// - another process's changes (another instance, `eptrack token revoke`) empty it when their
///   notification arrives, a few milliseconds after their commit;
/// - losing the listening connection turns it off at once, until listening again; one that
///   dies without a word is found by the listener's heartbeat within about ten seconds;
/// - an entry is never older than `lifetime`, and an unknown token is never remembered.
///
/// A lookup that started before a change and ends after it is not stored (`generation`), so a
/// value read just before a revocation cannot outlive it.
public final class IdentityCache: Sendable {
    public static let lifetime: Duration = .seconds(60)
    /// Beyond this many entries of a kind the cache starts again empty: more tokens in use than
    /// this at once is far past any agency's size, and it bounds the memory an attacker with
    /// many valid tokens could make it hold.
    static let capacity = 10_000

    private struct Entry<Value: Sendable>: Sendable {
        let value: Value
        let storedAt: ContinuousClock.Instant
    }

    private struct State: Sendable {
        var on = false
        var generation: UInt64 = 0
        var notificationsHeard = 0
        var timesTurnedOn = 0
        var credentials: [String: Entry<Credential>] = [:]
        var access: [String: Entry<AgencyAccess>] = [:]

        mutating func empty() {
            generation &+= 1
            credentials = [:]
            access = [:]
        }
    }

    private let state = Mutex(State())
    /// The clock entries are aged by: the system's, or a test's.
    private let now: @Sendable () -> ContinuousClock.Instant

    public init(now: @escaping @Sendable () -> ContinuousClock.Instant = { .now }) {
        self.now = now
    }

    /// True while lookups may be answered from memory.
    public var isOn: Bool { state.withLock { $0.on } }

    /// The source hears other connections' changes from now on: the cache may be used, starting
    /// empty, since changes made while nobody listened were not heard.
    func turnOn() { state.withLock { $0.empty(); $0.on = true; $0.timesTurnedOn += 1 } }

    /// How many times listening began (the first time and after each loss), for the tests.
    var timesTurnedOn: Int { state.withLock { $0.timesTurnedOn } }

    /// The source no longer hears changes: every lookup goes to the database until `turnOn`.
    func turnOff() { state.withLock { $0.empty(); $0.on = false } }

    /// Something that a caller's identity depends on changed: forget everything.
    func empty() { state.withLock { $0.empty() } }

    /// The listener heard a notification of this schema's (a change or its own heartbeat): what
    /// its heartbeat checks for. Notifications arrive in the order their transactions
    /// committed, so once one sent after a change has been heard, the change has been too (what
    /// the tests wait for).
    func heard() { state.withLock { $0.notificationsHeard += 1 } }
    var notificationsHeard: Int { state.withLock { $0.notificationsHeard } }

    func credential(hash: String, load: () async throws -> Credential?) async throws -> Credential? {
        try await cached(hash, \.credentials, load)
    }

    func access(agency: String, load: () async throws -> AgencyAccess?) async throws -> AgencyAccess? {
        try await cached(agency, \.access, load)
    }

    /// The token's use, noted in the cached copy too, so that requests answered from memory do
    /// not note it again for the rest of the hour.
    func noteUse(of id: UUID, at: Date) {
        state.withLock { state in
            for (hash, entry) in state.credentials where entry.value.token.id == id {
                state.credentials[hash] = Entry(value: entry.value.used(at: at), storedAt: entry.storedAt)
            }
        }
    }

    private func cached<Value: Sendable>(
        _ key: String, _ entries: WritableKeyPath<State, [String: Entry<Value>]>, _ load: () async throws -> Value?
    ) async throws -> Value? {
        let now = now()
        let lookup: (hit: Value?, generation: UInt64?) = state.withLock { state in
            guard state.on else { return (nil, nil) }
            if let entry = state[keyPath: entries][key], now - entry.storedAt < Self.lifetime { return (entry.value, nil) }
            return (nil, state.generation)
        }
        if let hit = lookup.hit { return hit }
        let value = try await load()
        guard let generation = lookup.generation, let value else { return value }
        state.withLock { state in
            guard state.on, state.generation == generation else { return }
            if state[keyPath: entries].count >= Self.capacity { state[keyPath: entries] = [:] }
            state[keyPath: entries][key] = Entry(value: value, storedAt: now)
        }
        return value
    }
}

/// What an agency may see: its type and the local authorities it works for now.
public struct AgencyAccess: Sendable, Hashable {
    public let type: AgencyType
    public let partners: Set<String>

    public init(type: AgencyType, partners: Set<String>) {
        self.type = type
        self.partners = partners
    }
}
