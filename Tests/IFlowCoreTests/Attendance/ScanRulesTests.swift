import Foundation
import Testing

@testable import IFlowCore

@Suite("Terminal scan rules")
struct ScanRulesTests {
    static let bucharest = ScheduleCalculator(timeZone: TimeZone(identifier: "Europe/Bucharest")!, holidays: .romania)

    /// An instant written with its offset, read by Foundation: the expected values do not come from the code under test.
    static func instant(_ iso: String) -> Int {
        Int(ISO8601DateFormatter().date(from: iso)!.timeIntervalSince1970)
    }

    static let timeCases: [(text: String, seconds: Int?)] = [
        ("00:00:00", 0), ("11:46:41", 42_401), ("23:59:59", 86_399), ("08:30", 30_600), ("07:26:56", 26_816),
        ("24:00:00", nil), ("24:00", nil), ("12:60:00", nil), ("12:00:60", nil), ("1:00:00", nil), ("12:00:0", nil),
        ("12-00-00", nil), ("12:00:0a", nil), ("", nil), ("12:00:00 ", nil), ("١٢:٠٠:٠٠", nil),
    ]

    @Test("a scan's time is HH:MM:SS or HH:MM within one day", arguments: timeCases)
    func secondOfDay(text: String, seconds: Int?) {
        // MUT, validation
        #expect(ScanRules.secondOfDay(text) == seconds)
    }

    static let wallCases: [(date: String, time: Int, expected: String?)] = [
        ("2026-07-01", 8 * 3600, "2026-07-01T08:00:00+03:00"),
        ("2026-01-15", 22 * 3600, "2026-01-15T22:00:00+02:00"),
        // The last Sunday of March: 03:00 to 03:59:59 is skipped.
        ("2026-03-29", 2 * 3600 + 59 * 60 + 59, "2026-03-29T02:59:59+02:00"),
        ("2026-03-29", 3 * 3600, nil),
        ("2026-03-29", 3 * 3600 + 30 * 60, nil),
        ("2026-03-29", 4 * 3600, "2026-03-29T04:00:00+03:00"),
        // The last Sunday of October: 03:00 to 03:59:59 comes twice; the summer-time one is taken.
        ("2026-10-25", 3 * 3600 + 30 * 60, "2026-10-25T03:30:00+03:00"),
        ("2026-10-25", 4 * 3600, "2026-10-25T04:00:00+02:00"),
        ("2025-03-30", 3 * 3600 + 15 * 60, nil),
        ("2025-10-26", 3 * 3600, "2025-10-26T03:00:00+03:00"),
    ]

    @Test("a local time becomes its instant; a skipped one is refused, a repeated one is its first occurrence", arguments: wallCases)
    func localTimeToInstant(date: String, time: Int, expected: String?) {
        // MUT
        let result = ScanRules.instant(of: LocalDate(iso: date)!, secondOfDay: time, in: Self.bucharest, field: "csv_data[0][time]")
        // validation
        switch (result, expected) {
        case (.success(let instant), let expected?): #expect(instant == Self.instant(expected))
        case (.failure(let issue), nil):
            #expect(issue == ValidationIssue(field: "csv_data[0][time]", check: .validDate, parameters: ["zone": "Europe/Bucharest"]))
            #expect(issue.message(in: .roRO) == "csv_data[0][time] este o oră care nu există în Europe/Bucharest: ceasul o sare")
        default: Issue.record("\(date) \(time): \(result), expected \(expected ?? "a refusal")")
        }
    }

    @Test("the wall clock of an instant is its local date and seconds after local midnight, on both sides of a change")
    func wallTime() {
        // MUT, validation
        #expect(Self.bucharest.wallTime(ofInstant: Self.instant("2022-09-02T07:26:56+03:00")) == (LocalDate(iso: "2022-09-02")!, 26_816))
        #expect(Self.bucharest.wallTime(ofInstant: Self.instant("2026-10-25T03:30:00+02:00")) == (LocalDate(iso: "2026-10-25")!, 12_600))
        #expect(Self.bucharest.wallTime(ofInstant: Self.instant("2026-03-29T04:00:00+03:00")) == (LocalDate(iso: "2026-03-29")!, 14_400))
        #expect(Self.bucharest.wallTime(ofInstant: Self.instant("2026-12-31T23:59:59+02:00")) == (LocalDate(iso: "2026-12-31")!, 86_399))
    }

    static let futureCases: [(ahead: Int, refused: Bool)] = [(-86_400, false), (0, false), (299, false), (300, false), (301, true), (86_400, true)]

    @Test("a scan more than 300 s ahead of the server's clock is refused", arguments: futureCases)
    func future(ahead: Int, refused: Bool) {
        // MUT
        let issue = ScanRules.checkNotFuture(1_000_000 + ahead, now: 1_000_000, field: "csv_data[2][time]")
        // validation
        #expect((issue != nil) == refused)
        if let issue {
            #expect(issue.check == .futureTime && issue.field == "csv_data[2][time]")
            #expect(issue.message(in: .enUS) == "csv_data[2][time] is more than 5 minutes ahead of the server's clock")
        }
    }

    static let activeCases: [(disabled: Bool, employed: String?, leaves: String?, on: String, active: Bool)] = [
        (false, nil, nil, "2026-05-01", true),
        (true, nil, nil, "2026-05-01", false),
        (false, "2026-05-01", nil, "2026-05-01", true),
        (false, "2026-05-02", nil, "2026-05-01", false),
        (false, nil, "2026-05-01", "2026-05-01", true),
        (false, nil, "2026-04-30", "2026-05-01", false),
        (true, "2026-01-01", "2026-12-31", "2026-05-01", false),
    ]

    @Test("an employee scans while enabled and employed, from the employment date through the disable date", arguments: activeCases)
    func active(disabled: Bool, employed: String?, leaves: String?, on: String, active: Bool) {
        // MUT, validation
        #expect(
            ScanRules.isActive(
                isDisabled: disabled, employmentDate: employed.flatMap { LocalDate(iso: $0) }, disableDate: leaves.flatMap { LocalDate(iso: $0) },
                on: LocalDate(iso: on)!) == active)
    }

    @Test("scan messages in both languages: welcome, goodbye with the time worked, duplicate")
    func messages() {
        // MUT, validation
        #expect(ScanMessage.welcome(name: "Ion Popescu").text(in: .roRO) == "Bun venit, Ion Popescu!")
        #expect(ScanMessage.welcome(name: "Ion Popescu").text(in: .enUS) == "Welcome, Ion Popescu!")
        #expect(
            ScanMessage.goodbye(name: "Ion Popescu", seconds: 8 * 3600 + 5 * 60 + 59).text(in: .roRO)
                == "La revedere, Ion Popescu! Timp lucrat: 8 h 05 min.")
        #expect(ScanMessage.goodbye(name: "Ana", seconds: 61).text(in: .enUS) == "Goodbye, Ana! Time worked: 0 h 01 min.")
        #expect(
            ScanMessage.duplicate(name: "Ana", scanID: 53_201).text(in: .roRO)
                == "Ana: scanare duplicată, ignorată (prezența 53201 este deja înregistrată).")
        #expect(ScanMessage.duplicate(name: "Ana", scanID: 7).text(in: .enUS) == "Ana: duplicate scan, ignored (attendance 7 is already recorded).")
    }

    @Test("the five terminal checks read in both languages")
    func checkWording() {
        // setup
        let duplicate = ValidationIssue(field: "csv_data[0][time]", check: .duplicateScan, parameters: ["scan_id": "53201"])
        let inBatch = ValidationIssue(field: "csv_data[4][time]", check: .duplicateScan, parameters: ["row": "3"])
        // MUT, validation
        #expect(duplicate.message(in: .roRO) == "Nu se poate adăuga - prezență duplicată: 53201")
        #expect(duplicate.message(in: .enUS) == "Cannot add - duplicate attendance: 53201")
        #expect(inBatch.message(in: .roRO) == "Nu se poate adăuga - prezență duplicată: rândul 3 al acestui lot")
        #expect(
            ValidationIssue(field: "rfid_tag", check: .unknownTag, parameters: ["value": "A1"]).message(in: .enUS)
                == "no employee of this company has the badge A1")
        #expect(
            ValidationIssue(field: "rfid_tag", check: .employeeInactive, parameters: ["name": "Ana", "date": "2026-05-01"]).message(in: .roRO)
                == "Ana este dezactivat sau nu este angajat la 2026-05-01")
        #expect(
            ValidationIssue(field: "access_token", check: .validAccessToken).message(in: .roRO).hasPrefix("access_token lipsește, este necunoscut"))
        #expect(
            ValidationIssue(field: "t", check: .validDate, parameters: ["format": "HH:MM:SS"]).message(in: .enUS)
                == "t must be a real time written HH:MM:SS")
        #expect(ValidationIssue(field: "d", check: .validDate).message(in: .enUS) == "d must be a real date written YYYY-MM-DD")
    }
}
