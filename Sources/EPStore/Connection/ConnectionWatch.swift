import PostgresNIO
import Synchronization

/// PostgresNIO 1.33 never answers a statement sent on a connection that has just closed (the
/// database was killed, the network dropped): the request would hang, holding its lease and
/// holding up shutdown. So a unit of work runs beside a watch on its connection. Once the
/// connection is closed, the work has a short grace to finish by itself (so a COMMIT the
/// database acknowledged is reported as done), and then the caller is told the database is
/// unavailable. A statement still stuck is left behind on the dead connection, doing nothing.
enum ConnectionWatch {
    static let interval: Duration = .milliseconds(100)
    static let grace: Duration = .milliseconds(250)

    static func run<T: Sendable>(on connection: PostgresConnection, _ work: @escaping @Sendable () async throws -> T) async throws -> T {
        let answer = AnswerOnce<T>()
        return try await withCheckedThrowingContinuation { continuation in
            answer.wait(continuation)
            let watch = Task {
                while !Task.isCancelled {
                    try? await Task.sleep(for: interval)
                    guard connection.isClosed else { continue }
                    try? await Task.sleep(for: grace)
                    answer.give(.failure(DatabaseUnavailable("the connection to the database was lost")))
                    return
                }
            }
            Task {
                do {
                    answer.give(.success(try await work()))
                } catch {
                    answer.give(.failure(error))
                }
                watch.cancel()
            }
        }
    }
}

/// The first answer resumes the waiting caller; later ones are dropped.
private final class AnswerOnce<T: Sendable>: Sendable {
    private let waiting = Mutex<CheckedContinuation<T, any Error>?>(nil)

    func wait(_ continuation: CheckedContinuation<T, any Error>) {
        waiting.withLock { $0 = continuation }
    }

    func give(_ result: Result<T, any Error>) {
        waiting.withLock { $0.take() }?.resume(with: result)
    }
}
