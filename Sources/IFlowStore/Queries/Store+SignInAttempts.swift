import Foundation
import SQLKit

extension Store {
    /// The first key of the PostgreSQL advisory locks that serialize one key's attempts: "si" in ASCII.
    static let signInLockSpace: Int32 = 0x73_69

    /// Records a sign-in attempt for `key` (an e-mail and client address) unless `limit` attempts already fall within
    /// the last `window` seconds: `nil` when it may go ahead, otherwise the seconds until the oldest counted one leaves
    /// the window (refused attempts are not recorded, so they do not prolong the wait).
    ///
    /// Counted before the password is checked, so parallel guesses cannot slip past the limit: on PostgreSQL a
    /// transaction lock on the key serializes the servers' attempts for it, on SQLite the one writer does. Attempts
    /// that have left the window, anyone's, are deleted on the way.
    public func recordSignInAttempt(key: String, limit: Int, window: TimeInterval, now: Date = Date()) async throws -> TimeInterval? {
        let keyHash = Self.hash(key)
        let lockKey = keyHash.utf8.prefix(8).reduce(Int32(0)) { $0 &* 31 &+ Int32($1) }
        let cutoff = now.addingTimeInterval(-window)
        return try await write { context in
            if context.sql.dialect.name == "postgresql" {
                try await context.sql.raw("SELECT pg_advisory_xact_lock(\(bind: Self.signInLockSpace), \(bind: lockKey))").run()
            }
            try await context.sql.raw("DELETE FROM sign_in_attempts WHERE attempted_at <= \(bind: cutoff)").run()
            let counted = try await context.sql.raw(
                "SELECT attempted_at FROM sign_in_attempts WHERE key_hash = \(bind: keyHash) ORDER BY attempted_at LIMIT \(bind: limit)"
            ).all()
            if counted.count >= limit, let oldest = counted.first {
                return window - now.timeIntervalSince(try oldest.decode(column: "attempted_at", as: Date.self))
            }
            try await context.sql.raw("INSERT INTO sign_in_attempts (key_hash, attempted_at) VALUES (\(bind: keyHash), \(bind: now))").run()
            return nil
        }
    }

    /// Forgets the attempts of `key`, after a successful sign-in.
    public func forgetSignInAttempts(key: String) async throws {
        let keyHash = Self.hash(key)
        try await write { context in try await context.sql.raw("DELETE FROM sign_in_attempts WHERE key_hash = \(bind: keyHash)").run() }
    }
}
