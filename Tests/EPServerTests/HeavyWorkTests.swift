@testable import EPServer
import HTTPTypes
import NIOPosix
import Testing

/// Dashboards and past-day alert lists run off the event loops, a bounded number at a time.
@Suite struct HeavyWorkTests {
    @Test func evaluationRunsOffTheEventLoops() async throws {
        let heavy = HeavyWork(limit: 2)
        let onLoop = try await MultiThreadedEventLoopGroup.singleton.next().submit { MultiThreadedEventLoopGroup.currentEventLoop != nil }.get()
        #expect(onLoop, "the check itself can tell an event loop thread")
        let onLoopInside = try await heavy.compute { MultiThreadedEventLoopGroup.currentEventLoop != nil }
        #expect(!onLoopInside)
    }

    @Test func beyondTheLimitARequestIsRefusedAtOnceWithRetryAfter() async throws {
        let heavy = HeavyWork(limit: 1)
        let (entered, inside) = AsyncStream.makeStream(of: Void.self)
        let (released, release) = AsyncStream.makeStream(of: Void.self)
        async let first: Int = heavy.admit {
            inside.yield()
            for await _ in released { break }
            return 1
        }
        for await _ in entered { break }
        do {
            _ = try await heavy.admit { 2 }
            Issue.record("a second evaluation was admitted beside the first")
        } catch let error as ServiceError {
            #expect(error == .busy(retryAfter: 2))
            let problem = Problem(error)
            #expect(problem.status == .serviceUnavailable && problem.kind == .serverBusy)
            #expect(problem.headers[.retryAfter] == "2")
        }
        release.yield()
        #expect(try await first == 1)
        #expect(try await heavy.admit { 3 } == 3, "the place is free again once the first is done")
    }
}
