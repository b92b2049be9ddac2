/// A request that did not pass validation: every failed check, rendered by the API as the `error` array.
public struct ValidationFailure: Error, Sendable {
    public var issues: [ValidationIssue]

    public init(_ issues: [ValidationIssue]) {
        self.issues = issues
    }

    public init(field: String, check: CheckName, parameters: [String: String] = [:]) {
        self.issues = [ValidationIssue(field: field, check: check, parameters: parameters)]
    }
}
