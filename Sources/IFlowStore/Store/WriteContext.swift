import FluentKit
import Foundation
import SQLKit

/// What the body of a ``Store/write(_:)`` works with: the connection of its transaction, the audit sink and what the
/// transaction has already looked up.
///
/// Several requests' bodies share one transaction (see ``Store/write(_:)``), so a body must do all its work
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
