import FluentKit
import Foundation
import SQLKit
import Synchronization

/// What the body of a ``Store/write(_:)`` works with: the connection of its transaction, the audit sink and what the
/// transaction has already looked up.
///
/// On SQLite several requests' bodies share one transaction (see ``Store/write(_:)``), so a body must do all its work
/// through ``sql``, and its audit events go through ``audit(_:entity:entityID:fields:detail:companyID:actor:)``, which
/// inserts them with the other events of the transaction, in one statement, just before it commits. Every write of the
/// store runs with one, except the migrations and `iflow copy`, which run transactions of their own.
public struct WriteContext: Sendable {
    /// The connection of the transaction the body runs in.
    public let sql: any SQLDatabase
    let transaction: WriteTransaction

    /// Records a change in the audit trail; the event commits with the change, or not at all.
    public func audit(
        _ action: String, entity: String, entityID: Int?, fields: [String], detail: String = "", companyID: Int, actor: AuditActor
    ) {
        record(
            AuditRow(
                companyID: companyID, actor: actor, action: action, entity: entity, entityID: entityID, fields: fields.joined(separator: ","),
                detail: detail, createdAt: Date()
            )
        )
    }

    func record(_ row: AuditRow) {
        transaction.record(row)
    }

    /// The id of the company's team called `name`, when this transaction has already found or created it.
    func teamID(companyID: Int, name: String) -> Int? {
        transaction.teamID(TeamKey(companyID: companyID, name: name))
    }

    /// Keeps a team's id for the writes that follow in this transaction: teams are never deleted or renamed.
    func remember(teamID: Int, companyID: Int, name: String) {
        transaction.remember(teamID, for: TeamKey(companyID: companyID, name: name))
    }
}

/// A team by company and name, as the memo of a transaction keys it.
struct TeamKey: Hashable {
    var companyID: Int
    var name: String
}

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

extension Database {
    /// This database as SQLKit: both of the store's drivers give one, so a failure is a bug, never a database state.
    func sqlDatabase() throws -> any SQLDatabase {
        guard let sql = self as? any SQLDatabase else { throw StoreError.notSQL }
        return sql
    }
}
