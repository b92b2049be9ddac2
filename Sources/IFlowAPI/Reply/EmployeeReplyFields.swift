import IFlowStore

/// The employee a reply's row is about (`user_id`, `full_name`, `mark_number`, `team_name`): written flat into the
/// row's own object, before the row's other keys.
struct EmployeeReplyFields: Sendable {
    var userID: String
    var fullName: String
    var markNumber: String?
    var teamName: String?

    init(userID: Int, fullName: String, markNumber: String?, teamName: String?) {
        self.userID = String(userID)
        self.fullName = fullName
        self.markNumber = markNumber
        self.teamName = teamName
    }

    init(_ employee: ReportUser) {
        self.init(userID: employee.id, fullName: employee.fullName, markNumber: employee.markNumber, teamName: employee.teamName)
    }

    /// Writes the four keys, `null` for an unset mark number or team.
    func encode(into container: inout KeyedEncodingContainer<ReplyKey>) throws {
        try container.encode(userID, forKey: ReplyKey("user_id"))
        try container.encode(fullName, forKey: ReplyKey("full_name"))
        try container.encodeIfPresent(markNumber, forKey: ReplyKey("mark_number"))
        try container.encodeIfPresent(teamName, forKey: ReplyKey("team_name"))
    }
}
