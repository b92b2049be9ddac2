/// `compliance/get_warnings`' reply: the month, the rules checked and the employees with warnings.
struct ComplianceReply: Encodable, Sendable {
    var year: String
    var month: String
    var attendanceType: String
    var rulesChecked: [ComplianceRuleReply]
    var users: [ComplianceUserReply]

    enum CodingKeys: String, CodingKey {
        case year, month
        case attendanceType = "attendance_type"
        case rulesChecked = "rules_checked"
        case users
    }
}

/// A rule the reply checked, with the article it follows.
struct ComplianceRuleReply: Encodable, Sendable {
    var rule: String
    var article: String
}

/// An employee with at least one warning.
struct ComplianceUserReply: Encodable, Sendable {
    var employee: EmployeeReplyFields
    var warnings: [ComplianceWarningReply]

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: ReplyKey.self)
        try employee.encode(into: &container)
        try container.encode(warnings, forKey: ReplyKey("warnings"))
    }
}
