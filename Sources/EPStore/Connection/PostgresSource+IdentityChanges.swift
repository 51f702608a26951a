import Foundation
import Logging
import PostgresNIO
import Synchronization

extension PostgresSource {
    /// The channel on which migration 0010's triggers announce a change to agencies,
    /// partnerships or tokens, the payload being the schema changed (one database may hold
    /// several eptrack schemas, as the tests' does).
    static let identityChannel = "eptrack_identity"
    /// How often the listener checks that it still hears the channel, and how long it waits for
    /// its own check to come back. A connection that dies without a word (a network partition,
    /// a failover) is found within about both together: the cache is then turned off.
    static let heartbeatInterval: Duration = .seconds(5)
    static let heartbeatPatience: Duration = .seconds(5)

    /// How the listening connection shows in `pg_stat_activity`: the schema too, when the URL
    /// names one, since several eptrack schemas may share a database.
    var listenerName: String {
        ["eptrack identity listener", settings.searchPath].compactMap { $0 }.joined(separator: " ")
    }

    /// Listens on a connection of its own (not one of the pool's) and empties `cache` at each
    /// change to this schema's identity tables. The cache is turned on only once the listener
    /// has heard its own first heartbeat (so LISTEN is in force end to end), and off as soon as
    /// the connection is lost or a heartbeat goes unheard; listening starts again a second later.
    public func followIdentityChanges(_ cache: IdentityCache) async {
        let outage = Flag()
        let logger = self.logger
        while !Task.isCancelled {
            do {
                let connection = try await connectAlone(applicationName: listenerName)
                var lost: (any Error)?
                do {
                    try await follow(on: connection, cache) {
                        if outage.swap(false) {
                            logger.info("hearing changes to tokens and partnerships again")
                        }
                    }
                } catch { lost = error }
                cache.turnOff()
                try? await connection.close()
                if let lost { throw lost }
            } catch where !Task.isCancelled {
                cache.turnOff()
                if !outage.swap(true) {
                    logger.warning(
                        "not hearing other processes' changes to tokens and partnerships: each request reads them from the database until listening again",
                        metadata: ["reason": .string(Self.words(of: error))]
                    )
                }
            } catch {}
            try? await Task.sleep(for: .seconds(1))
        }
    }

    /// Returns when the task is cancelled; throws when the connection is lost or stops
    /// delivering. The heartbeat's payload is the connection's schema (as the database sees it,
    /// so it is the triggers' `TG_TABLE_SCHEMA`) followed by words of this listener's own: the
    /// first one heard tells the listener which changes are its schema's, with no other query.
    private func follow(
        on connection: PostgresConnection, _ cache: IdentityCache, listening: @escaping @Sendable () -> Void
    ) async throws {
        let mark = " heartbeat " + UUID.random().uuidString.lowercased()
        let schema = SchemaName()
        let logger = self.logger
        try await connection.listen(on: Self.identityChannel) { notifications in
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    for try await notification in notifications {
                        let payload = notification.payload
                        if payload.hasSuffix(mark) {
                            schema.set(String(payload.dropLast(mark.count)))
                            cache.heard()
                        } else if let schema = schema.value, payload == schema {
                            // (Before the first heartbeat the schema is not known, but the cache
                            // is off then, and turning it on empties it.)
                            cache.empty()
                            cache.heard()
                        }
                    }
                    throw ListenerLost(reason: "the listening connection closed")
                }
                group.addTask {
                    var first = true
                    while !Task.isCancelled {
                        // Anything of this schema's heard after the heartbeat was sent shows the
                        // connection still delivers; the first time, only the heartbeat can (the
                        // schema is not known before it).
                        let before = cache.notificationsHeard
                        // Sent on the listening connection itself (not the pool's, which may be
                        // busy with requests) and not awaited: on a connection that died without
                        // a word PostgresNIO would never answer, and the unheard heartbeat is
                        // what tells. Closing the connection then fails the statement.
                        Task { [logger] in
                            _ = try? await connection.query("SELECT pg_notify(\(Self.identityChannel), current_schema() || \(mark))", logger: logger)
                        }
                        let deadline = ContinuousClock.now + Self.heartbeatPatience
                        while cache.notificationsHeard == before {
                            guard ContinuousClock.now < deadline else { throw ListenerLost(reason: "a heartbeat went unheard") }
                            try await Task.sleep(for: .milliseconds(20))
                        }
                        if first {
                            cache.turnOn()
                            listening()
                            first = false
                        }
                        try await Task.sleep(for: Self.heartbeatInterval)
                    }
                }
                try await group.next()
                group.cancelAll()
            }
        }
    }

    /// Whether the listener is in an outage (so it warns once, and says when it is over).
    private final class Flag: Sendable {
        private let state = Mutex(false)
        /// Sets the flag to `value`, returning what it was.
        func swap(_ value: Bool) -> Bool { state.withLock { was in let before = was; was = value; return before } }
    }

    /// The listening connection's schema, once its first heartbeat has said it.
    private final class SchemaName: Sendable {
        private let name = Mutex<String?>(nil)
        var value: String? { name.withLock { $0 } }
        func set(_ value: String) { name.withLock { $0 = value } }
    }

    struct ListenerLost: Error, CustomStringConvertible {
        let reason: String
        var description: String { reason }
    }
}
