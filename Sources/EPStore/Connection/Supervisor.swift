import PostgresNIO
import Synchronization

/// Keeps units of work on PostgresNIO's pool from hanging, with one watch for the whole source
/// rather than a timer for every unit (each lease of a connection is one: thousands a second
/// under load, and a timer for each would cost more than the work). Every `interval` the watch looks at the units in flight:
/// - one still waiting for a connection past its deadline is given up (PostgresNIO's pool
///   waits for ever while the database is down): its lease is cancelled and the caller told
///   the database is unavailable;
/// - one whose connection has closed gets a short grace to finish by itself (so a COMMIT the
///   database acknowledged is reported as done), and is then given up: PostgresNIO 1.33 never
///   answers a statement sent on a connection that has just closed, and the request would
///   hang, holding its lease and holding up shutdown. The stuck statement is left behind on
///   the dead connection, doing nothing.
final class Supervisor: Sendable {
    static let interval: Duration = .milliseconds(100)
    static let grace: Duration = .milliseconds(250)

    private let units = Mutex<[ObjectIdentifier: any Supervised]>([:])
    private let watch = Mutex<Task<Void, Never>?>(nil)

    func supervise(_ unit: any Supervised) {
        units.withLock { $0[ObjectIdentifier(unit)] = unit }
        watch.withLock { watch in
            guard watch == nil else { return }
            // Holds the supervisor only while inspecting, so a source nobody uses any more (and
            // never shut down) lets its watch end.
            watch = Task { [weak self] in
                while !Task.isCancelled {
                    try? await Task.sleep(for: Supervisor.interval)
                    guard let self else { return }
                    self.inspect()
                }
            }
        }
    }

    func stop() {
        watch.withLock { $0?.cancel() }
    }

    private func inspect() {
        let now = ContinuousClock.now
        let finished = units.withLock { Array($0.values) }.filter { $0.inspect(now: now) }
        guard !finished.isEmpty else { return }
        units.withLock { units in
            for unit in finished { units[ObjectIdentifier(unit)] = nil }
        }
    }
}

/// A unit of work as the supervisor sees it.
protocol Supervised: AnyObject, Sendable {
    /// Gives the unit up if it must be; true once it has been answered and can be forgotten.
    func inspect(now: ContinuousClock.Instant) -> Bool
}

/// One unit of work: waiting for a connection, then holding it, until it is answered once.
final class SupervisedUnit<T: Sendable>: Supervised {
    private struct State {
        var waiting: CheckedContinuation<Result<T, any Error>, Never>?
        var task: Task<Void, Never>?
        var connection: PostgresConnection?
        var leased = false
        var abandoned = false
        var released = false
        var lostSince: ContinuousClock.Instant?
    }

    private let deadline: ContinuousClock.Instant
    private let counter: PoolUsageCounter
    private let state = Mutex(State())

    init(deadline: ContinuousClock.Instant, counter: PoolUsageCounter) {
        self.deadline = deadline
        self.counter = counter
    }

    func start(_ continuation: CheckedContinuation<Result<T, any Error>, Never>, task: () -> Task<Void, Never>) {
        state.withLock { $0.waiting = continuation }
        let started = task()
        state.withLock { $0.task = started }
    }

    /// Called with the leased connection: false if the unit was already given up, and the
    /// connection must go straight back.
    func claim(_ connection: PostgresConnection) -> Bool {
        let claimed = state.withLock { state in
            guard !state.abandoned, state.waiting != nil else { return false }
            state.leased = true
            state.connection = connection
            return true
        }
        if claimed { counter.leased() }
        return claimed
    }

    /// The connection is free again (or, for a stuck unit, given up for dead); counted once.
    func release() {
        let first = state.withLock { state in
            guard state.leased, !state.released else { return false }
            state.released = true
            return true
        }
        if first { counter.released() }
    }

    /// Answers the caller, if nobody has yet.
    func answer(_ result: Result<T, any Error>) {
        let (waiting, leased, abandoned) = state.withLock { state in
            defer { state.waiting = nil }
            return (state.waiting, state.leased, state.abandoned)
        }
        guard let waiting else { return }
        if !leased { counter.gaveUp(timedOut: abandoned) }
        waiting.resume(returning: result)
    }

    /// The caller went away: a unit still waiting withdraws its lease request; one holding a
    /// connection runs to its end (never stopped mid-transaction).
    func cancel() {
        let task: Task<Void, Never>? = state.withLock { state in
            guard !state.leased, state.waiting != nil else { return nil }
            state.abandoned = true
            return state.task
        }
        guard let task else { return }
        // Answered first: the withdrawn lease then fails with the pool's own error, too late to
        // be the answer.
        answer(.failure(CancellationError()))
        task.cancel()
    }

    func inspect(now: ContinuousClock.Instant) -> Bool {
        let verdict: SupervisionVerdict = state.withLock { state in
            guard state.waiting != nil else { return .answered }
            guard state.leased else {
                guard now >= deadline else { return .wait }
                state.abandoned = true
                return .timedOut(state.task)
            }
            guard let connection = state.connection, connection.isClosed else { return .wait }
            guard let since = state.lostSince else {
                state.lostSince = now
                return .wait
            }
            return now - since >= Supervisor.grace ? .lost : .wait
        }
        switch verdict {
        case .answered:
            return true
        case .wait:
            return false
        case .timedOut(let task):
            answer(.failure(DatabaseUnavailable("the database did not hand out a connection in time")))
            // Withdraws the lease request from the pool, which then fails it with its own error:
            // answered first, so that error is not the answer.
            task?.cancel()
            return true
        case .lost:
            release()
            answer(.failure(DatabaseUnavailable("the connection to the database was lost")))
            return true
        }
    }
}

/// What the watch decides about a unit.
private enum SupervisionVerdict {
    case answered, wait, timedOut(Task<Void, Never>?), lost
}
