import IFlowCore

/// The company's wall clock for the pages that show and take the times of scans, read through the hours engine's
/// conversions so a page shows the times the API and the reports use.
struct LocalTime {
    let calculator: ScheduleCalculator

    /// `start..<end` in UTC seconds: the date's first instant to the next date's (a zone whose clocks skip midnight
    /// starts its day an hour later).
    func bounds(of date: LocalDate) -> Range<Int> {
        func start(_ date: LocalDate) -> Int {
            calculator.instant(on: date, secondOfDay: 0) ?? (calculator.instant(on: date, secondOfDay: 3600) ?? 0)
        }
        return start(date)..<start(date.adding(days: 1))
    }

    /// `HH:MM:SS`, or `HH:MM` without `seconds`; prefixed with the date when it is not `day`.
    func text(_ instant: Int, on day: LocalDate? = nil, seconds: Bool = true) -> String {
        let wall = calculator.wallTime(ofInstant: instant)
        let s = wall.secondOfDay
        let clock = seconds ? String(format: "%02d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String(format: "%02d:%02d", s / 3600, s / 60 % 60)
        guard let day, wall.date != day else { return clock }
        return "\(wall.date) \(clock)"
    }

    /// `08:02–16:05, 16:30–18:00`: intervals as times of `day`, an end on another date with that date.
    func text(_ intervals: [WorkedInterval], on day: LocalDate) -> String {
        intervals.map { text($0.start, on: day, seconds: false) + "–" + text($0.end, on: day, seconds: false) }.joined(separator: ", ")
    }
}
