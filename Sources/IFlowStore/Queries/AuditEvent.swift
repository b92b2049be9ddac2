import Foundation

/// One recorded change: who, when, what entity, which fields (never their values).
public struct AuditEvent: Sendable, Equatable, Decodable {
    public var id: Int
    public var actorType: String
    public var actorID: Int?
    public var actorLabel: String
    public var action: String
    public var entity: String
    public var entityID: Int?
    /// Comma-separated field names.
    public var fields: String
    /// What else identifies the change without personal data, e.g. the date of a planned day.
    public var detail: String
    public var createdAt: Date

    enum CodingKeys: String, CodingKey {
        case id, action, entity, fields, detail
        case actorType = "actor_type"
        case actorID = "actor_id"
        case actorLabel = "actor_label"
        case entityID = "entity_id"
        case createdAt = "created_at"
    }
}
