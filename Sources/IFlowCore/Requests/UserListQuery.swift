/// A validated `/api_v2/user/get_list` request.
public struct UserListQuery: Sendable, Equatable {
    public var filter: UserListFilter

    public static func parse(_ fields: RequestFields) -> Result<UserListQuery, ValidationFailure> {
        var fields = fields
        var filter = UserListFilter()
        filter.teamName = fields.teamName()
        filter.isEnabled = fields.flag("is_enabled", .optional)
        filter.cnp = fields.userField(.cnp)
        filter.idCard = fields.userField(.idCard)
        let page = fields.paging(maxLimit: 1000)
        if let limit = page.limit { filter.limit = limit }
        if let offset = page.offset { filter.offset = offset }
        return fields.result(UserListQuery(filter: filter))
    }
}
