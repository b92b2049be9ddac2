import Foundation
import Metrics
import Synchronization

/// A token bucket per API key: `rate` requests a second on average, bursts up to `burst`.
///
/// Per process, on purpose: N servers behind a load balancer allow a key up to N times the rate (see the README's
/// "Several servers"). A shared bucket would cost every request a database round trip and a write, while the
/// limit exists to keep one client from starving the others on a server, which each server's bucket already does.
public final class RateLimiter: Sendable {
    public struct Policy: Sendable {
        /// Requests per second; 0 turns limiting off.
        public var rate: Double
        public var burst: Double

        public init(rate: Double, burst: Double? = nil) {
            self.rate = rate
            self.burst = burst ?? max(1, rate * 2)
        }

        public static let off = Policy(rate: 0)
    }

    private struct Bucket {
        var tokens: Double
        var updated: ContinuousClock.Instant
    }

    private let policy: Policy
    private let buckets = Mutex<[Int: Bucket]>([:])
    private let refused = Counter(label: "iflow_rate_limited_requests_total")

    public init(policy: Policy) {
        self.policy = policy
    }

    /// `nil` when the request may go ahead, otherwise the seconds until it may (for `Retry-After`).
    public func admit(key: Int, now: ContinuousClock.Instant = .now) -> Int? {
        guard policy.rate > 0 else { return nil }
        return buckets.withLock { buckets in
            var bucket = buckets[key] ?? Bucket(tokens: policy.burst, updated: now)
            let elapsed = now - bucket.updated
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            bucket.tokens = min(policy.burst, bucket.tokens + seconds * policy.rate)
            bucket.updated = now
            defer { buckets[key] = bucket }
            guard bucket.tokens >= 1 else {
                refused.increment()
                return max(1, Int(((1 - bucket.tokens) / policy.rate).rounded(.up)))
            }
            bucket.tokens -= 1
            return nil
        }
    }
}
