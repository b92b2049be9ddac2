extension StringProtocol {
    /// The text without leading and trailing whitespace (`Character.isWhitespace`, so newlines too): the one trimming
    /// rule of API input, which ``TextField/trimmed(_:)`` applies. Foundation's trimming would bridge through NSString.
    func trimmingWhitespace() -> SubSequence {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace }) else {
            return self[endIndex...]
        }
        return self[first...last]
    }
}
