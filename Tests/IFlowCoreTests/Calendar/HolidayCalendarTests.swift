import Testing

@testable import IFlowCore

@Suite("Holiday calendar")
struct HolidayCalendarTests {
    @Test("answers like RomanianHolidays for every date of its years")
    func agreesWithList() {
        // setup
        let calendar = HolidayCalendar(years: 2018...2020)
        let first = LocalDate(year: 2017, month: 12, day: 1)!.dayNumber
        let last = LocalDate(year: 2021, month: 1, day: 31)!.dayNumber
        // validation
        for dayNumber in first...last {
            let date = LocalDate(dayNumber: dayNumber)
            let expected = (2018...2020).contains(date.year) ? RomanianHolidays.holiday(on: date) : nil
            #expect(calendar.holiday(on: date) == expected, "\(date)")
            #expect(calendar.isHoliday(dayNumber: dayNumber) == (expected != nil), "\(date)")
        }
    }

    @Test("a range outside the supported years is empty")
    func emptyRange() {
        let calendar = HolidayCalendar(years: 2200...2300)
        #expect(calendar.holiday(on: LocalDate(year: 2250, month: 1, day: 1)!) == nil)
        #expect(!calendar.isHoliday(dayNumber: LocalDate(year: 2100, month: 1, day: 1)!.dayNumber))
    }

    @Test("the shared calendar covers 1990-2100")
    func shared() {
        #expect(HolidayCalendar.romania.years == 1990...2100)
        #expect(HolidayCalendar.romania.holiday(on: LocalDate(year: 1990, month: 1, day: 1)!) != nil)
        #expect(HolidayCalendar.romania.holiday(on: LocalDate(year: 2100, month: 12, day: 26)!) != nil)
    }
}
