import Testing

@testable import IFlowCore

@Suite("Romanian public holidays")
struct RomanianHolidaysTests {
    /// The year's holidays as (ISO date, Romanian name, English name), merged names joined with " / ".
    private func list(_ year: Int) -> [(String, String, String)] {
        RomanianHolidays.holidays(in: year).map { ($0.date.description, $0.name(in: .roRO), $0.name(in: .enUS)) }
    }

    private func expectList(_ year: Int, _ expected: [(String, String, String)], sourceLocation: SourceLocation = #_sourceLocation) {
        let actual = list(year)
        #expect(actual.map(\.0) == expected.map(\.0), "dates of \(year)", sourceLocation: sourceLocation)
        #expect(actual.map(\.1) == expected.map(\.1), "Romanian names of \(year)", sourceLocation: sourceLocation)
        #expect(actual.map(\.2) == expected.map(\.2), "English names of \(year)", sourceLocation: sourceLocation)
    }

    @Test("1995: the list before the 2003 Labour Code")
    func year1995() {
        expectList(
            1995,
            [
                ("1995-01-01", "Anul Nou", "New Year's Day"),
                ("1995-01-02", "A doua zi de Anul Nou", "Day after New Year's Day"),
                ("1995-04-23", "Paștele", "Orthodox Easter"),
                ("1995-04-24", "A doua zi de Paște", "Orthodox Easter Monday"),
                ("1995-05-01", "Ziua Muncii", "Labour Day"),
                ("1995-12-01", "Ziua Națională a României", "National Day"),
                ("1995-12-25", "Crăciunul", "Christmas Day"),
                ("1995-12-26", "A doua zi de Crăciun", "Second Day of Christmas"),
            ])
    }

    @Test("2011: Pentecost and 15 August, no Saint Andrew yet")
    func year2011() {
        expectList(
            2011,
            [
                ("2011-01-01", "Anul Nou", "New Year's Day"),
                ("2011-01-02", "A doua zi de Anul Nou", "Day after New Year's Day"),
                ("2011-04-24", "Paștele", "Orthodox Easter"),
                ("2011-04-25", "A doua zi de Paște", "Orthodox Easter Monday"),
                ("2011-05-01", "Ziua Muncii", "Labour Day"),
                ("2011-06-12", "Rusaliile", "Orthodox Pentecost"),
                ("2011-06-13", "A doua zi de Rusalii", "Orthodox Pentecost Monday"),
                ("2011-08-15", "Adormirea Maicii Domnului", "Dormition of the Mother of God"),
                ("2011-12-01", "Ziua Națională a României", "National Day"),
                ("2011-12-25", "Crăciunul", "Christmas Day"),
                ("2011-12-26", "A doua zi de Crăciun", "Second Day of Christmas"),
            ])
    }

    @Test("2016: Easter Sunday on 1 May merges with Labour Day; 24 January not yet a day off")
    func year2016() {
        expectList(
            2016,
            [
                ("2016-01-01", "Anul Nou", "New Year's Day"),
                ("2016-01-02", "A doua zi de Anul Nou", "Day after New Year's Day"),
                ("2016-05-01", "Paștele / Ziua Muncii", "Orthodox Easter / Labour Day"),
                ("2016-05-02", "A doua zi de Paște", "Orthodox Easter Monday"),
                ("2016-06-19", "Rusaliile", "Orthodox Pentecost"),
                ("2016-06-20", "A doua zi de Rusalii", "Orthodox Pentecost Monday"),
                ("2016-08-15", "Adormirea Maicii Domnului", "Dormition of the Mother of God"),
                ("2016-11-30", "Sfântul Andrei", "Saint Andrew's Day"),
                ("2016-12-01", "Ziua Națională a României", "National Day"),
                ("2016-12-25", "Crăciunul", "Christmas Day"),
                ("2016-12-26", "A doua zi de Crăciun", "Second Day of Christmas"),
            ])
    }

    @Test("2019: 15 holidays, with Union Day, Good Friday and Children's Day")
    func year2019() {
        expectList(
            2019,
            [
                ("2019-01-01", "Anul Nou", "New Year's Day"),
                ("2019-01-02", "A doua zi de Anul Nou", "Day after New Year's Day"),
                ("2019-01-24", "Ziua Unirii Principatelor Române", "Union Day"),
                ("2019-04-26", "Vinerea Mare", "Orthodox Good Friday"),
                ("2019-04-28", "Paștele", "Orthodox Easter"),
                ("2019-04-29", "A doua zi de Paște", "Orthodox Easter Monday"),
                ("2019-05-01", "Ziua Muncii", "Labour Day"),
                ("2019-06-01", "Ziua Copilului", "Children's Day"),
                ("2019-06-16", "Rusaliile", "Orthodox Pentecost"),
                ("2019-06-17", "A doua zi de Rusalii", "Orthodox Pentecost Monday"),
                ("2019-08-15", "Adormirea Maicii Domnului", "Dormition of the Mother of God"),
                ("2019-11-30", "Sfântul Andrei", "Saint Andrew's Day"),
                ("2019-12-01", "Ziua Națională a României", "National Day"),
                ("2019-12-25", "Crăciunul", "Christmas Day"),
                ("2019-12-26", "A doua zi de Crăciun", "Second Day of Christmas"),
            ])
    }

    @Test("2024: 17 holidays, Epiphany and Saint John added; Good Friday after 1 May")
    func year2024() {
        expectList(
            2024,
            [
                ("2024-01-01", "Anul Nou", "New Year's Day"),
                ("2024-01-02", "A doua zi de Anul Nou", "Day after New Year's Day"),
                ("2024-01-06", "Boboteaza", "Epiphany"),
                ("2024-01-07", "Sfântul Ion", "Saint John the Baptist"),
                ("2024-01-24", "Ziua Unirii Principatelor Române", "Union Day"),
                ("2024-05-01", "Ziua Muncii", "Labour Day"),
                ("2024-05-03", "Vinerea Mare", "Orthodox Good Friday"),
                ("2024-05-05", "Paștele", "Orthodox Easter"),
                ("2024-05-06", "A doua zi de Paște", "Orthodox Easter Monday"),
                ("2024-06-01", "Ziua Copilului", "Children's Day"),
                ("2024-06-23", "Rusaliile", "Orthodox Pentecost"),
                ("2024-06-24", "A doua zi de Rusalii", "Orthodox Pentecost Monday"),
                ("2024-08-15", "Adormirea Maicii Domnului", "Dormition of the Mother of God"),
                ("2024-11-30", "Sfântul Andrei", "Saint Andrew's Day"),
                ("2024-12-01", "Ziua Națională a României", "National Day"),
                ("2024-12-25", "Crăciunul", "Christmas Day"),
                ("2024-12-26", "A doua zi de Crăciun", "Second Day of Christmas"),
            ])
    }

    @Test("2025: 17 holidays")
    func year2025() {
        expectList(
            2025,
            [
                ("2025-01-01", "Anul Nou", "New Year's Day"),
                ("2025-01-02", "A doua zi de Anul Nou", "Day after New Year's Day"),
                ("2025-01-06", "Boboteaza", "Epiphany"),
                ("2025-01-07", "Sfântul Ion", "Saint John the Baptist"),
                ("2025-01-24", "Ziua Unirii Principatelor Române", "Union Day"),
                ("2025-04-18", "Vinerea Mare", "Orthodox Good Friday"),
                ("2025-04-20", "Paștele", "Orthodox Easter"),
                ("2025-04-21", "A doua zi de Paște", "Orthodox Easter Monday"),
                ("2025-05-01", "Ziua Muncii", "Labour Day"),
                ("2025-06-01", "Ziua Copilului", "Children's Day"),
                ("2025-06-08", "Rusaliile", "Orthodox Pentecost"),
                ("2025-06-09", "A doua zi de Rusalii", "Orthodox Pentecost Monday"),
                ("2025-08-15", "Adormirea Maicii Domnului", "Dormition of the Mother of God"),
                ("2025-11-30", "Sfântul Andrei", "Saint Andrew's Day"),
                ("2025-12-01", "Ziua Națională a României", "National Day"),
                ("2025-12-25", "Crăciunul", "Christmas Day"),
                ("2025-12-26", "A doua zi de Crăciun", "Second Day of Christmas"),
            ])
    }

    @Test("2026: Pentecost Monday on 1 June merges with Children's Day")
    func year2026() {
        expectList(
            2026,
            [
                ("2026-01-01", "Anul Nou", "New Year's Day"),
                ("2026-01-02", "A doua zi de Anul Nou", "Day after New Year's Day"),
                ("2026-01-06", "Boboteaza", "Epiphany"),
                ("2026-01-07", "Sfântul Ion", "Saint John the Baptist"),
                ("2026-01-24", "Ziua Unirii Principatelor Române", "Union Day"),
                ("2026-04-10", "Vinerea Mare", "Orthodox Good Friday"),
                ("2026-04-12", "Paștele", "Orthodox Easter"),
                ("2026-04-13", "A doua zi de Paște", "Orthodox Easter Monday"),
                ("2026-05-01", "Ziua Muncii", "Labour Day"),
                ("2026-05-31", "Rusaliile", "Orthodox Pentecost"),
                ("2026-06-01", "Ziua Copilului / A doua zi de Rusalii", "Children's Day / Orthodox Pentecost Monday"),
                ("2026-08-15", "Adormirea Maicii Domnului", "Dormition of the Mother of God"),
                ("2026-11-30", "Sfântul Andrei", "Saint Andrew's Day"),
                ("2026-12-01", "Ziua Națională a României", "National Day"),
                ("2026-12-25", "Crăciunul", "Christmas Day"),
                ("2026-12-26", "A doua zi de Crăciun", "Second Day of Christmas"),
            ])
    }

    /// Real years in which two holidays share a date, with the merged names in Labour Code order.
    static let coincidences: [(date: String, romanian: String, english: String)] = [
        ("1994-05-01", "Paștele / Ziua Muncii", "Orthodox Easter / Labour Day"),
        ("2000-05-01", "A doua zi de Paște / Ziua Muncii", "Orthodox Easter Monday / Labour Day"),
        ("2005-05-01", "Paștele / Ziua Muncii", "Orthodox Easter / Labour Day"),
        ("2016-05-01", "Paștele / Ziua Muncii", "Orthodox Easter / Labour Day"),
        ("2026-06-01", "Ziua Copilului / A doua zi de Rusalii", "Children's Day / Orthodox Pentecost Monday"),
        ("2031-06-01", "Ziua Copilului / Rusaliile", "Children's Day / Orthodox Pentecost"),
    ]

    @Test("two holidays on one date merge into one holiday with both names", arguments: coincidences)
    func merges(date: String, romanian: String, english: String) throws {
        // setup
        let day = try #require(LocalDate(iso: date))
        // MUT
        let holiday = try #require(RomanianHolidays.holiday(on: day))
        let sameDate = RomanianHolidays.holidays(in: day.year).filter { $0.date == day }
        // validation
        #expect(holiday.names.count == 2)
        #expect(holiday.name(in: .roRO) == romanian)
        #expect(holiday.name(in: .enUS) == english)
        #expect(sameDate.count == 1)
    }

    @Test("2015: Pentecost Monday on 1 June, before Children's Day was a holiday")
    func year2015NoMerge() throws {
        let day = try #require(LocalDate(iso: "2015-06-01"))
        let holiday = try #require(RomanianHolidays.holiday(on: day))
        #expect(holiday.name(in: .roRO) == "A doua zi de Rusalii")
    }

    @Test("each holiday starts in the year its law first applied")
    func firstYears() {
        func has(_ year: Int, _ english: String) -> Bool {
            RomanianHolidays.holidays(in: year).contains { holiday in holiday.names.contains { $0.english == english } }
        }
        let starts: [(String, Int)] = [
            ("Orthodox Pentecost", 2006), ("Orthodox Pentecost Monday", 2006), ("Dormition of the Mother of God", 2009),
            ("Saint Andrew's Day", 2012), ("Union Day", 2017), ("Children's Day", 2017), ("Orthodox Good Friday", 2018),
            ("Epiphany", 2024), ("Saint John the Baptist", 2024),
        ]
        for (english, firstYear) in starts {
            #expect(!has(firstYear - 1, english), "\(english) before \(firstYear)")
            #expect(has(firstYear, english), "\(english) in \(firstYear)")
            #expect(has(2100, english), "\(english) in 2100")
        }
    }

    @Test("years outside 1990-2100 have no holidays", arguments: [1, 1989, 2101, 9999])
    func unsupportedYears(year: Int) {
        #expect(RomanianHolidays.holidays(in: year).isEmpty)
    }

    @Test("every list is sorted with distinct dates, and holiday(on:) finds each entry")
    func listsAreSortedAndDistinct() {
        for year in RomanianHolidays.supportedYears {
            let holidays = RomanianHolidays.holidays(in: year)
            let dates = holidays.map(\.date)
            #expect(dates == dates.sorted(), "\(year) sorted")
            #expect(Set(dates).count == dates.count, "\(year) distinct")
            #expect(holidays.allSatisfy { $0.date.year == year })
        }
        let christmas = LocalDate(year: 2030, month: 12, day: 25)!
        #expect(RomanianHolidays.holiday(on: christmas)?.name(in: .enUS) == "Christmas Day")
        #expect(RomanianHolidays.holiday(on: LocalDate(year: 2030, month: 12, day: 27)!) == nil)
    }
}
