import FluentKit
import Foundation
import IFlowCore
import SQLKit

extension Store {
    /// Inserts `rows` with as few statements as the database's limit on bound values allows.
    static func insertAudit(_ rows: [AuditRow], on db: any SQLDatabase) async throws {
        // Hand-written SQL: every write of the API records an event, and SQLKit's builder costs more than the insert.
        var start = rows.startIndex
        while start < rows.endIndex {
            let end = min(start + 1000, rows.endIndex)
            let values = rows[start..<end].map { row -> any SQLExpression in
                SQLGroupExpression(
                    SQLList([
                        SQLBind(row.companyID), SQLBind(row.actor.kind.rawValue), SQLBind(row.actor.id), SQLBind(row.actor.label),
                        SQLBind(row.action), SQLBind(row.entity), SQLBind(row.entityID), SQLBind(row.fields), SQLBind(row.detail),
                        SQLBind(row.createdAt),
                    ])
                )
            }
            try await db.raw(
                """
                INSERT INTO audit_events (company_id, actor_type, actor_id, actor_label, action, entity, entity_id, fields, detail, created_at) \
                VALUES \(SQLList(values))
                """
            ).run()
            start = end
        }
    }

    /// The company's audit trail, newest first.
    public func auditEvents(companyID: Int, filter: AuditFilter) async throws -> (events: [AuditEvent], total: Int) {
        let sql = try sql()
        func filtered(_ query: SQLSelectBuilder) -> SQLSelectBuilder {
            var query = query.from("audit_events").where("company_id", .equal, SQLBind(companyID))
            if let entity = filter.entity { query = query.where("entity", .equal, SQLBind(entity)) }
            if let entityID = filter.entityID { query = query.where("entity_id", .equal, SQLBind(entityID)) }
            if let from = filter.from { query = query.where("created_at", .greaterThanOrEqual, SQLBind(Date(timeIntervalSince1970: Double(from)))) }
            if let before = filter.before { query = query.where("created_at", .lessThan, SQLBind(Date(timeIntervalSince1970: Double(before)))) }
            if let actor = filter.actorLabel { query = query.where("actor_label", .equal, SQLBind(actor)) }
            // The action's text up to its dot, compared whole: no LIKE, whose `_` would match any character.
            if let kind = filter.kind {
                let prefix = SQLFunction("substr", args: SQLColumn("action"), SQLLiteral.numeric("1"), SQLLiteral.numeric(String(kind.count + 1)))
                query = query.where(prefix, .equal, SQLBind(kind + "."))
            }
            return query
        }
        let total =
            try await filtered(sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "count"))
            .first(decodingColumn: "count", as: Int.self) ?? 0
        let events = try await filtered(
            sql.select().columns("id", "actor_type", "actor_id", "actor_label", "action", "entity", "entity_id", "fields", "detail", "created_at")
        )
        .orderBy("id", .descending).limit(filter.limit).offset(filter.offset)
        .all(decoding: AuditEvent.self)
        return (events, total)
    }

    /// Who changed something of the company between two instants (seconds since 1970), as the trail names them, sorted.
    public func auditActors(companyID: Int, from: Int, before: Int) async throws -> [String] {
        try await sql().select().distinct().column("actor_label").from("audit_events").where("company_id", .equal, SQLBind(companyID))
            .where("created_at", .greaterThanOrEqual, SQLBind(Date(timeIntervalSince1970: Double(from))))
            .where("created_at", .lessThan, SQLBind(Date(timeIntervalSince1970: Double(before))))
            .orderBy("actor_label").all(decodingColumn: "actor_label", as: String.self)
    }
}
