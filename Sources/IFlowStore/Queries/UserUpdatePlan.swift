import IFlowCore

/// A `user/update` worked out against the employee as committed at one moment: what to write and what to answer.
///
/// Planning reads, merges (``UserUpdate/merge(into:holders:requestedTeamID:)``) and seals; applying
/// (``Store/applyUserUpdatePlan(_:companyID:actor:in:)``) only writes, and writes nothing when the employee changed
/// since it was read (see ``Store/applyUserUpdate(_:companyID:actor:)``).
struct UserUpdatePlan: Sendable {
    /// The stored employee's id and row version; `nil` when the employee is to be created.
    var stored: (id: Int, version: Int)?
    /// The stored employee's employment and disable dates, which decide the locked months that list them.
    var storedDates: (employment: String?, disable: String?)?
    var merge: UserUpdateMerge
    /// The columns to write besides `team_id` and the timestamps: every value of a new employee, or the ones an update
    /// changes, personal numbers already sealed and hashed.
    var columns: [(String, any Encodable & Sendable)]

    func result(id: Int, teamID: Int?) -> UserUpdateResult {
        let employee = merge.employee
        return UserUpdateResult(
            user: UserRecord(
                id: id, teamID: teamID, teamName: employee.teamName, fullName: employee.fullName, isEnabled: employee.isEnabled,
                values: employee.values
            ),
            action: merge.action
        )
    }
}
