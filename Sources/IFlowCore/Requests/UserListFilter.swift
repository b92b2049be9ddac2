/// Filters of `/api_v2/user/get_list`.
public struct UserListFilter: Sendable, Equatable {
    public var teamName: String?
    public var isEnabled: Bool?
    public var cnp: String?
    public var idCard: String?
    public var limit = 100
    public var offset = 0

    public init() {}
}
