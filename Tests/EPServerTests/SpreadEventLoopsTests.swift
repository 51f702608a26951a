@testable import EPStore
import NIOCore
import NIOPosix
import Testing

/// PostgresNIO opens each pool connection on `any()` loop of the group it is given; asked from a
/// loop's own thread (where the server's tasks run), NIO's group answers that same loop every
/// time, and the whole pool ended up on one loop.
@Suite struct SpreadEventLoopsTests {
    @Test func connectionsOpenedFromOneLoopAreSpreadOverAllOfThem() async throws {
        // A group of the test's own, so no other test takes turns from it meanwhile.
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 3)
        let loops = Array(group.makeIterator())
        let first = try #require(loops.first)
        let spread = SpreadEventLoops(group)
        let chosen = try await first.submit { (0..<loops.count).map { _ in ObjectIdentifier(spread.any()) } }.get()
        let plain = try await first.submit { (0..<loops.count).map { _ in ObjectIdentifier(group.any()) } }.get()
        try await group.shutdownGracefully()
        #expect(Set(chosen).count == 3)
        #expect(Set(plain) == [ObjectIdentifier(first)], "what the spread avoids: NIO keeps a loop's own work on it")
    }
}
