import Logging
import PostgresNIO

extension PostgresSource {
    /// The channel on which migration 0010's triggers announce a change to agencies,
    /// partnerships or tokens, the payload being the schema changed (one database may hold
    /// several eptrack schemas, as the tests' does).
    static let identityChannel = "eptrack_identity"

    /// Listens on a connection of its own (not one of the pool's) and empties `cache` at each
    /// change to this schema's identity tables, the cache being on only while listening. A lost
    /// connection turns it off at once; listening starts again a second later.
    public func followIdentityChanges(_ cache: IdentityCache) async {
        while !Task.isCancelled {
            do {
                let connection = try await connectAlone()
                var lost: (any Error)?
                do { try await follow(on: connection, cache) } catch { lost = error }
                cache.turnOff()
                try? await connection.close()
                if let lost { throw lost }
            } catch where !Task.isCancelled {
                cache.turnOff()
                logger.warning(
                    "not hearing other processes' changes to tokens and partnerships: each request reads them from the database until listening again",
                    metadata: ["reason": .string(Self.words(of: error))]
                )
            } catch {}
            try? await Task.sleep(for: .seconds(1))
        }
    }

    /// Returns when the task is cancelled; throws when the connection is lost.
    private func follow(on connection: PostgresConnection, _ cache: IdentityCache) async throws {
        let rows = try await connection.query("SELECT current_schema()", logger: logger)
        var schema: String?
        for try await row in rows { schema = try row.decode(String.self) }
        try await connection.listen(on: Self.identityChannel) { notifications in
            // LISTEN is in force: from here on no change goes unheard.
            cache.turnOn()
            for try await notification in notifications where notification.payload == schema {
                cache.empty()
            }
        }
    }
}
