import Foundation
import IFlowStore

/// `audit/get_list`'s reply: one page of the audit trail, newest first, and how many events match in all.
struct AuditListReply: Encodable, Sendable {
    var total: String
    var events: [Event]

    /// Who changed which entity, when (ISO 8601, UTC) and which fields; never the values.
    struct Event: Encodable, Sendable {
        var id: String
        var time: String
        var actorType: String
        var actorID: String?
        var actor: String
        var action: String
        var entity: String
        var entityID: String?
        var fields: [String]
        var detail: String

        enum CodingKeys: String, CodingKey {
            case id
            case time
            case actorType = "actor_type"
            case actorID = "actor_id"
            case actor
            case action
            case entity
            case entityID = "entity_id"
            case fields
            case detail
        }
    }

    init(events: [AuditEvent], total: Int) {
        self.total = String(total)
        let formatter = ISO8601DateFormatter()
        self.events = events.map { event in
            Event(
                id: String(event.id), time: formatter.string(from: event.createdAt), actorType: event.actorType,
                actorID: event.actorID.map(String.init), actor: event.actorLabel, action: event.action, entity: event.entity,
                entityID: event.entityID.map(String.init), fields: event.fields.split(separator: ",").map(String.init), detail: event.detail
            )
        }
    }
}
