import EPStore
import Logging
import ServiceLifecycle

/// Deletes stored idempotent responses once they expire (`EPTRACK_IDEMPOTENCY_TTL_HOURS`, 24 by
/// default): each quotes its request, free text included, so none is kept for ever. Expired
/// ones are never replayed in the meantime; this only takes them out of the database.
public struct IdempotencyExpiry: Service {
    let backend: Backend
    let clock: Clock
    let every: Duration
    let logger: Logger

    public init(backend: Backend, clock: Clock = Clock(), every: Duration = .seconds(600), logger: Logger) {
        self.backend = backend
        self.clock = clock
        self.every = every
        self.logger = logger
    }

    /// Purges once the database is ready, then every `every` until the server shuts down. A
    /// database that never got ready ends it with the backend's own error.
    public func run() async throws {
        try await cancelWhenGracefulShutdown { [backend] in try await backend.ready() }
        try? await cancelWhenGracefulShutdown { [every] in
            while !Task.isCancelled {
                await purge()
                try await Task.sleep(for: every)
            }
        }
    }

    func purge() async {
        do {
            let purged = try await backend.store.purgeIdempotencyRecords(at: clock.stamp)
            if purged > 0 { logger.info("expired stored responses deleted", metadata: ["count": .stringConvertible(purged)]) }
        } catch {
            // The database may be away; the next round tries again.
            logger.warning("could not delete expired stored responses", metadata: ["error": .string(String(reflecting: type(of: error)))])
        }
    }
}
