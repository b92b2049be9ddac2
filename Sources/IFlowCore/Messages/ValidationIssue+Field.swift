extension ValidationIssue {
    /// The same failed check, reported on the field that carried the value.
    public func on(_ field: String) -> ValidationIssue {
        var copy = self
        copy.field = field
        return copy
    }
}
