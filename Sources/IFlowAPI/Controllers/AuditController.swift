import Foundation
import Hummingbird
import IFlowCore
import IFlowStore

/// `audit/get_list`: the company's audit trail, newest first: who changed which entity, when, and which fields.
struct AuditController {
    let store: Store

    static let entities = ["user", "api_key", "company"]

    var endpoints: [APIEndpoint] {
        [APIEndpoint(path: "audit/get_list", handle: list)]
    }

    @Sendable func list(_ request: APIRequest) async throws -> Response {
        var filter = AuditFilter()
        var issues: [ValidationIssue] = []
        if let entity = request["entity"]?.trimmingCharacters(in: .whitespaces), !entity.isEmpty {
            if Self.entities.contains(entity) {
                filter.entity = entity
            } else {
                issues.append(.init(field: "entity", check: .inList, parameters: ["allowed": Self.entities.joined(separator: ", ")]))
            }
        }
        filter.entityID = IntegerField.parse(request, "entity_id", in: 1...Int(Int32.max), into: &issues)
        if let limit = IntegerField.parse(request, "limit", in: 1...1000, into: &issues) { filter.limit = limit }
        if let offset = IntegerField.parse(request, "offset", in: 0...Int(Int32.max), into: &issues) { filter.offset = offset }
        guard issues.isEmpty else { throw ValidationFailure(issues) }

        let (events, total) = try await store.auditEvents(companyID: request.company.id, filter: filter)
        let formatter = ISO8601DateFormatter()
        return APIReply.ok([
            ("total", .string(String(total))),
            (
                "events",
                .array(
                    events.map { event in
                        .object([
                            ("id", .string(String(event.id))),
                            ("time", .string(formatter.string(from: event.createdAt))),
                            ("actor_type", .string(event.actorType)),
                            ("actor_id", .optional(event.actorID.map(String.init))),
                            ("actor", .string(event.actorLabel)),
                            ("action", .string(event.action)),
                            ("entity", .string(event.entity)),
                            ("entity_id", .optional(event.entityID.map(String.init))),
                            ("fields", .array(event.fields.split(separator: ",").map { .string(String($0)) })),
                            ("detail", .string(event.detail)),
                        ])
                    }
                )
            ),
        ])
    }
}
