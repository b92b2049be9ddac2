// Sources: Romanian Labour Code, Law 53/2003 (Monitorul Oficial 72 of 5 February 2003), art. 134, art. 139 since the
// 2011 republication, and the laws that changed its list. A holiday counts from the first year in which the law was
// in force on its date:
// - 1-2 January, Easter Sunday and Monday, 1 May, 1 December, 25-26 December: the whole period. Before 2003 these were
//   the legal days off under the 1972 Labour Code and the post-1989 rules (1 December is the National Day by
//   Law 10/1990); we hold no other day off for 1990-2002.
// - Pentecost Sunday and Monday (Rusalii): from 2006. They are not in the 2003 text: in February 2004 the Senate was
//   still voting a bill to add them. The only amendments of the Code before Law 202/2008 (whose text already has them)
//   are Law 541/2003, Emergency Ordinance 65/2005 (5 July 2005, after Pentecost 2005) and its approving Law 371/2005,
//   so 2006 is the first year they can have applied. The enacting act was not read in full: see `pentecostSince`.
// - 15 August, Dormition of the Mother of God: Law 202/2008 (MO 728 of 28 October 2008), so from 2009.
// - 30 November, Saint Andrew: Law 147/2012 (MO 509 of 24 July 2012), so from 2012.
// - 24 January, Union Day: Law 176/2016 (MO 808 of 13 October 2016), so from 2017. Law 171/2014 had made it a national
//   celebration only, not a day off.
// - 1 June, Children's Day: Law 220/2016 (November 2016), so from 2017.
// - Orthodox Good Friday: Law 64/2018 (March 2018, before Good Friday on 6 April), so from 2018.
// - 6 January (Epiphany) and 7 January (Saint John the Baptist): Law 52/2023 (MO 186 of 6 March 2023), so from 2024.
// The two days off for each of three feasts of non-Christian denominations (same article) are per person and have no
// fixed date, so they are not calendar holidays.

/// The Romanian public holidays on which nobody works (Labour Code art. 139), for 1990 to 2100.
public enum RomanianHolidays {
    /// Years with a holiday list; other years have none.
    public static let supportedYears = 1990...2100

    /// First year of each holiday that was added after 1990 (see the sources at the top of this file).
    static let pentecostSince = 2006
    static let dormitionSince = 2009
    static let saintAndrewSince = 2012
    static let unionDaySince = 2017
    static let childrensDaySince = 2017
    static let goodFridaySince = 2018
    static let epiphanySince = 2024

    /// The holidays of `year`, sorted by date; holidays sharing a date are merged into one `Holiday` with both names.
    ///
    /// Returns an empty list for a year outside `supportedYears`.
    public static func holidays(in year: Int) -> [Holiday] {
        guard supportedYears.contains(year) else { return [] }
        let easter = OrthodoxEaster.date(year: year)
        var entries: [(date: LocalDate, name: HolidayName)] = []
        func fixed(_ month: Int, _ day: Int, _ name: HolidayName) {
            guard let date = LocalDate(year: year, month: month, day: day) else { preconditionFailure("fixed holiday dates exist") }
            entries.append((date, name))
        }
        func movable(_ daysFromEaster: Int, _ name: HolidayName) {
            entries.append((easter.adding(days: daysFromEaster), name))
        }

        // Appended in the order of art. 139, which is the order of the names when two holidays share a date.
        fixed(1, 1, Names.newYear)
        fixed(1, 2, Names.dayAfterNewYear)
        if year >= epiphanySince {
            fixed(1, 6, Names.epiphany)
            fixed(1, 7, Names.saintJohn)
        }
        if year >= unionDaySince { fixed(1, 24, Names.unionDay) }
        if year >= goodFridaySince { movable(-2, Names.goodFriday) }
        movable(0, Names.easter)
        movable(1, Names.easterMonday)
        fixed(5, 1, Names.labourDay)
        if year >= childrensDaySince { fixed(6, 1, Names.childrensDay) }
        if year >= pentecostSince {
            movable(49, Names.pentecost)
            movable(50, Names.pentecostMonday)
        }
        if year >= dormitionSince { fixed(8, 15, Names.dormition) }
        if year >= saintAndrewSince { fixed(11, 30, Names.saintAndrew) }
        fixed(12, 1, Names.nationalDay)
        fixed(12, 25, Names.christmas)
        fixed(12, 26, Names.secondDayOfChristmas)

        var namesByDate: [LocalDate: [HolidayName]] = [:]
        for entry in entries { namesByDate[entry.date, default: []].append(entry.name) }
        return namesByDate.map { Holiday(date: $0.key, names: $0.value) }.sorted { $0.date < $1.date }
    }

    /// The holiday on `date`, if there is one.
    ///
    /// Builds the whole year's list; use `HolidayCalendar` where this is called often.
    public static func holiday(on date: LocalDate) -> Holiday? {
        holidays(in: date.year).first { $0.date == date }
    }

    /// The holiday names, with the Romanian diacritics (ș and ț with comma below).
    enum Names {
        static let newYear = HolidayName(romanian: "Anul Nou", english: "New Year's Day")
        static let dayAfterNewYear = HolidayName(romanian: "A doua zi de Anul Nou", english: "Day after New Year's Day")
        static let epiphany = HolidayName(romanian: "Boboteaza", english: "Epiphany")
        static let saintJohn = HolidayName(romanian: "Sfântul Ion", english: "Saint John the Baptist")
        static let unionDay = HolidayName(romanian: "Ziua Unirii Principatelor Române", english: "Union Day")
        static let goodFriday = HolidayName(romanian: "Vinerea Mare", english: "Orthodox Good Friday")
        static let easter = HolidayName(romanian: "Paștele", english: "Orthodox Easter")
        static let easterMonday = HolidayName(romanian: "A doua zi de Paște", english: "Orthodox Easter Monday")
        static let labourDay = HolidayName(romanian: "Ziua Muncii", english: "Labour Day")
        static let childrensDay = HolidayName(romanian: "Ziua Copilului", english: "Children's Day")
        static let pentecost = HolidayName(romanian: "Rusaliile", english: "Orthodox Pentecost")
        static let pentecostMonday = HolidayName(romanian: "A doua zi de Rusalii", english: "Orthodox Pentecost Monday")
        static let dormition = HolidayName(romanian: "Adormirea Maicii Domnului", english: "Dormition of the Mother of God")
        static let saintAndrew = HolidayName(romanian: "Sfântul Andrei", english: "Saint Andrew's Day")
        static let nationalDay = HolidayName(romanian: "Ziua Națională a României", english: "National Day")
        static let christmas = HolidayName(romanian: "Crăciunul", english: "Christmas Day")
        static let secondDayOfChristmas = HolidayName(romanian: "A doua zi de Crăciun", english: "Second Day of Christmas")
    }
}
