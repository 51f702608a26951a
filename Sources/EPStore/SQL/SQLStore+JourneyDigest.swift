import EPDomain
import Foundation
import SQLKit
import Synchronization

extension SQLStore {
    /// The text kept in `cases.journey_digest`, worked out from the case's records.
    static func digest(of subject: Case) -> String { JourneyDigest(subject.journey).text }

    public func journeyDigests(
        in localAuthorities: Set<String>, batch: Int, _ receive: @escaping @Sendable ([JourneyDigest]) -> Void
    ) async throws {
        guard !localAuthorities.isEmpty else { return }
        let authorities = localAuthorities.sorted()
        // Rows arrive one at a time on the connection's thread; they are handed on in batches.
        let state = Mutex((pending: [JourneyDigest](), failure: (any Error)?.none))
        try await source.withConnection { database in
            try await database.raw("SELECT journey_digest FROM cases WHERE local_authority IN (\(binds: authorities))").run { row in
                let full = state.withLock { state -> [JourneyDigest]? in
                    guard state.failure == nil else { return nil }
                    do {
                        state.pending.append(JourneyDigest(text: try row.decode(column: "journey_digest", as: String.self)))
                    } catch {
                        state.failure = error
                        return nil
                    }
                    guard state.pending.count >= batch else { return nil }
                    defer { state.pending.removeAll(keepingCapacity: true) }
                    return state.pending
                }
                if let full { receive(full) }
            }
        }
        let (rest, failure) = state.withLock { ($0.pending, $0.failure) }
        if let failure { throw failure }
        if !rest.isEmpty { receive(rest) }
    }

    public func completeJourneyDigests() async throws -> Int {
        var count = 0
        while true {
            let ids = try await source.withConnection { database in
                try await database.raw("SELECT id FROM cases WHERE journey_digest IS NULL ORDER BY id LIMIT 500").all().map { row in
                    try row.decode(column: "id", as: UUID.self)
                }
            }
            guard !ids.isEmpty else { return count }
            let cases = try await findCases(ids: ids)
            try await source.transaction { database in
                for subject in cases {
                    try await database.raw("UPDATE cases SET journey_digest = \(bind: Self.digest(of: subject)) WHERE id = \(bind: subject.id)").run()
                }
            }
            count += cases.count
        }
    }
}
