extension [WorkedInterval] {
    /// The same time as sorted, disjoint, non-empty intervals; overlapping or touching ones are joined. A list that is
    /// already so (a pairing's intervals, a day's one shift) is returned as it is, without sorting or copying.
    func merged() -> [WorkedInterval] {
        if isMerged { return self }
        var result: [WorkedInterval] = []
        for interval in sorted(by: { $0.start < $1.start }) where interval.end > interval.start {
            if let last = result.last, interval.start <= last.end {
                result[result.count - 1] = WorkedInterval(start: last.start, end: Swift.max(last.end, interval.end))
            } else {
                result.append(interval)
            }
        }
        return result
    }

    /// Whether the list is sorted, disjoint and non-empty, with a gap between neighbours: what `merged()` makes.
    var isMerged: Bool {
        var previousEnd = Int.min
        for interval in self {
            if interval.end <= interval.start || interval.start <= previousEnd { return false }
            previousEnd = interval.end
        }
        return true
    }

    /// Replaces `result`'s contents (keeping its storage) with the time in both; both lists must be `merged()`. Only the
    /// intervals of this list that can meet `other` are visited, found by binary search, as a month's presence is read
    /// once per plan.
    func intersection(_ other: [WorkedInterval], into result: inout [WorkedInterval]) {
        result.removeAll(keepingCapacity: true)
        guard let first = other.first, let last = other.last else { return }
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if self[middle].end <= first.start { low = middle + 1 } else { high = middle }
        }
        var left = low
        var right = 0
        while left < count, right < other.count, self[left].start < last.end {
            let start = Swift.max(self[left].start, other[right].start)
            let end = Swift.min(self[left].end, other[right].end)
            if start < end { result.append(WorkedInterval(start: start, end: end)) }
            if self[left].end < other[right].end { left += 1 } else { right += 1 }
        }
    }

    /// Calls `body` with each interval of the time in this list and not in `other`, in order; both lists must be
    /// `merged()`.
    func forEachInterval(notIn other: [WorkedInterval], _ body: (WorkedInterval) -> Void) {
        var right = 0
        for interval in self {
            var start = interval.start
            while right < other.count, other[right].end <= start { right += 1 }
            var index = right
            while index < other.count, other[index].start < interval.end {
                if other[index].start > start { body(WorkedInterval(start: start, end: other[index].start)) }
                start = Swift.max(start, other[index].end)
                index += 1
            }
            if start < interval.end { body(WorkedInterval(start: start, end: interval.end)) }
        }
    }

    /// Total seconds; the list must be `merged()`.
    var seconds: Int { reduce(0) { $0 + $1.end - $1.start } }
}
