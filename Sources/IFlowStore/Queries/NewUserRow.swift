import Foundation

/// A new employee's row as `insertUsers` inserts it, with the audit event that goes with it.
struct NewUserRow: Sendable {
    /// The columns that tell inserted rows apart within a company (unique indexes).
    static let uniqueColumns = ["cnp_lookup", "id_card_lookup", "rfid_tag"]

    var companyID: Int
    var columns: [(String, any Encodable & Sendable)]
    /// The values of `uniqueColumns`.
    var unique: [String?]
    var action: String
    var fields: [String]
    var actor: AuditActor

    /// The row of the creation `plan` describes, in the team `teamID` (the plan's, or the one created for it).
    init(_ plan: UserUpdatePlan, teamID: Int?, companyID: Int, actor: AuditActor) {
        let now = Date()
        columns = plan.columns + [("company_id", companyID), ("created_at", now), ("updated_at", now)]
        if plan.merge.teamChanged { columns.append(("team_id", teamID)) }
        let values = Dictionary(plan.columns.map { ($0.0, $0.1) }, uniquingKeysWith: { first, _ in first })
        unique = Self.uniqueColumns.map { values[$0] as? String }
        self.companyID = companyID
        action = "user.\(plan.merge.action.rawValue)"
        fields = plan.merge.changed
        self.actor = actor
    }

    func auditRow(id: Int) -> AuditRow {
        AuditRow(
            companyID: companyID, actor: actor, action: action, entity: "user", entityID: id, fields: fields.joined(separator: ","), detail: "",
            createdAt: Date()
        )
    }
}
