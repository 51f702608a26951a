import EPStore
import Foundation
import Testing

/// Ids for cases, milestones, audit events and requests come from `UUID.random()`: version 4
/// (random) UUIDs with the RFC 9562 variant, all different.
@Suite struct RandomUUIDTests {
    @Test func systemIdsAreVersion4AndDistinct() {
        let ids = (0..<10_000).map { _ in UUID.random() }
        #expect(Set(ids).count == ids.count)
        for id in ids {
            #expect(id.uuid.6 >> 4 == 4, "version nibble of \(id)")
            #expect(id.uuid.8 >> 6 == 0b10, "variant bits of \(id)")
            #expect(UUID(uuidString: id.uuidString) == id)
        }
    }
}
