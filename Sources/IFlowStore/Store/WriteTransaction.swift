import SQLKit
import Synchronization

/// The state one transaction's bodies share: the audit events they recorded and the teams they looked up.
///
/// A fresh one for each attempt at a transaction: what a transaction learned goes with it when it rolls back.
final class WriteTransaction: Sendable {
    private struct State {
        var audit: [AuditRow] = []
        /// A batch of `user/update` requests usually names the same few teams; each lookup saved is a statement.
        var teams: [TeamKey: Int] = [:]
    }

    private let state = Mutex(State())

    func record(_ row: AuditRow) {
        state.withLock { $0.audit.append(row) }
    }

    func teamID(_ key: TeamKey) -> Int? {
        state.withLock { $0.teams[key] }
    }

    func remember(_ id: Int, for key: TeamKey) {
        state.withLock { $0.teams[key] = id }
    }

    /// How many events are recorded: the mark a body that may be rolled back alone starts from.
    var mark: Int { state.withLock { $0.audit.count } }

    /// Forgets what a body rolled back to its savepoint recorded since `mark`, and the teams it may have created.
    func rollBack(to mark: Int) {
        state.withLock { state in
            state.audit.removeSubrange(mark...)
            state.teams = [:]
        }
    }

    /// Inserts the recorded audit events, in one statement as long as the database's limit on bound values allows.
    func insertAudit(on sql: any SQLDatabase) async throws {
        let rows = state.withLock { $0.audit }
        if !rows.isEmpty { try await Store.insertAudit(rows, on: sql) }
    }
}
