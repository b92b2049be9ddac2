/// Plausible, deterministic demo data: employees with valid CNPs and IBANs, and their planned months.
///
/// Pure and seeded, so the demo, the benchmarks and the tests get the same company from the same seed.
public struct DemoData: Sendable {
    /// How each team works.
    public enum Pattern: Sendable, CaseIterable {
        /// Three rotating eight-hour shifts (06–14, 14–22, 22–06), a week each, with some Saturdays.
        case threeShifts
        /// Day work 08:00–16:30 with a 30-minute break.
        case dayShift
        /// Split office hours 09:00–13:00 and 13:30–17:30.
        case office
        /// Twelve-hour guard shifts, day and night, every other day, holidays and weekends included.
        case guardShifts
    }

    public struct Team: Sendable {
        public var name: String
        public var pattern: Pattern
    }

    public struct Employee: Sendable {
        /// `user/update` fields (without `api_key`/`api_language`), `update_by=cnp`.
        public var fields: [String: String]
        public var cnp: String
        public var team: Team
    }

    public static let teams = [
        Team(name: "Producție", pattern: .threeShifts),
        Team(name: "Logistică", pattern: .dayShift),
        Team(name: "Administrativ", pattern: .office),
        Team(name: "Pază", pattern: .guardShifts),
    ]

    static let firstNames = [
        "Andrei", "Maria", "Ioana", "Mihai", "Elena", "Ștefan", "Ana", "Gheorghe", "Cristina", "Vasile", "Raluca", "Tudor", "Ileana", "Răzvan",
        "Oana", "Bogdan", "Alexandra", "Dănuț", "Irina", "Constantin",
    ]
    static let lastNames = [
        "Popescu", "Ionescu", "Țăranu", "Dumitrescu", "Stan", "Stoica", "Gheorghiu", "Munteanu", "Matei", "Lungu", "Constantinescu", "Bălan",
        "Șerban", "Nistor", "Ursu", "Cozma", "Păun", "Vlădescu",
    ]
    static let cities = [
        ("Brașov", "Brașov", 8), ("Cluj-Napoca", "Cluj", 12), ("Iași", "Iași", 22), ("București", "București", 41), ("Timișoara", "Timiș", 35),
        ("Sibiu", "Sibiu", 32),
    ]
    static let banks = ["BTRL", "RNCB", "BRDE", "INGB", "RZBR"]

    public var seed: UInt64

    public init(seed: UInt64 = 2026) {
        self.seed = seed
    }

    /// `count` employees spread over ``teams``; CNPs unique, born 1965–2002.
    public func employees(count: Int) -> [Employee] {
        var random = SplitMix64(seed: seed)
        return (0..<count).map { index in
            let team = Self.teams[index % Self.teams.count]
            let female = random.next() % 2 == 0
            let (city, county, countyCode) = Self.cities[Int(random.next() % UInt64(Self.cities.count))]
            let birth = LocalDate(dayNumber: LocalDate(year: 1965, month: 1, day: 1)!.dayNumber + Int(random.next() % 13_500))
            // The serial makes CNPs unique: index spread over serials 1...999 and the birth day.
            let serial = index % 999 + 1
            let cnpBirth = birth.adding(days: index / 999)
            let cnp = CNP.makeValid(sex: female ? .female : .male, birthDate: cnpBirth, county: countyCode, serial: serial)
            var first = Self.firstNames[Int(random.next() % UInt64(Self.firstNames.count))]
            if female, !["Maria", "Ioana", "Elena", "Ana", "Cristina", "Raluca", "Ileana", "Oana", "Alexandra", "Irina"].contains(first) {
                first = ["Maria", "Ioana", "Elena", "Ana", "Cristina"][index % 5]
            }
            let last = Self.lastNames[Int(random.next() % UInt64(Self.lastNames.count))]
            let account = String(format16(random.next() % 10_000_000_000_000_000))
            let employment = LocalDate(dayNumber: LocalDate(year: 2012, month: 1, day: 1)!.dayNumber + Int(random.next() % 4_000))
            let fields: [String: String] = [
                "update_by": "cnp",
                "update_by_value": cnp,
                "full_name": "\(first) \(last)",
                "team_name": team.name,
                "is_enabled": "1",
                "id_card": "\(["BV", "CJ", "MZ", "RX", "TM", "SB"][index % 6])\(100_000 + index)",
                "mark_number": String(1000 + index),
                "birth_date": cnpBirth.description,
                "employment_date": employment.description,
                "bank_account": IBAN.makeValid(country: "RO", bban: Self.banks[index % Self.banks.count] + account),
                "job_title": ["Operator", "Tehnician", "Contabil", "Agent pază", "Manipulant", "Inginer"][index % 6],
                "city": city,
                "county": county,
                "address": "Str. Libertății nr. \(index % 120 + 1)",
                "phone_one": "07\(20_000_000 + index)",
                // Ten decimal digits, as badge readers print a card's number.
                "rfid_tag": String(3_000_100_000 + index * 7),
            ]
            return Employee(fields: fields, cnp: cnp, team: team)
        }
    }

    /// The plans of `employee` (its position `index` staggers rotations) for every date of `months`.
    public func plans(for employee: Employee, index: Int, months: [(year: Int, month: Int)]) -> [DayPlan] {
        var random = SplitMix64(seed: seed &+ UInt64(index) &* 7919)
        var plans: [DayPlan] = []
        var absenceLeft = 0
        var absenceType = DayType.CO
        for (year, month) in months {
            guard let first = LocalDate(year: year, month: month, day: 1) else { continue }
            for offset in 0..<LocalDate.daysIn(month: month, year: year) {
                let date = first.adding(days: offset)
                if absenceLeft > 0 {
                    absenceLeft -= 1
                    if !date.isWeekend { plans.append(DayPlan(date: date, type: absenceType)) }
                    continue
                }
                // About one employee in forty starts an absence on a given Monday.
                if date.isoWeekday == 1, random.next() % 40 == 0 {
                    absenceType = [DayType.CO, .CO, .CO, .CM, .CFP, .EV, .D][Int(random.next() % 7)]
                    absenceLeft = absenceType == .D ? 0 : Int(random.next() % 5) + 1
                    if absenceType != .D {
                        plans.append(DayPlan(date: date, type: absenceType))
                        continue
                    }
                }
                if let plan = workPlan(employee.team.pattern, date: date, index: index, random: &random) { plans.append(plan) }
            }
        }
        return plans
    }

    private func workPlan(_ pattern: Pattern, date: LocalDate, index: Int, random: inout SplitMix64) -> DayPlan? {
        let holiday = RomanianHolidays.holiday(on: date) != nil
        let overtime = random.next() % 12 == 0
        let timeOff = !overtime && random.next() % 25 == 0
        func range(_ text: String) -> [TimeRange] { TimeRange(text).map { [$0] } ?? [] }
        switch pattern {
        case .threeShifts:
            let saturday = date.isoWeekday == 6 && random.next() % 3 == 0
            guard (!date.isWeekend && !holiday) || saturday else { return nil }
            let week = (date.dayNumber + 3) / 7 + index
            let shifts = ["06:00-14:00", "14:00-22:00", "22:00-06:00"][week % 3]
            let extra = ["14:00-16:00", "22:00-23:00", "06:00-08:00"][week % 3]
            return DayPlan(date: date, shifts: range(shifts), breakMinutes: 20, overtime: overtime ? range(extra) : [], timeOff: [])
        case .dayShift:
            guard !date.isWeekend, !holiday else { return nil }
            return DayPlan(
                date: date, shifts: range("08:00-16:30"), breakMinutes: 30, overtime: overtime ? range("16:30-19:00") : [],
                timeOff: timeOff ? range("06:00-08:00") : []
            )
        case .office:
            guard !date.isWeekend, !holiday else { return nil }
            let shifts = (TimeRange("09:00-13:00").map { [$0] } ?? []) + (TimeRange("13:30-17:30").map { [$0] } ?? [])
            return DayPlan(date: date, shifts: shifts, breakMinutes: 0, overtime: overtime ? range("17:30-19:30") : [], timeOff: [])
        case .guardShifts:
            switch (date.dayNumber + index) % 4 {
            case 0: return DayPlan(date: date, shifts: range("07:00-19:00"), breakMinutes: 30, overtime: [], timeOff: [])
            case 2:
                return DayPlan(
                    date: date, shifts: range("19:00-07:00"), breakMinutes: 30, overtime: overtime ? range("07:00-08:00") : [], timeOff: [])
            default: return nil
            }
        }
    }

    private func format16(_ value: UInt64) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, 16 - digits.count)) + digits
    }
}
