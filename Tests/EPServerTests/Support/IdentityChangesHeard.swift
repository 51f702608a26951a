@testable import EPStore
import SQLKit

extension Backend {
    /// Waits until the backend listens for changes to tokens and partnerships (PostgreSQL only)
    /// and has heard every change committed before this call: a marker sent now (announced as a
    /// change, so it empties the cache) arrives after them, notifications being delivered in
    /// commit order. Then nothing said earlier can still empty the cache under a test's feet.
    func waitUntilIdentityChangesAreHeard() async throws {
        let cache = store.identity
        for _ in 0..<3000 {
            if cache.isOn { break }
            try await Task.sleep(for: .milliseconds(10))
        }
        guard cache.isOn else { throw TestSetupError("the backend was not listening for changes to tokens within 30 s") }
        let before = cache.notificationsHeard
        try await source.withConnection { database in
            try await database.raw("SELECT pg_notify('eptrack_identity', current_schema())").run()
        }
        for _ in 0..<3000 {
            if cache.notificationsHeard > before { return }
            try await Task.sleep(for: .milliseconds(10))
        }
        throw TestSetupError("the backend did not hear its marker within 30 s")
    }
}
