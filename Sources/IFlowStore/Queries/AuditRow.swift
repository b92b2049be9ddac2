import Foundation

/// An `audit_events` row about to be inserted.
struct AuditRow: Sendable {
    var companyID: Int
    var actor: AuditActor
    var action: String
    var entity: String
    var entityID: Int?
    var fields: String
    var detail: String
    var createdAt: Date
}
