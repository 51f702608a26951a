import Dispatch
import NIOCore
import NIOPosix

/// NIO's shared event loops, handing out the next loop in turn even when asked from one of them.
/// PostgresNIO opens each pool connection on `any()` loop, which from a loop's own thread is
/// that same loop: when Swift concurrency's jobs run on the loops (`eptrack serve`), the pool's
/// task opened every connection on one loop, and every request's work followed its database
/// replies there, leaving the other loops idle.
final class SpreadEventLoops: EventLoopGroup, Sendable {
    let base: any EventLoopGroup

    init(_ base: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton) {
        self.base = base
    }

    func next() -> any EventLoop { base.next() }
    func any() -> any EventLoop { base.next() }
    func makeIterator() -> EventLoopIterator { base.makeIterator() }

    func shutdownGracefully(queue: DispatchQueue, _ callback: @escaping @Sendable ((any Error)?) -> Void) {
        base.shutdownGracefully(queue: queue, callback)
    }
}
