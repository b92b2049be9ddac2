/// One failed check on one field: what the `error` array of an `api_reply` lists.
public struct ValidationIssue: Error, Sendable, Hashable {
    public var field: String
    public var check: CheckName
    /// Values the message needs (`max` for `max_length`, `allowed` for `in_list`, ...).
    public var parameters: [String: String]
    /// The line of an uploaded file the issue was found on.
    public var line: Int?

    public init(field: String, check: CheckName, parameters: [String: String] = [:], line: Int? = nil) {
        self.field = field
        self.check = check
        self.parameters = parameters
        self.line = line
    }

    /// The human message in `language`, e.g. "totals is required" or "totals este obligatoriu"; prefixed with the
    /// line ("line 12: ..." / "linia 12: ...") when the issue comes from an uploaded file.
    public func message(in language: Language) -> String {
        let text = Messages.render(self, in: language)
        guard let line else { return text }
        return (language == .roRO ? "linia \(line): " : "line \(line): ") + text
    }

    /// The same issue, found on `line` of an uploaded file.
    public func at(line: Int) -> ValidationIssue {
        var copy = self
        copy.line = line
        return copy
    }
}
