import IFlowCore

/// The outcome of `/api_v2/user/update`.
public struct UserUpdateResult: Sendable {
    public typealias Action = UserUpdateMerge.Action

    public var user: UserRecord
    public var action: Action
}
