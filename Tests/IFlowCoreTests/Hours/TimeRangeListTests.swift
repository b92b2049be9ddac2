import Testing

@testable import IFlowCore

@Suite("Clock times and time ranges")
struct TimeRangeListTests {
    @Test("HH:MM parses 00:00 to 24:00", arguments: [("00:00", 0), ("08:30", 510), ("23:59", 1439), ("24:00", 1440)])
    func clockTime(text: String, minutes: Int) {
        // MUT and validation
        #expect(ClockTime(text)?.minutes == minutes)
        #expect(ClockTime(text)?.description == text)
    }

    @Test("the day ends at 24:00 and the night window (Labour Code art. 125) is 22:00-06:00")
    func namedTimes() {
        #expect(ClockTime.minutesPerDay == 1440)
        #expect(ClockTime.endOfDay.description == "24:00")
        #expect(ClockTime.nightStart.description == "22:00")
        #expect(ClockTime.nightEnd.description == "06:00")
    }

    @Test(
        "malformed clock times are rejected",
        arguments: [
            "8:00", "08:0", "24:01", "25:00", "12:60", "12-00", "0800", " 08:00", "ab:cd", "", "08:00:00", "-1:00", "０８:00",
        ])
    func badClockTime(text: String) {
        // MUT and validation
        #expect(ClockTime(text) == nil)
    }

    @Test("single ranges and lists parse, whitespace around items tolerated")
    func parses() throws {
        // MUT
        let single = try TimeRangeList.parse("08:00-16:00").get()
        let list = try TimeRangeList.parse(" 08:00-12:00 ,\t13:00-17:00 ").get()
        let night = try TimeRangeList.parse("22:00-06:00").get()
        // validation
        #expect(single.map(\.description) == ["08:00-16:00"])
        #expect(list.map(\.description) == ["08:00-12:00", "13:00-17:00"])
        #expect(night.first?.endsNextDay == true)
        #expect(night.first?.wallMinutes == 480)
        #expect(TimeRangeList.format(list) == "08:00-12:00,13:00-17:00")
    }

    @Test("the empty text is the empty list", arguments: ["", "   "])
    func empty(text: String) throws {
        // MUT and validation
        #expect(try TimeRangeList.parse(text).get().isEmpty)
    }

    @Test(
        "a list formats as its ranges joined by commas, each HH:MM-HH:MM",
        arguments: [
            ("", ""), ("00:00-24:00", "00:00-24:00"), ("23:59-00:01", "23:59-00:01"),
            ("06:00-09:30, 10:00-12:00,13:05-22:00", "06:00-09:30,10:00-12:00,13:05-22:00"),
        ])
    func formats(text: String, formatted: String) throws {
        // MUT and validation
        #expect(TimeRangeList.format(try TimeRangeList.parse(text).get()) == formatted)
    }

    @Test(
        "wall lengths: an end at or before the start is on the next day",
        arguments: [
            ("08:00-16:00", 480, false), ("22:00-06:00", 480, true), ("08:00-08:00", 1440, true),
            ("00:00-24:00", 1440, false), ("00:00-00:00", 1440, true), ("20:00-24:00", 240, false), ("23:59-00:00", 1, true),
        ])
    func lengths(text: String, minutes: Int, nextDay: Bool) throws {
        // MUT
        let range = try #require(TimeRange(text))
        // validation
        #expect(range.wallMinutes == minutes)
        #expect(range.endsNextDay == nextDay)
    }

    @Test(
        "the malformed item is named",
        arguments: [
            ("08:00", "08:00", 0), ("08:00-16:00,13:00", "13:00", 1), ("08:00-16:00,,17:00-18:00", "", 1), ("08:00-16:00,", "", 1),
            ("08:00 - 16:00", "08:00 - 16:00", 0), ("24:00-06:00", "24:00-06:00", 0), ("08:00-16:00-17:00", "08:00-16:00-17:00", 0),
            ("8:00-16:00", "8:00-16:00", 0),
        ])
    func invalidFormat(text: String, item: String, index: Int) {
        // MUT and validation
        #expect(TimeRangeList.parse(text) == .failure(.invalidFormat(item: item, index: index)))
    }

    @Test("overlapping items are rejected; touching ones are fine")
    func overlap() {
        #expect(TimeRangeList.parse("08:00-12:00,11:00-13:00") == .failure(.overlap(firstIndex: 0, secondIndex: 1)))
        #expect(TimeRangeList.parse("13:00-17:00,08:00-12:00,16:00-18:00") == .failure(.overlap(firstIndex: 0, secondIndex: 2)))
        #expect(TimeRangeList.parse("22:00-06:00,23:00-23:30") == .failure(.overlap(firstIndex: 0, secondIndex: 1)))
        #expect(TimeRangeList.parse("08:00-08:00,09:00-10:00") == .failure(.overlap(firstIndex: 0, secondIndex: 1)))
        #expect((try? TimeRangeList.parse("08:00-12:00,12:00-16:00").get())?.count == 2)
        // The morning of the plan's date is before a night shift that ends the next morning.
        #expect((try? TimeRangeList.parse("22:00-06:00,05:00-07:00").get())?.count == 2)
        #expect((try? TimeRangeList.parse("16:00-24:00,00:00-08:00").get())?.count == 2)
    }

    @Test("texts in the stored form parse exactly as the general reading does")
    func canonicalFastPath() {
        // setup: canonical-looking texts, valid and not; a leading space sends the same text down the general path.
        var texts = [
            "08:00-24:00", "00:00-24:00", "23:59-00:00", "24:00-08:00", "24:30-01:00", "12:60-13:00", "08:0a-12:00",
            "08:00x12:00", "08:00-12:00,11:00-13:00", "08:00-12:00;13:00-14:00", "08:00-12:00,13:00-17:00,18:00-19:00",
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let items = (0..<Int.random(in: 1...3, using: &generator)).map { _ in
                let start = ClockTime(minutes: Int.random(in: 0...1439, using: &generator))!
                let end = ClockTime(minutes: Int.random(in: 0...1440, using: &generator))!
                return "\(start)-\(end)"
            }
            texts.append(items.joined(separator: ","))
        }
        for text in texts {
            // MUT and validation
            #expect(TimeRangeList.parse(text) == TimeRangeList.parse(" " + text), "\(text)")
        }
    }
}
