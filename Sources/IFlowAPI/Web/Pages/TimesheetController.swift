import Foundation
import Hummingbird
import IFlowCore
import IFlowStore
import NIOCore

/// The monthly timesheet: the page (employees × days with totals) and the same as a CSV download, from the plan
/// (*Planificare*) or from real presence (*Prezență reală*); each cell opens the employee's day.
struct TimesheetController {
    let web: WebEnvironment
    /// Employees per database round trip.
    var batchSize = 250
    /// Employees per page; the CSV holds them all.
    var pageSize: Int { web.options.timesheetPageSize }

    func addRoutes(to group: RouterGroup<WebRequestContext>) {
        group.get("timesheet", use: page)
        group.get("timesheet.csv", use: csv)
        group.get("timesheet/sheet", use: sheetPage)
        group.get("timesheet/sheet.csv", use: sheetDownload)
    }

    /// The month, team and inactive-employees choice of a request.
    struct Selection {
        var year: Int
        var month: Int
        var team: String?
        var includeInactive: Bool
        var teams: [String]
        /// 1-based page of the employee list.
        var page: Int
        var attendanceType: AttendanceType

        var monthValue: String { String(format: "%04d-%02d", year, month) }

        func shifted(by months: Int) -> (year: Int, month: Int) {
            let index = year * 12 + (month - 1) + months
            return (index / 12, index % 12 + 1)
        }

        func url(_ path: String, month: (year: Int, month: Int)? = nil, page: Int = 1) -> String {
            let (year, month) = month ?? (self.year, self.month)
            return WebEnvironment.url(
                path,
                [
                    ("month", String(format: "%04d-%02d", year, month)), ("team", team), ("inactive", includeInactive ? "1" : nil),
                    ("page", page > 1 ? String(page) : nil), ("attendance_type", attendanceType == .liveAttendance ? attendanceType.rawValue : nil),
                ]
            )
        }
    }

    func selection(_ request: Request, administrator: SignedInAdministrator) async throws -> Selection {
        let query = TimesheetPageQuery.parse(WebEnvironment.query(request).requestFields)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = administrator.company.timeZone
        let today = calendar.dateComponents([.year, .month], from: Date())
        let teams = try await web.store.teamNames(companyID: administrator.company.id)
        return Selection(
            year: query.year ?? today.year ?? 2000, month: query.month ?? today.month ?? 1,
            team: query.team.flatMap { teams.contains($0) ? $0 : nil },
            includeInactive: query.includeInactive, teams: teams, page: query.page, attendanceType: query.attendanceType
        )
    }

    func schedule(_ selection: Selection, administrator: SignedInAdministrator) async throws -> MonthSchedule {
        var filter = ReportFilter()
        filter.teamName = selection.team
        filter.includeDisabled = selection.includeInactive
        return try await MonthSchedule.load(
            store: web.store, calculator: web.calculators.calculator(for: administrator.company.timeZone), companyID: administrator.company.id,
            year: selection.year, month: selection.month, filter: filter, attendanceType: selection.attendanceType,
            limits: administrator.company.attendance.limits
        )
    }

    @Sendable func page(_ request: Request, context: WebRequestContext) async throws -> Response {
        let administrator = try context.requireAdministrator()
        let language = administrator.language
        let selection = try await selection(request, administrator: administrator)
        let all = try await schedule(selection, administrator: administrator)
        let start = min((selection.page - 1) * pageSize, all.users.count)
        let schedule = all.restricted(to: start..<min(start + pageSize, all.users.count))
        let days = Timesheet.days(of: schedule, language: language)
        let clock = LocalTime(calculator: schedule.calculator)
        let bounds = days.map { clock.bounds(of: $0.date) }

        // Labour Code (issue 14): the page's employees' warnings, as compliance/get_warnings finds them, mark their days.
        let period = schedule.firstDay...schedule.lastDay
        let labour = try await TimesheetWarnings.load(
            store: web.store, calculator: schedule.calculator, companyID: administrator.company.id, userIDs: schedule.users.map(\.id), period: period,
            live: selection.attendanceType == .liveAttendance ? (administrator.company.attendance.limits, schedule.now) : nil
        )
        var rows: [[String: Any]] = []
        try await schedule.forEachBatch(size: batchSize) { months in
            for month in months {
                let worked = Set(month.days.filter { $0.regular + $0.overtime > 0 }.map(\.date))
                let marks = TimesheetWarnings.marks(labour.byUser[month.user.id] ?? [], worked: worked, period: period)
                rows.append(row(month, days: days, bounds: bounds, clock: clock, marks: marks, language: language))
            }
        }

        let weekdays = language.weekdayAbbreviations
        let dayColumns = days.map { day -> [String: Any] in
            let weekday = weekdays[day.date.isoWeekday - 1]
            let title: String =
                switch day.dayClass {
                case .holiday: "\(day.date) · \(day.holidayName ?? WebText.format("public_holiday", language))"
                case .weekend: "\(day.date) · \(WebText.format("weekend", language))"
                case .weekdays: day.date.description
                }
            return ["dayNumber": day.date.day, "weekday": weekday, "dayClass": Self.cssClass(day.dayClass), "dayTitle": title]
        }
        let holidays = days.filter { $0.holidayName != nil }.map { ["holidayDay": "\($0.date.day)", "holidayName": $0.holidayName ?? ""] }
        let names = language.monthNames
        let previous = selection.shifted(by: -1)
        let next = selection.shifted(by: 1)
        var values: [String: Any] = [
            "company": administrator.company.name,
            "monthName": "\(names[selection.month - 1]) \(selection.year)",
            "monthValue": selection.monthValue,
            "employeeCount": WebText.format("employees_count", language, ["count": String(all.users.count)]),
            "teams": selection.teams.map { ["teamName": $0, "selected": $0 == selection.team] as [String: Any] },
            "includeInactive": selection.includeInactive,
            "csvURL": selection.url("/admin/timesheet.csv"),
            "sheetURL": selection.url("/admin/timesheet/sheet"),
            "previousURL": selection.url("/admin/timesheet", month: previous),
            "previousName": "\(names[previous.month - 1]) \(previous.year)",
            "nextURL": selection.url("/admin/timesheet", month: next),
            "nextName": "\(names[next.month - 1]) \(next.year)",
            "hasRows": !rows.isEmpty,
            "rows": rows,
            "days": dayColumns,
            "totalColumns": Timesheet.totals.map {
                ["columnLabel": WebText.format($0.label, language), "columnHint": WebText.format($0.hint, language)]
            },
            "holidays": holidays,
            "modes": AttendanceType.allCases.map { type -> [String: Any] in
                var mode = selection
                mode.attendanceType = type
                return [
                    "modeURL": mode.url("/admin/timesheet"), "modeName": WebText.format(type.rawValue, language),
                    "current": type == selection.attendanceType,
                ]
            },
            "live": selection.attendanceType == .liveAttendance,
            "codes": DayType.allCases.filter { $0 != .work }.map { ["code": $0.rawValue, "codeName": $0.description(in: language)] },
        ]
        values.merge(labourValues(labour, users: schedule.users, language: language, zone: administrator.company.timeZone)) { _, new in new }
        // Month lock (issue 13): the lock button and state.
        let lock = try await web.store.lockedMonth(companyID: administrator.company.id, year: selection.year, month: selection.month)
        let notice = request.uri.queryParameters.get("lock_notice")
        let lockValues = MonthLockController.values(
            lock, year: selection.year, month: selection.month, notice: notice, language: language, zone: administrator.company.timeZone
        )
        values.merge(lockValues) { _, new in new }
        // Corrections before closing (issue 13): the page's employees' attendance exceptions.
        values.merge(try await correctionValues(schedule, administrator: administrator)) { _, new in new }
        if let team = selection.team { values["selectedTeam"] = team }
        if all.users.count > pageSize {
            values["showing"] = WebText.format(
                "showing", language, ["from": String(start + 1), "to": String(start + rows.count), "total": String(all.users.count)]
            )
            if selection.page > 1 { values["previousPageURL"] = selection.url("/admin/timesheet", page: selection.page - 1) }
            if start + rows.count < all.users.count { values["nextPageURL"] = selection.url("/admin/timesheet", page: selection.page + 1) }
        }
        return web.page(
            "timesheet", title: WebText.format("timesheet_title", language), language: language, administrator: administrator,
            request: request, section: .timesheet, values: values
        )
    }

    @Sendable func csv(_ request: Request, context: WebRequestContext) async throws -> Response {
        let administrator = try context.requireAdministrator()
        let language = administrator.language
        let selection = try await selection(request, administrator: administrator)
        let schedule = try await schedule(selection, administrator: administrator)
        let header = Timesheet.csvHeader(days: Timesheet.days(of: schedule, language: language), language: language)
        let batchSize = self.batchSize
        let body = ResponseBody { writer in
            var buffer = ByteBuffer()
            buffer.writeBytes(Timesheet.byteOrderMark)
            Timesheet.writeRecord(header, into: &buffer)
            try await schedule.forEachBatch(size: batchSize) { months in
                for month in months { Timesheet.writeRecord(Timesheet.csvRow(month, language: language), into: &buffer) }
                try await writer.write(buffer)
                buffer.clear()
            }
            try await writer.write(buffer)
            try await writer.finish(nil)
        }
        var headers = WebEnvironment.securityHeaders(contentType: "text/csv; charset=utf-8")
        headers[.contentDisposition] = "attachment; filename=\"\(WebText.format("csv_file", language))-\(selection.monthValue).csv\""
        return Response(status: .ok, headers: headers, body: body)
    }

    /// - Parameters:
    ///   - bounds: each day's UTC instants, for the time present that touches it (a night shift shows on both dates).
    ///   - marks: the Labour Code warnings that mark each date (`TimesheetWarnings.marks`).
    private func row(
        _ month: EmployeeMonth, days: [Timesheet.Day], bounds: [Range<Int>], clock: LocalTime, marks: [LocalDate: [ComplianceWarning]],
        language: Language
    ) -> [String: Any] {
        let cells = Timesheet.cells(of: month, language: language)
        let presence = month.presence ?? []
        let cellValues = zip(zip(days, bounds), cells).map { dayAndBounds, planned -> [String: Any] in
            let (day, bounds) = dayAndBounds
            var cell = planned
            cell.intervals = presence.filter { $0.end > bounds.lowerBound && $0.start < bounds.upperBound }
            var classes = [Self.cssClass(day.dayClass)]
            if cell.workedMinutes > 0 { classes.append("worked") }
            if cell.timeOffMinutes > 0 { classes.append("has-time-off") }
            if cell.code != nil, cell.workedMinutes == 0 { classes.append("off") }
            let warnings = (marks[day.date] ?? []).map { "⚠ " + $0.message(in: language) }
            if !warnings.isEmpty { classes.append("warn") }
            return [
                "cellClass": classes.filter { !$0.isEmpty }.joined(separator: " "),
                "cellTitle": ([Timesheet.describe(cell, date: day.date, clock: clock, language: language)] + warnings).joined(separator: " · "),
                "warned": !warnings.isEmpty,
                "dayURL": "/admin/employees/\(month.user.id)/days/\(day.date)",
                "cellText": cell.workedMinutes > 0 ? Timesheet.shortHours(cell.workedMinutes) : "",
                "cellCodes": cell.code.map { [["codeClass": cell.codeClass ?? "", "codeText": $0]] } ?? [],
            ]
        }
        let user = month.user
        return [
            "userID": user.id,
            "fullName": user.fullName,
            "meta": [user.markNumber, user.teamName].compactMap { $0 }.joined(separator: " · "),
            "cells": cellValues,
            "totals": Timesheet.totals.map { column -> [String: Any] in
                let minutes = month.totals.minutes(column.token)
                return ["value": Timesheet.hours(minutes), "negative": minutes < 0, "zero": minutes == 0]
            },
        ]
    }

    /// The list under the grid: every warning of the page's employees, and which rules were checked.
    private func labourValues(_ labour: TimesheetWarnings, users: [ReportUser], language: Language, zone: TimeZone) -> [String: Any] {
        let warnings = users.flatMap { user in
            (labour.byUser[user.id] ?? []).map { warning -> [String: Any] in
                let reply = ComplianceWarningReply(warning, language: language, timeZone: zone)
                let times = [reply.start, reply.end].compactMap { $0 }.joined(separator: " – ")
                return [
                    "fullName": user.fullName, "userID": user.id, "rule": reply.rule, "ruleName": WebText.format("rule_" + reply.rule, language),
                    "article": reply.article, "dates": reply.from == reply.through ? reply.from : "\(reply.from) – \(reply.through)",
                    "times": times, "measured": reply.measuredHours, "limit": reply.limitHours, "message": reply.message,
                ]
            }
        }
        let checked = labour.rulesChecked.map { "\($0.rawValue) (\($0.article))" }.joined(separator: ", ")
        return [
            "labourWarnings": warnings,
            "hasLabourWarnings": !warnings.isEmpty,
            "labourCount": WebText.format("labour_warnings_count", language, ["count": String(warnings.count)]),
            "labourChecked": WebText.format(
                labour.rulesChecked.isEmpty ? "labour_none_checked" : "labour_rules_checked", language, ["rules": checked]
            ),
        ]
    }

    static func cssClass(_ dayClass: DayClass) -> String {
        switch dayClass {
        case .weekdays: ""
        case .weekend: "weekend"
        case .holiday: "holiday"
        }
    }
}
