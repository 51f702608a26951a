import Foundation
import HTTPTypes
import Hummingbird
import Synchronization

/// A token bucket per caller: `limit` requests a minute, refilled continuously, so a burst is
/// allowed but a runaway client gets 429 with `Retry-After`. Kept in this instance's memory,
/// so behind a load balancer each instance allows the limit (documented): it protects the
/// service, it is not an entitlement. One limiter serves the API and the pages, so a caller's
/// budget is the same whichever way it comes.
public final class RateLimiter: Sendable {
    private struct Bucket {
        var tokens: Double
        var updated: ContinuousClock.Instant
    }

    public let limit: Int
    private let buckets = Mutex<[String: Bucket]>([:])

    public init(limitPerMinute: Int) {
        self.limit = limitPerMinute
    }

    /// Nil when the request may go ahead (and it is counted); otherwise the seconds until it may.
    public func take(for caller: String, now: ContinuousClock.Instant = .now) -> Int? {
        refilled(caller, now: now) { bucket in
            guard bucket.tokens >= 1 else { return false }
            bucket.tokens -= 1
            return true
        }
    }

    /// Like `take`, but counts nothing: whether a request would be refused now.
    func wait(for caller: String, now: ContinuousClock.Instant = .now) -> Int? {
        refilled(caller, now: now) { $0.tokens >= 1 }
    }

    /// Tops up `caller`'s bucket for the time since it was last used, then lets `use` spend from
    /// it; the seconds until a whole token is back when `use` says no.
    private func refilled(_ caller: String, now: ContinuousClock.Instant, _ use: (inout Bucket) -> Bool) -> Int? {
        let perSecond = Double(limit) / 60
        return buckets.withLock { buckets in
            var bucket = buckets[caller] ?? Bucket(tokens: Double(limit), updated: now)
            let elapsed = now - bucket.updated
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            bucket.tokens = min(Double(limit), bucket.tokens + seconds * perSecond)
            bucket.updated = now
            defer { buckets[caller] = bucket }
            return use(&bucket) ? nil : max(1, Int(((1 - bucket.tokens) / perSecond).rounded(.up)))
        }
    }
}

/// Applies the rate limit to every authenticated request (health and the contract are not
/// limited: load balancers and monitors poll them; failed authentication has its own limit, per
/// address, in `AuthenticationMiddleware`).
struct RateLimitMiddleware<Context: RequestContext>: RouterMiddleware {
    let limiter: RateLimiter

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let caller = RequestScope.caller, let wait = limiter.take(for: caller.actor) {
            var problem = Problem(.rateLimited, "more than \(limiter.limit) requests a minute from this caller; retry in \(wait) s")
            problem.headers[.retryAfter] = String(wait)
            throw problem
        }
        return try await next(request, context)
    }
}
