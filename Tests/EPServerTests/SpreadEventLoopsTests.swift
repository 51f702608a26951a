@testable import EPStore
import NIOCore
import NIOPosix
import Testing

/// PostgresNIO opens each pool connection on `any()` loop of the group it is given; asked from a
/// loop's own thread (where the server's tasks run), NIO's group answers that same loop every
/// time, and the whole pool ended up on one loop.
@Suite struct SpreadEventLoopsTests {
    @Test func connectionsOpenedFromOneLoopAreSpreadOverAllOfThem() async throws {
        let loops = Array(MultiThreadedEventLoopGroup.singleton.makeIterator())
        let first = try #require(loops.first)
        let spread = SpreadEventLoops()
        let chosen = try await first.submit { (0..<loops.count * 2).map { _ in ObjectIdentifier(spread.any()) } }.get()
        #expect(Set(chosen).count == loops.count)

        let plain = try await first.submit { (0..<loops.count * 2).map { _ in ObjectIdentifier(MultiThreadedEventLoopGroup.singleton.any()) } }.get()
        #expect(Set(plain) == [ObjectIdentifier(first)], "what the spread avoids: NIO keeps a loop's own work on it")
    }
}
