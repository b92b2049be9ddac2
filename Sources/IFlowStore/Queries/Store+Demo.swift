import IFlowCore

extension Store {
    /// Creates a demo company: teams, `employees` employees (through the same path as `user/update`), the previous
    /// and the current month planned, an API key, and an administrator of the web administration with a random password.
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
        // 16 characters of base64url: 96 random bits, within bcrypt's 72 bytes and above the 12-character minimum.
        let password = Self.randomToken(bytes: 12)
        // `.example` is reserved for examples, so the address reaches no one; the id keeps it unique per demo company.
        let email = "administrator\(companyID)@demo.example"
        _ = try await createAdministrator(companyID: companyID, email: email, password: password)
        return DemoCompany(
            companyID: companyID, key: key, administratorEmail: email, administratorPassword: password, employees: count,
            plans: plans.count, months: months
        )
    }
}
