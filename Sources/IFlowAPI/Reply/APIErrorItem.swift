import IFlowCore

/// One failed check: `field_name` (`null` for a transport error), `check_name`, the message in the request's language,
/// and `line` only for an uploaded file's line.
struct APIErrorItem: Encodable, Sendable {
    var fieldName: String?
    var checkName: String
    var message: String
    var line: String?

    init(fieldName: String?, checkName: String, message: String, line: String? = nil) {
        self.fieldName = fieldName
        self.checkName = checkName
        self.message = message
        self.line = line
    }

    init(_ issue: ValidationIssue, language: Language) {
        self.init(fieldName: issue.field, checkName: issue.check.rawValue, message: issue.message(in: language), line: issue.line.map(String.init))
    }

    enum CodingKeys: String, CodingKey {
        case fieldName = "field_name"
        case checkName = "check_name"
        case message
        case line
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(fieldName, forKey: .fieldName)
        try container.encode(checkName, forKey: .checkName)
        try container.encode(message, forKey: .message)
        if let line { try container.encode(line, forKey: .line) }
    }
}
