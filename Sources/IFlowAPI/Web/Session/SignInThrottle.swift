import Foundation
import IFlowStore

/// Counts sign-in attempts per key (e-mail address and client address) in a sliding window, in the database, so the
/// limit holds across every server on it.
///
/// An attempt is counted before the password is checked, so parallel guesses cannot slip past the limit; a successful
/// sign-in forgets the key's attempts.
struct SignInThrottle: Sendable {
    let store: Store
    let limit: Int
    let window: TimeInterval

    /// Records an attempt; `nil` when it may go ahead, otherwise the seconds until the oldest counted attempt expires.
    func attempt(_ key: String, now: Date = Date()) async throws -> TimeInterval? {
        try await store.recordSignInAttempt(key: key, limit: limit, window: window, now: now)
    }

    /// Forgets the key's attempts (after a successful sign-in).
    func reset(_ key: String) async throws {
        try await store.forgetSignInAttempts(key: key)
    }
}
