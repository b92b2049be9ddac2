/// The Romanian public holidays of a range of years, precomputed for lookups on hot paths.
public struct HolidayCalendar: Sendable {
    /// The years this calendar holds; dates outside them are never holidays here.
    public let years: ClosedRange<Int>
    private let holidaysByDayNumber: [Int: Holiday]
    /// One flag per day from `firstDayNumber`, so the hours calculator tests a date without hashing.
    private let isHolidayFlags: [Bool]
    private let firstDayNumber: Int

    /// Precomputes the holidays of `years` (years outside `RomanianHolidays.supportedYears` contribute none).
    public init(years: ClosedRange<Int>) {
        self.years = years
        var byDayNumber: [Int: Holiday] = [:]
        let supported = RomanianHolidays.supportedYears
        let firstYear = max(years.lowerBound, supported.lowerBound)
        let lastYear = min(years.upperBound, supported.upperBound)
        if firstYear <= lastYear {
            for year in firstYear...lastYear {
                for holiday in RomanianHolidays.holidays(in: year) { byDayNumber[holiday.date.dayNumber] = holiday }
            }
        }
        holidaysByDayNumber = byDayNumber
        let first = byDayNumber.keys.min() ?? 0
        let last = byDayNumber.keys.max() ?? -1
        firstDayNumber = first
        var flags = [Bool](repeating: false, count: last - first + 1)
        for dayNumber in byDayNumber.keys { flags[dayNumber - first] = true }
        isHolidayFlags = flags
    }

    /// Every supported year (1990-2100), built once.
    public static let romania = HolidayCalendar(years: RomanianHolidays.supportedYears)

    /// The holiday on `date`, if there is one.
    public func holiday(on date: LocalDate) -> Holiday? {
        holidaysByDayNumber[date.dayNumber]
    }

    /// Whether the date with this `LocalDate.dayNumber` is a holiday.
    public func isHoliday(dayNumber: Int) -> Bool {
        let index = dayNumber - firstDayNumber
        return index >= 0 && index < isHolidayFlags.count && isHolidayFlags[index]
    }
}
