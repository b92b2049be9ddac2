import Foundation
import Synchronization

/// Counts sign-in attempts per key (e-mail address and client address) in a sliding window, in memory.
///
/// An attempt is counted before the password is checked, so parallel guesses cannot slip past the limit; a successful
/// sign-in forgets the key's attempts. Keys whose attempts have all left the window are dropped as the table grows.
final class SignInThrottle: Sendable {
    let limit: Int
    let window: TimeInterval
    private let attempts = Mutex<[String: [Date]]>([:])
    private static let pruneThreshold = 10_000

    init(limit: Int, window: TimeInterval) {
        self.limit = limit
        self.window = window
    }

    /// Records an attempt; `nil` when it may go ahead, otherwise the seconds until the oldest counted attempt expires.
    func attempt(_ key: String, now: Date = Date()) -> TimeInterval? {
        attempts.withLock { table in
            if table.count >= Self.pruneThreshold {
                table = table.filter { _, dates in dates.contains { now.timeIntervalSince($0) < window } }
            }
            var recent = (table[key] ?? []).filter { now.timeIntervalSince($0) < window }
            if recent.count >= limit {
                table[key] = recent
                return window - now.timeIntervalSince(recent[0])
            }
            recent.append(now)
            table[key] = recent
            return nil
        }
    }

    /// Forgets the key's attempts (after a successful sign-in).
    func reset(_ key: String) {
        _ = attempts.withLock { $0.removeValue(forKey: key) }
    }
}
