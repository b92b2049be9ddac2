import Testing

@testable import IFlowCore

@Suite("Orthodox Easter")
struct OrthodoxEasterTests {
    /// Orthodox Easter Sunday 1990-2040 as published in the Orthodox paschalion tables (Gregorian dates).
    static let published: [(year: Int, date: String)] = [
        (1990, "1990-04-15"), (1991, "1991-04-07"), (1992, "1992-04-26"), (1993, "1993-04-18"), (1994, "1994-05-01"),
        (1995, "1995-04-23"), (1996, "1996-04-14"), (1997, "1997-04-27"), (1998, "1998-04-19"), (1999, "1999-04-11"),
        (2000, "2000-04-30"), (2001, "2001-04-15"), (2002, "2002-05-05"), (2003, "2003-04-27"), (2004, "2004-04-11"),
        (2005, "2005-05-01"), (2006, "2006-04-23"), (2007, "2007-04-08"), (2008, "2008-04-27"), (2009, "2009-04-19"),
        (2010, "2010-04-04"), (2011, "2011-04-24"), (2012, "2012-04-15"), (2013, "2013-05-05"), (2014, "2014-04-20"),
        (2015, "2015-04-12"), (2016, "2016-05-01"), (2017, "2017-04-16"), (2018, "2018-04-08"), (2019, "2019-04-28"),
        (2020, "2020-04-19"), (2021, "2021-05-02"), (2022, "2022-04-24"), (2023, "2023-04-16"), (2024, "2024-05-05"),
        (2025, "2025-04-20"), (2026, "2026-04-12"), (2027, "2027-05-02"), (2028, "2028-04-16"), (2029, "2029-04-08"),
        (2030, "2030-04-28"), (2031, "2031-04-13"), (2032, "2032-05-02"), (2033, "2033-04-24"), (2034, "2034-04-09"),
        (2035, "2035-04-29"), (2036, "2036-04-20"), (2037, "2037-04-05"), (2038, "2038-04-25"), (2039, "2039-04-17"),
        (2040, "2040-05-06"),
    ]

    @Test("matches the published table for every year 1990-2040", arguments: published)
    func publishedTable(year: Int, date: String) {
        // MUT
        let easter = OrthodoxEaster.date(year: year)
        // validation
        #expect(easter.description == date)
    }

    @Test("the table covers 1990-2040 without gaps")
    func tableIsComplete() {
        #expect(Self.published.map(\.year) == Array(1990...2040))
    }

    @Test("Easter is always a Sunday", arguments: [1990, 2000, 2024, 2063, 2099, 2100])
    func isSunday(year: Int) {
        #expect(OrthodoxEaster.date(year: year).isoWeekday == 7)
    }
}
