import Synchronization

/// How a connection source's connections are used right now, for `/metrics`: an operator
/// watching `waiting` climb towards timeouts knows the pool is too small or the database slow.
public struct PoolUsage: Sendable, Equatable {
    /// Connections held by a unit of work.
    public var inUse = 0
    /// Units of work waiting for a connection.
    public var waiting = 0
    /// The most connections the source opens.
    public let capacity: Int
    /// Units of work that gave up waiting because the database did not hand out a connection
    /// in time (since start).
    public var timeouts = 0
    /// Statements sent to the database (since start): on PostgreSQL each is a round trip (and a
    /// prepared statement's first run on a connection one more), so their rate over the request
    /// rate shows what a request costs the database.
    public var statements = 0

    public init(capacity: Int) {
        self.capacity = capacity
    }
}

/// The counters behind `PoolUsage`, safe to update from any task.
final class PoolUsageCounter: Sendable {
    private let usage: Mutex<PoolUsage>

    init(capacity: Int) {
        usage = Mutex(PoolUsage(capacity: capacity))
    }

    var snapshot: PoolUsage { usage.withLock { $0 } }

    func startedWaiting() { usage.withLock { $0.waiting += 1 } }
    func leased() { usage.withLock { $0.waiting -= 1; $0.inUse += 1 } }
    func released() { usage.withLock { $0.inUse -= 1 } }
    func sentStatement() { usage.withLock { $0.statements += 1 } }
    func gaveUp(timedOut: Bool) { usage.withLock { $0.waiting -= 1; if timedOut { $0.timeouts += 1 } } }
}
