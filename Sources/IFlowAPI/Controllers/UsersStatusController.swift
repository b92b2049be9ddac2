import Foundation
import IFlowCore
import IFlowStore

/// `users/get_today_status`, `users/get_tomorrow_status` and `users/get_next_work_day_status`: who is at work, late,
/// missing or absent, as iFlow's status endpoints answer (GET or POST, `api_language` optional, English by default).
struct UsersStatusController {
    let store: Store
    let calculators: CalculatorCache

    var endpoints: [APIEndpoint] {
        [
            APIEndpoint(path: "users/get_today_status", allowsGET: true, defaultLanguage: .enUS, handle: today),
            APIEndpoint(path: "users/get_tomorrow_status", allowsGET: true, defaultLanguage: .enUS, handle: tomorrow),
            APIEndpoint(path: "users/get_next_work_day_status", allowsGET: true, defaultLanguage: .enUS, handle: nextWorkDay),
        ]
    }

    @Sendable func today(_ request: APIRequest) async throws -> DayStatusReply {
        let query = try DayStatusQuery.parse(request.requestFields).get()
        let now = Int(Date().timeIntervalSince1970)
        let date = calculators.calculator(for: request.company.timeZone).localDate(ofInstant: now)
        return try await reply(request, date: date, now: now, attendanceType: query.attendanceType, filter: query.filter)
    }

    @Sendable func tomorrow(_ request: APIRequest) async throws -> DayStatusReply {
        let query = try DayStatusQuery.parse(request.requestFields).get()
        let today = calculators.calculator(for: request.company.timeZone).localDate(ofInstant: Int(Date().timeIntervalSince1970))
        return try await reply(request, date: today.adding(days: 1), now: nil, attendanceType: .workSchedule, filter: query.filter)
    }

    /// The company's next working day after today: the next weekday that is not a public holiday, the same date for
    /// every employee (a shift worker's own next shift may come sooner or later; their status that day says so).
    @Sendable func nextWorkDay(_ request: APIRequest) async throws -> DayStatusReply {
        let query = try DayStatusQuery.parse(request.requestFields).get()
        let calculator = calculators.calculator(for: request.company.timeZone)
        var date = calculator.localDate(ofInstant: Int(Date().timeIntervalSince1970)).adding(days: 1)
        while calculator.dayClass(of: date) != .weekdays { date = date.adding(days: 1) }
        return try await reply(request, date: date, now: nil, attendanceType: .workSchedule, filter: query.filter)
    }

    private func reply(
        _ request: APIRequest, date: LocalDate, now: Int?, attendanceType: AttendanceType, filter: ReportFilter
    ) async throws -> DayStatusReply {
        let board = TodayBoard(store: store, calculators: calculators)
        let statuses = try await board.statuses(company: request.company, date: date, now: now, attendanceType: attendanceType, filter: filter)
        return DayStatusReply(
            date: date.description, attendanceType: attendanceType.rawValue,
            users: statuses.map { DayStatusReply.User($0, language: request.language) }
        )
    }
}
