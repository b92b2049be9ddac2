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
