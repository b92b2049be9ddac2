import IFlowCore

extension Store {
    /// Creates a demo company: teams, `employees` employees (through the same path as `user/update`), the previous
    /// and the current month planned, and an API key.
    public func createDemoCompany(employees count: Int, today: LocalDate, seed: UInt64 = 2026) async throws -> DemoCompany {
        let company = try await createCompany(name: "Demo Producție SRL", timezone: "Europe/Bucharest")
        let companyID = try company.requireID()
        let demo = DemoData(seed: seed)
        let actor = AuditActor(kind: .commandLine, id: nil, label: "iflow demo")
        let previous = today.month == 1 ? (year: today.year - 1, month: 12) : (year: today.year, month: today.month - 1)
        let months = [previous, (year: today.year, month: today.month)]

        var plans: [(userID: Int, plan: DayPlan)] = []
        for (index, employee) in demo.employees(count: count).enumerated() {
            let update = try UserUpdate.parse(employee.fields).get()
            let result = try await applyUserUpdate(update, companyID: companyID, actor: actor)
            plans += demo.plans(for: employee, index: index, months: months).map { (result.user.id, $0) }
        }
        try await importPlans(plans, companyID: companyID, actor: actor)
        let key = try await createAPIKey(companyID: companyID, label: "demo", actor: actor)
        return DemoCompany(companyID: companyID, key: key, employees: count, plans: plans.count, months: months)
    }
}
