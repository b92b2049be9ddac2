/// Minutes per local date, by day number, held as one array over the dates that have any: the rules look dates up
/// by the hundred per employee, and a dictionary's hashing cost more than the rules' own work.
struct MinutesByDay: Sendable {
    /// The day number of `minutes[0]`.
    private var first = 0
    private var minutes: [Int] = []

    /// The dates with minutes lie within `range` (it is empty when none has).
    var range: Range<Int> { first..<(first + minutes.count) }

    /// The minutes on `dayNumber`, 0 for a date without any.
    subscript(dayNumber: Int) -> Int {
        let index = dayNumber - first
        return index >= 0 && index < minutes.count ? minutes[index] : 0
    }

    mutating func add(_ added: Int, on dayNumber: Int) {
        if minutes.isEmpty {
            first = dayNumber
            minutes = [0]
        } else if dayNumber < first {
            minutes.insert(contentsOf: repeatElement(0, count: first - dayNumber), at: 0)
            first = dayNumber
        } else if dayNumber >= first + minutes.count {
            minutes.append(contentsOf: repeatElement(0, count: dayNumber - first - minutes.count + 1))
        }
        minutes[dayNumber - first] += added
    }
}
