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

    @Sendable func list(_ request: APIRequest) async throws -> AuditListReply {
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
        return AuditListReply(events: events, total: total)
    }
}
