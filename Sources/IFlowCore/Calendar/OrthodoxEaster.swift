/// The date of Orthodox Easter (Pascha), which fixes every movable Romanian public holiday.
public enum OrthodoxEaster {
    /// Orthodox Easter Sunday of `year` as a Gregorian date.
    ///
    /// The Orthodox Church still reckons Easter on the Julian calendar, so this runs Meeus' Julian computus and then
    /// shifts the Julian date by the Julian–Gregorian difference of that year (13 days from 1900 to 2099, 14 in 2100).
    /// Easter always falls after the end of February, when a century's extra Julian leap day has already happened,
    /// so the difference computed for the whole year is the right one.
    /// - Parameter year: a year in 1...9999 (the range `LocalDate` can hold).
    public static func date(year: Int) -> LocalDate {
        precondition((1...9999).contains(year), "Orthodox Easter is computed for years 1...9999 only")
        let a = year % 4
        let b = year % 7
        let c = year % 19
        let d = (19 * c + 15) % 30
        let e = (2 * a + 4 * b - d + 34) % 7
        let month = (d + e + 114) / 31
        let day = (d + e + 114) % 31 + 1
        // The Julian month and day are a valid Gregorian date as well (March to May), so shifting it works.
        guard let julianNumbers = LocalDate(year: year, month: month, day: day) else {
            preconditionFailure("the computus yields a day in March, April or May")
        }
        return julianNumbers.adding(days: year / 100 - year / 400 - 2)
    }
}
