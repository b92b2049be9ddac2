import Foundation
import Hummingbird
import IFlowCore
import IFlowStore

/// `audit/get_list`: the company's audit trail, newest first: who changed which entity, when, and which fields.
struct AuditController {
    let store: Store

    var endpoints: [APIEndpoint] {
        [APIEndpoint(path: "audit/get_list", handle: list)]
    }

    @Sendable func list(_ request: APIRequest) async throws -> AuditListReply {
        let filter = try AuditQuery.parse(request.requestFields).get().filter
        let (events, total) = try await store.auditEvents(companyID: request.company.id, filter: filter)
        return AuditListReply(events: events, total: total)
    }
}
