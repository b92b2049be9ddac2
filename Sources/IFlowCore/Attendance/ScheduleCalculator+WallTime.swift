extension ScheduleCalculator {
    /// The UTC instant (seconds) at which the wall clock of `timeZone` reads `secondOfDay` on `date`, for times sent as
    /// local `YYYY-MM-DD` and `HH:MM:SS`.
    ///
    /// `nil` for a time the clocks skip (03:30 on the last Sunday of March in Europe/Bucharest): no scan happened then,
    /// so it is refused rather than moved. A time read twice (03:30 on the last Sunday of October) is its first,
    /// summer-time occurrence.
    public func instant(on date: LocalDate, secondOfDay: Int) -> Int? {
        let local = date.dayNumber * WallClock.secondsPerDay + secondOfDay
        let instant = wallClock.instant(wallSeconds: local)
        return instant + wallClock.offset(at: instant) == local ? instant : nil
    }

    /// What the wall clock of `timeZone` reads at the UTC instant `seconds`: the local date and the seconds since its
    /// local midnight (0 to 86,399).
    public func wallTime(ofInstant seconds: Int) -> (date: LocalDate, secondOfDay: Int) {
        let local = seconds + wallClock.offset(at: seconds)
        let day = Self.floorDivide(local, WallClock.secondsPerDay)
        return (LocalDate(dayNumber: day), local - day * WallClock.secondsPerDay)
    }
}
