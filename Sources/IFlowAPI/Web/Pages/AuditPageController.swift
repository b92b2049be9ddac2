import Foundation
import Hummingbird
import IFlowCore
import IFlowStore

/// The audit page: who changed what in a month (attendance entries, plans, employees, keys, terminals, locks), newest
/// first, filtered by employee, by who changed it and by kind, a page at a time; read from the same trail as
/// `audit/get_list`.
struct AuditPageController {
    let web: WebEnvironment

    func addRoutes(to group: RouterGroup<WebRequestContext>) {
        group.get("audit", use: page)
    }

    @Sendable func page(_ request: Request, context: WebRequestContext) async throws -> Response {
        let administrator = try context.requireAdministrator()
        let language = administrator.language
        let company = administrator.company
        let query = AuditPageQuery.parse(WebEnvironment.query(request).requestFields)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = company.timeZone
        let today = calendar.dateComponents([.year, .month], from: Date())
        let (year, month) = (query.year ?? today.year ?? 2000, query.month ?? today.month ?? 1)
        let calculator = web.calculators.calculator(for: company.timeZone)
        let first = LocalDate(year: year, month: month, day: 1)!
        let from = calculator.localDay(first).start
        let before = calculator.localDay(first.adding(days: LocalDate.daysIn(month: month, year: year))).start

        var allEmployees = ReportFilter()
        allEmployees.includeDisabled = true
        let employees = try await web.store.reportUsers(companyID: company.id, month: (year, month), filter: allEmployees)
        let names = Dictionary(employees.map { ($0.id, $0.fullName) }) { first, _ in first }
        let actors = try await web.store.auditActors(companyID: company.id, from: from, before: before)

        var filter = AuditFilter()
        filter.from = from
        filter.before = before
        if let employee = query.employeeID {
            filter.entity = "user"
            filter.entityID = employee
        }
        filter.actorLabel = query.actor.flatMap { actors.contains($0) ? $0 : nil }
        filter.kind = query.kind
        filter.limit = web.options.auditPageSize
        filter.offset = (query.page - 1) * web.options.auditPageSize
        let (events, total) = try await web.store.auditEvents(companyID: company.id, filter: filter)

        let monthValue = String(format: "%04d-%02d", year, month)
        let pageURL = { (page: Int) in
            WebEnvironment.url(
                "/admin/audit",
                [
                    ("month", monthValue), ("employee", query.employeeID.map(String.init)), ("actor", filter.actorLabel), ("kind", filter.kind),
                    ("page", page > 1 ? String(page) : nil),
                ]
            )
        }
        var values: [String: Any] = [
            "company": company.name,
            "monthValue": monthValue,
            "monthName": "\(language.monthNames[month - 1]) \(year)",
            "employees": employees.map { ["userID": $0.id, "fullName": $0.fullName, "selected": $0.id == query.employeeID] as [String: Any] },
            "actors": actors.map { ["actorLabel": $0, "selected": $0 == filter.actorLabel] as [String: Any] },
            "kinds": AuditPageQuery.kinds.map { kind -> [String: Any] in
                ["kindValue": kind, "kindName": WebText.format("audit_kind_" + kind, language), "selected": kind == filter.kind]
            },
            "hasEvents": !events.isEmpty,
            "events": events.map { row($0, names: names, zone: company.timeZone, language: language) },
            "showing": WebText.format(
                "showing", language,
                ["from": String(min(filter.offset + 1, total)), "to": String(filter.offset + events.count), "total": String(total)]
            ),
        ]
        if query.page > 1 { values["previousURL"] = pageURL(query.page - 1) }
        if filter.offset + events.count < total { values["nextURL"] = pageURL(query.page + 1) }
        return web.page(
            "audit", title: WebText.format("audit_title", language), language: language, administrator: administrator, request: request,
            section: .audit, values: values
        )
    }

    /// One change: when, who, what kind, about whom or what, and its detail (a date, a scan and its reason).
    private func row(_ event: AuditEvent, names: [Int: String], zone: TimeZone, language: Language) -> [String: Any] {
        let kind = String(event.action.prefix { $0 != "." })
        var row: [String: Any] = [
            "time": WebEnvironment.timestamp(event.createdAt, in: zone) ?? "",
            "actorLabel": event.actorLabel,
            "action": event.action,
            "kindName": AuditPageQuery.kinds.contains(kind) ? WebText.format("audit_kind_" + kind, language) : kind,
            "detail": event.detail,
            "fields": event.fields.replacingOccurrences(of: ",", with: ", "),
        ]
        if event.entity == "user", let id = event.entityID {
            row["employeeURL"] = "/admin/employees/\(id)"
            row["subject"] = names[id] ?? "#\(id)"
        } else {
            row["subject"] = event.entity + (event.entityID.map { " #\($0)" } ?? "")
        }
        return row
    }
}
