import NIOCore
import NIOPosix
import Synchronization

/// Where CPU-heavy evaluations run: a dashboard (every visible journey counted) and the alert
/// list for a past day (every visible open case evaluated). They run on threads of their own,
/// not on the event loops that answer every other request (`eptrack serve` runs Swift tasks on
/// the event loops), and at most `limit` at once per instance: beyond that the request is
/// answered 503 `server-busy` with `Retry-After` at once, rather than queueing work that would
/// make every later request wait. Four national dashboards from one token once kept
/// `/health/live` waiting 11 s.
public final class HeavyWork: Sendable {
    /// One thread per core, shared by every instance in the process and started once.
    private static let threads: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: System.coreCount)
        pool.start()
        return pool
    }()

    public let limit: Int
    private let running = Mutex(0)

    public init(limit: Int) {
        self.limit = limit
    }

    /// Holds one of the `limit` places for the whole of `body` (which may read the database
    /// and hand pieces of counting to `compute`), or refuses at once when none is free.
    public func admit<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        let admitted = running.withLock { running in
            guard running < limit else { return false }
            running += 1
            return true
        }
        guard admitted else { throw ServiceError.busy(retryAfter: 2) }
        defer { running.withLock { $0 -= 1 } }
        return try await body()
    }

    /// Runs CPU-bound work on the evaluation threads.
    public func compute<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await Self.threads.runIfActive(work)
    }
}
