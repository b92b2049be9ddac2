/// The checks a terminal's scan passes before it is recorded: its time reads, is a real local time of the company's
/// zone and is not ahead of the server's clock, and its employee was employed then.
public enum ScanRules {
    /// How far ahead of the server's clock a terminal's clock may run: a scan later than this is refused (`future_time`).
    public static let futureToleranceSeconds = 300

    /// `HH:MM:SS` or `HH:MM` (hours 00–23) as seconds after local midnight; `nil` for anything else.
    public static func secondOfDay(_ text: some StringProtocol) -> Int? {
        let bytes = Array(text.utf8)
        guard bytes.count == 5 || bytes.count == 8, let clock = ClockTime(text.prefix(5)), clock.minutes < ClockTime.minutesPerDay else {
            return nil
        }
        guard bytes.count == 8 else { return clock.minutes * 60 }
        let digits = bytes[6...].map { Int($0) - Int(UInt8(ascii: "0")) }
        guard bytes[5] == UInt8(ascii: ":"), digits.allSatisfy((0...9).contains), digits[0] <= 5 else { return nil }
        return clock.minutes * 60 + digits[0] * 10 + digits[1]
    }

    /// The instant of a scan read on the wall clock of `calculator`'s zone; a time the clocks skip is `valid_date` on
    /// `field`, naming the zone.
    public static func instant(of date: LocalDate, secondOfDay: Int, in calculator: ScheduleCalculator, field: String) -> Result<Int, ValidationIssue>
    {
        guard let instant = calculator.instant(on: date, secondOfDay: secondOfDay) else {
            return .failure(ValidationIssue(field: field, check: .validDate, parameters: ["zone": calculator.timeZone.identifier]))
        }
        return .success(instant)
    }

    /// `future_time` on `field` when `instant` is more than ``futureToleranceSeconds`` after `now` (UTC seconds).
    public static func checkNotFuture(_ instant: Int, now: Int, field: String) -> ValidationIssue? {
        guard instant - now > futureToleranceSeconds else { return nil }
        return ValidationIssue(field: field, check: .futureTime, parameters: ["minutes": String(futureToleranceSeconds / 60)])
    }

    /// Whether an employee may scan on `date`: enabled, and employed then (from `employmentDate` through
    /// `disableDate`, both included, as the month report counts them).
    public static func isActive(isDisabled: Bool, employmentDate: LocalDate?, disableDate: LocalDate?, on date: LocalDate) -> Bool {
        guard !isDisabled else { return false }
        if let employmentDate, date < employmentDate { return false }
        if let disableDate, date > disableDate { return false }
        return true
    }
}
