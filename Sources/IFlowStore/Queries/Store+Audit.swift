import FluentKit
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
}
