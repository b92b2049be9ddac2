import Hummingbird
import IFlowCore
import IFlowStore

/// The company's employees: a searchable list and one employee's fields, with personal numbers masked.
struct EmployeesController {
    let web: WebEnvironment
    var pageSize = 50

    /// Fields shown masked: only their last characters are visible.
    static let maskedFields: Set<UserField> = [.cnp, .idCard, .bankAccount]

    func addRoutes(to group: RouterGroup<WebRequestContext>) {
        group.get("employees", use: list)
        group.get("employees/{id}", use: detail)
    }

    @Sendable func list(_ request: Request, context: WebRequestContext) async throws -> Response {
        let administrator = try context.requireAdministrator()
        let language = administrator.language
        let query = EmployeeListPageQuery.parse(WebEnvironment.query(request).requestFields)
        let teams = try await web.store.teamNames(companyID: administrator.company.id)

        var search = EmployeeSearch()
        search.text = query.text
        search.teamName = query.team.flatMap { teams.contains($0) ? $0 : nil }
        let status = query.status ?? ""
        search.isEnabled = query.status.map { $0 == "active" }
        let page = query.page
        search.limit = pageSize
        search.offset = (page - 1) * pageSize
        let (users, total) = try await web.store.searchUsers(companyID: administrator.company.id, search: search)

        let pageURL = { (page: Int) in
            WebEnvironment.url(
                "/admin/employees", [("q", search.text), ("team", search.teamName), ("status", status), ("page", page > 1 ? String(page) : nil)]
            )
        }
        var values: [String: Any] = [
            "query": query.text ?? "",
            "teams": teams.map { ["teamName": $0, "selected": $0 == search.teamName] as [String: Any] },
            "statuses": [("", "all_statuses"), ("active", "active"), ("inactive", "inactive")].map { value, key -> [String: Any] in
                ["statusValue": value, "statusLabel": WebText.format(key, language), "selected": value == status]
            },
            "hasUsers": !users.isEmpty,
            "showing": WebText.format(
                "showing", language,
                ["from": String(search.offset + 1), "to": String(search.offset + users.count), "total": String(total)]
            ),
            "users": users.map { user -> [String: Any] in
                [
                    "userID": user.id,
                    "fullName": user.fullName,
                    "markNumber": user.values[.markNumber] ?? "",
                    "cnp": user.values[.cnp].map { Masking.tail($0) } ?? "",
                    "teamName": user.teamName ?? "",
                    "jobTitle": user.values[.jobTitle] ?? "",
                    "enabled": user.isEnabled,
                ]
            },
        ]
        if page > 1 { values["previousURL"] = pageURL(page - 1) }
        if search.offset + users.count < total { values["nextURL"] = pageURL(page + 1) }
        return web.page(
            "employees", title: WebText.format("employees_title", language), language: language, administrator: administrator,
            request: request, section: .employees, values: values
        )
    }

    @Sendable func detail(_ request: Request, context: WebRequestContext) async throws -> Response {
        let administrator = try context.requireAdministrator()
        let language = administrator.language
        guard let id = context.parameters.get("id").flatMap(Int.init),
            let user = try await web.store.user(id: id, companyID: administrator.company.id)
        else { throw WebError.notFound }
        let notSet = WebText.format("not_set", language)
        var fields: [[String: Any]] = [
            ["fieldLabel": WebText.format("employee_id", language), "fieldValue": String(user.id), "masked": false],
            ["fieldLabel": WebText.format("field_full_name", language), "fieldValue": user.fullName, "masked": false],
            ["fieldLabel": WebText.format("field_team_name", language), "fieldValue": user.teamName ?? notSet, "masked": false],
            [
                "fieldLabel": WebText.format("field_is_enabled", language),
                "fieldValue": WebText.format(user.isEnabled ? "active" : "inactive", language), "masked": false,
            ],
        ]
        for field in UserField.textFields {
            let masked = Self.maskedFields.contains(field)
            let value = user.values[field].map { masked ? Masking.tail($0) : $0 } ?? notSet
            fields.append(["fieldLabel": WebText.format("field_" + field.rawValue, language), "fieldValue": value, "masked": masked])
        }
        return web.page(
            "employee", title: user.fullName, language: language, administrator: administrator, request: request, section: .employees,
            values: ["fullName": user.fullName, "enabled": user.isEnabled, "fields": fields]
        )
    }
}
