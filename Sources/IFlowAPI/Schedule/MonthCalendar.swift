import Foundation
import IFlowCore

/// A month's dates as every report shows them: each date's class and its holiday's name in both languages.
///
/// Worked out from the company's calculator for an open month; a locked month keeps the one of its lock, so a new
/// holiday law does not change what was closed.
struct MonthCalendar: Sendable, Equatable {
    struct Day: Sendable, Equatable {
        var date: LocalDate
        var dayClass: DayClass
        /// Empty for a date that is no public holiday.
        var holidayNames: [Language: String]
    }

    /// Every date of the month, in order.
    var days: [Day]

    init(year: Int, month: Int, calculator: ScheduleCalculator) {
        guard let first = LocalDate(year: year, month: month, day: 1) else {
            preconditionFailure("a report's year and month are parsed into a real month")
        }
        days = (0..<LocalDate.daysIn(month: month, year: year)).map { offset in
            let date = first.adding(days: offset)
            let holiday = calculator.holidays.holiday(on: date)
            return Day(
                date: date, dayClass: calculator.dayClass(of: date),
                holidayNames: holiday.map { holiday in Dictionary(uniqueKeysWithValues: Language.allCases.map { ($0, holiday.name(in: $0)) }) } ?? [:]
            )
        }
    }

    /// The stored form, version 1: `{"version":1,"days":[{"date":"2026-12-01","class":"holiday","holiday":{"en_US":…,
    /// "ro_RO":…}}]}`, keys sorted, so the same calendar is always the same text.
    func stored() throws -> String {
        let form = StoredForm(
            version: 1,
            days: days.map {
                StoredForm.Day(date: $0.date.description, class: $0.dayClass.rawValue, holiday: $0.holidayNames.isEmpty ? nil : names($0))
            }
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(form), as: UTF8.self)
    }

    /// Reads what ``stored()`` wrote.
    init(stored: String) throws {
        let form = try JSONDecoder().decode(StoredForm.self, from: Data(stored.utf8))
        guard form.version == 1 else { throw StoredFigures.Failure.unknownVersion(form.version) }
        days = try form.days.map { day in
            guard let date = LocalDate(iso: day.date), let dayClass = DayClass(rawValue: day.class) else { throw StoredFigures.Failure.corrupt }
            var names: [Language: String] = [:]
            for (code, name) in day.holiday ?? [:] {
                guard let language = Language(rawValue: code) else { throw StoredFigures.Failure.corrupt }
                names[language] = name
            }
            return Day(date: date, dayClass: dayClass, holidayNames: names)
        }
    }

    private func names(_ day: Day) -> [String: String] {
        Dictionary(uniqueKeysWithValues: day.holidayNames.map { ($0.key.rawValue, $0.value) })
    }

    private struct StoredForm: Codable {
        struct Day: Codable {
            var date: String
            var `class`: String
            var holiday: [String: String]?
        }

        var version: Int
        var days: [Day]
    }
}
