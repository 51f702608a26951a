import EPDomain
import Foundation
import SQLKit

extension SQLStore {
    /// The text kept in `cases.journey_digest`, worked out from the case's records.
    static func digest(of subject: Case) -> String { JourneyDigest(subject.journey).text }

    public func journeyDigests(in localAuthorities: Set<String>) async throws -> [JourneyDigest] {
        guard !localAuthorities.isEmpty else { return [] }
        let authorities = localAuthorities.sorted()
        return try await source.withConnection { database in
            try await database.raw("SELECT journey_digest FROM cases WHERE local_authority IN (\(binds: authorities))").all().map { row in
                JourneyDigest(text: try row.decode(column: "journey_digest", as: String.self))
            }
        }
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
