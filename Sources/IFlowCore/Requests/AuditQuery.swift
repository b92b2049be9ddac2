/// A validated `audit/get_list` request.
public struct AuditQuery: Sendable, Equatable {
    public var filter: AuditFilter

    /// The entities the audit trail records.
    public static let entities = ["user", "api_key", "company", "device"]

    public static func parse(_ fields: RequestFields) -> Result<AuditQuery, ValidationFailure> {
        var fields = fields
        var filter = AuditFilter()
        filter.entity = fields.inList("entity", entities)
        filter.entityID = fields.integer("entity_id", in: 1...Int(Int32.max))
        let page = fields.paging(maxLimit: 1000)
        if let limit = page.limit { filter.limit = limit }
        if let offset = page.offset { filter.offset = offset }
        return fields.result(AuditQuery(filter: filter))
    }
}
