import IFlowCore
import IFlowStore

/// What `report/get_collective_sheet` writes before its `users`: the month, the company and team of the sheet's
/// header, the dates with their class, and the legend of the codes in the request's language.
struct CollectiveSheetHead: Encodable, Sendable {
    var year: String
    var month: String
    var companyName: String
    var teamName: String?
    var attendanceType: String
    var days: [CollectiveSheetDate]
    var codes: [CollectiveSheetCode]

    enum CodingKeys: String, CodingKey {
        case year, month
        case companyName = "company_name"
        case teamName = "team_name"
        case attendanceType = "attendance_type"
        case days, codes
    }

    init(_ sheet: Timesheet) {
        year = String(sheet.year)
        month = (sheet.month < 10 ? "0" : "") + String(sheet.month)
        companyName = sheet.company
        teamName = sheet.teamName
        attendanceType = sheet.attendanceType.rawValue
        days = sheet.days.map(CollectiveSheetDate.init)
        codes = Timesheet.codes.map { CollectiveSheetCode(code: $0.rawValue, name: $0.description(in: sheet.language)) }
    }
}

/// A date of the sheet: `weekday`, `weekend` or `holiday` (with the holiday's name), as `user/get_work_schedule`
/// names the day types.
struct CollectiveSheetDate: Encodable, Sendable {
    var date: String
    var dayType: String
    var holidayName: String?

    enum CodingKeys: String, CodingKey {
        case date
        case dayType = "day_type"
        case holidayName = "holiday_name"
    }

    init(_ day: Timesheet.Day) {
        date = day.date.description
        dayType =
            switch day.dayClass {
            case .weekdays: "weekday"
            case .weekend: "weekend"
            case .holiday: "holiday"
            }
        holidayName = day.holidayName
    }
}

/// One line of the legend.
struct CollectiveSheetCode: Encodable, Sendable {
    var code: String
    var name: String
}

/// One employee's line: *nr. crt.*, who, one cell per date, the totals payroll needs and the days per code.
struct CollectiveSheetUser: Encodable, Sendable {
    var number: String
    var userID: String
    var fullName: String
    var markNumber: String?
    var cnp: String?
    var teamName: String?
    /// `null` when `user/update` stored none.
    var jobTitle: String?
    var days: [CollectiveSheetCell]
    /// The same tokens and figures as `user/get_work_schedule`'s `totals` (``Timesheet/totals``).
    var totals: WorkScheduleTotals
    var codeDays: CollectiveSheetCodeDays

    enum CodingKeys: String, CodingKey {
        case number
        case userID = "user_id"
        case fullName = "full_name"
        case markNumber = "mark_number"
        case cnp
        case teamName = "team_name"
        case jobTitle = "job_title"
        case days, totals
        case codeDays = "code_days"
    }

    /// - Parameter days: The head's dates, each cell's date and class.
    init(_ row: Timesheet.Row, days: [CollectiveSheetDate]) {
        let user = row.user
        number = String(row.number)
        userID = String(user.id)
        fullName = user.fullName
        markNumber = user.markNumber
        cnp = user.cnp
        teamName = user.teamName
        jobTitle = user.jobTitle
        self.days = zip(row.cells, days).map { cell, date in
            CollectiveSheetCell(
                date: date.date, dayType: date.dayType, code: cell.dayType?.rawValue, hours: HoursFormat.hours(minutes: cell.workedMinutes))
        }
        totals = WorkScheduleTotals(tokens: Timesheet.totals.map(\.token), totals: row.totals)
        codeDays = CollectiveSheetCodeDays(counts: row.codeDays)
    }
}

/// One employee-date: the hours worked (regular and overtime), and the plan's code when it is not work.
struct CollectiveSheetCell: Encodable, Sendable {
    var date: String
    var dayType: String
    var code: String?
    var hours: String

    enum CodingKeys: String, CodingKey {
        case date
        case dayType = "day_type"
        case code, hours
    }
}

/// `{"CO":"2","CM":"0",…}`: the days of each code, every code present.
struct CollectiveSheetCodeDays: Encodable, Sendable {
    var counts: [Int]

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: ReplyKey.self)
        for (code, count) in zip(Timesheet.codes, counts) { try container.encode(String(count), forKey: ReplyKey(code.rawValue)) }
    }
}
