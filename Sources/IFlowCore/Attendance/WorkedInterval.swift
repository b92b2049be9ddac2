/// A span of real elapsed time present at work, `start..<end` in UTC seconds: a closed pair, or an open one up to now.
public struct WorkedInterval: Hashable, Sendable {
    public let start: Int
    public let end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }
}
