import Foundation
import Hummingbird
import IFlowCore
import IFlowStore

/// Today: who is at work, late, missing, absent (with the code) or gone home, from the scans, each with the planned
/// shift, the day's times present and the hours so far, a page of employees at a time. The page reloads itself every
/// minute (a meta refresh keeps the search, team and page chosen, as they are in the address, and needs no script).
struct TodayController {
    let web: WebEnvironment
    static let refreshSeconds = 60
    /// The order of the page's groups: what needs a look first.
    static let groups: [DayStatus.Kind] = [.late, .missing, .atWork, .absent, .left, .notPlanned]

    func addRoutes(to group: RouterGroup<WebRequestContext>) {
        group.get("today", use: page)
    }

    @Sendable func page(_ request: Request, context: WebRequestContext) async throws -> Response {
        let administrator = try context.requireAdministrator()
        let language = administrator.language
        let company = administrator.company
        let query = TodayPageQuery.parse(WebEnvironment.query(request).requestFields)
        let teams = try await web.store.teamNames(companyID: company.id)
        var filter = ReportFilter()
        filter.teamName = query.team(among: teams)
        let calculator = web.calculators.calculator(for: company.timeZone)
        let now = Int(Date().timeIntervalSince1970)
        let date = calculator.localDate(ofInstant: now)
        let statuses = try await TodayBoard(store: web.store, calculators: web.calculators).statuses(
            company: company, date: date, now: now, attendanceType: .liveAttendance, filter: filter
        )
        let clock = LocalTime(calculator: calculator)
        // The groups in their order, then a page of them: the tally counts everybody the search found.
        let found = Dictionary(
            grouping: statuses.filter { query.matches(fullName: $0.employee.fullName, markNumber: $0.employee.markNumber) }, by: \.status.kind)
        let ordered = Self.groups.flatMap { found[$0] ?? [] }
        let pageSize = web.options.todayPageSize
        let offset = (query.page - 1) * pageSize
        let onPage = ordered.dropFirst(offset).prefix(pageSize)
        let rows = Dictionary(grouping: onPage, by: \.status.kind).mapValues { group in
            group.map { row(for: $0, date: date, now: now, clock: clock, language: language) }
        }
        let groups = Self.groups.map { kind -> [String: Any] in
            let members = rows[kind] ?? []
            let count = found[kind]?.count ?? 0
            return [
                "groupID": kind.rawValue,
                "groupClass": kind.rawValue.replacingOccurrences(of: "_", with: "-"),
                "heading": WebText.format("group_" + kind.rawValue, language),
                "count": count,
                "rows": members,
                "hasRows": !members.isEmpty,
                // A group whose members are all on other pages is left out; an empty one says so on the first page.
                "shown": !members.isEmpty || (count == 0 && query.page == 1),
                "emptyText": WebText.format("empty_" + kind.rawValue, language),
            ]
        }
        let pageURL = { (page: Int) in
            WebEnvironment.url("/admin/today", [("q", query.text), ("team", filter.teamName), ("page", page > 1 ? String(page) : nil)])
        }
        let names = language.monthNames
        var values: [String: Any] = [
            "company": company.name,
            "dateText": "\(language.weekdayNames[date.isoWeekday - 1]) \(date.day) \(names[date.month - 1]) \(date.year)",
            "updated": WebText.format("today_updated", language, ["time": clock.text(now, seconds: false)]),
            "groups": groups,
            "teams": teams.map { ["teamName": $0, "selected": $0 == filter.teamName] as [String: Any] },
            "refreshSeconds": Self.refreshSeconds,
            "query": query.text ?? "",
            "showing": WebText.format(
                "showing", language,
                ["from": String(min(offset + 1, ordered.count)), "to": String(offset + onPage.count), "total": String(ordered.count)]
            ),
        ]
        if let team = filter.teamName { values["selectedTeam"] = team }
        if query.page > 1 { values["previousURL"] = pageURL(query.page - 1) }
        if offset + onPage.count < ordered.count { values["nextURL"] = pageURL(query.page + 1) }
        return web.page(
            "today", title: WebText.format("today_title", language), language: language, administrator: administrator, request: request,
            section: .today, values: values
        )
    }

    private func row(for entry: EmployeeDayStatus, date: LocalDate, now: Int, clock: LocalTime, language: Language) -> [String: Any] {
        let status = entry.status
        let user = entry.employee
        // An open pair runs on (`08:02–…`); one closed as a missing check-out has no end anybody knows (`08:02–?`).
        let presence = status.pairs.map { pair -> String in
            let start = clock.text(pair.checkIn, on: date, seconds: false)
            if let checkOut = pair.checkOut { return start + "–" + clock.text(checkOut, on: date, seconds: false) }
            return start + (pair.isOpen ? "–…" : "–?")
        }
        var row: [String: Any] = [
            "fullName": user.fullName,
            "meta": [user.markNumber, user.teamName].compactMap { $0 }.joined(separator: " · "),
            "dayURL": "/admin/employees/\(user.id)/days/\(date)",
            "planText": status.shifts.isEmpty ? "—" : TimeRangeList.format(status.shifts),
            "presenceText": presence.isEmpty ? "—" : presence.joined(separator: ", "),
            "hoursText": Timesheet.hours(status.minutes),
        ]
        if let absence = status.absence {
            row["codeText"] = absence.rawValue
            row["codeName"] = absence.description(in: language)
        }
        return row
    }
}
