import Synchronization

/// A one-way gate: `wait()` suspends until `open()` or `fail(_:)`, and passes (or throws) at
/// once afterwards. The backend opens it when the database is migrated, so services started
/// beside the backend in one service group begin their work only on a database that is ready.
final class Readiness: Sendable {
    private enum State {
        case waiting([Int: CheckedContinuation<Void, any Error>], next: Int)
        case ready
        case failed(any Error)
    }

    private let state = Mutex<State>(.waiting([:], next: 0))

    func open() { settle(with: nil) }

    func fail(_ error: any Error) { settle(with: error) }

    /// Throws the preparation's error if it failed, or `CancellationError` if the waiting task
    /// is cancelled first.
    func wait() async throws {
        let id = state.withLock { state -> Int? in
            guard case .waiting(let waiters, let next) = state else { return nil }
            state = .waiting(waiters, next: next + 1)
            return next
        }
        guard let id else { return try outcome() }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                // Checked under the lock: a cancellation handler that ran before this found
                // nothing to resume, and the flag it follows is already set.
                let registered = state.withLock { state -> Bool in
                    guard case .waiting(var waiters, let next) = state, !Task.isCancelled else { return false }
                    waiters[id] = continuation
                    state = .waiting(waiters, next: next)
                    return true
                }
                if !registered {
                    continuation.resume(with: Result { try Task.checkCancellation(); try outcome() })
                }
            }
        } onCancel: {
            let cancelled = state.withLock { state -> CheckedContinuation<Void, any Error>? in
                guard case .waiting(var waiters, let next) = state, let continuation = waiters.removeValue(forKey: id) else { return nil }
                state = .waiting(waiters, next: next)
                return continuation
            }
            cancelled?.resume(throwing: CancellationError())
        }
    }

    private func outcome() throws {
        try state.withLock { state in
            if case .failed(let error) = state { throw error }
        }
    }

    private func settle(with error: (any Error)?) {
        let waiters = state.withLock { state -> [CheckedContinuation<Void, any Error>] in
            guard case .waiting(let waiters, _) = state else { return [] }
            state = error.map { .failed($0) } ?? .ready
            return Array(waiters.values)
        }
        for waiter in waiters {
            if let error { waiter.resume(throwing: error) } else { waiter.resume() }
        }
    }
}
