/// What a `user/update` does to the stored employee: worked out by ``UserUpdate/merge(into:holders:requestedTeamID:)``.
public struct UserUpdateMerge: Sendable, Equatable {
    public enum Action: String, Sendable {
        case created
        case updated
    }

    public var action: Action
    /// The employee after the change.
    public var employee: Employee
    /// The team the request names when it does not exist yet: found or created when the change is written.
    public var missingTeam: String?
    public var teamChanged: Bool
    /// The fields that change, as the audit trail names them; empty when the request changes nothing.
    public var changed: [String]
}
