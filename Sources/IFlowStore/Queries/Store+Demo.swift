import Foundation
import IFlowCore

extension Store {
    /// Creates a demo company: teams, `employees` employees (through the same path as `user/update`), the previous
    /// and the current month planned, two badge terminals and the last 30 days of their scans up to `now` (through
    /// `recordScans`, as terminals send them), an API key, and an administrator of the web administration with a random
    /// password.
    public func createDemoCompany(employees count: Int, today: LocalDate, now: Date = Date(), seed: UInt64 = 2026) async throws -> DemoCompany {
        let zone = "Europe/Bucharest"
        let company = try await createCompany(name: "Demo Producție SRL", timezone: zone)
        let companyID = try company.requireID()
        let demo = DemoData(seed: seed)
        let actor = AuditActor(kind: .commandLine, id: nil, label: "iflow demo")
        let previous = today.month == 1 ? (year: today.year - 1, month: 12) : (year: today.year, month: today.month - 1)
        let months = [previous, (year: today.year, month: today.month)]

        var plans: [(userID: Int, plan: DayPlan)] = []
        var employees: [(userID: Int, rfidTag: String?, plans: [DayPlan])] = []
        for (index, employee) in demo.employees(count: count).enumerated() {
            let update = try UserUpdate.parse(employee.fields).get()
            let result = try await applyUserUpdate(update, companyID: companyID, actor: actor)
            let employeePlans = demo.plans(for: employee, index: index, months: months)
            plans += employeePlans.map { (result.user.id, $0) }
            employees.append((result.user.id, employee.fields["rfid_tag"], employeePlans))
        }
        let calculator = ScheduleCalculator(timeZone: TimeZone(identifier: zone) ?? .gmt, holidays: .romania)
        try await importPlans(plans, companyID: companyID, calculator: calculator, actor: actor)

        let terminals = [
            try await createDevice(companyID: companyID, label: "Intrare principală", actor: actor),
            try await createDevice(companyID: companyID, label: "Poartă depozit", actor: actor),
        ]
        let dates = today.adding(days: -30)...today
        let instant = Int(now.timeIntervalSince1970.rounded(.down))
        var scans: [NewScan] = []
        var scanCount = 0
        for (index, employee) in employees.enumerated() {
            scans += demo.scans(for: employee.plans, index: index, dates: dates, now: instant, calculator: calculator).map {
                NewScan(
                    userID: employee.userID, instant: $0.instant, source: .terminal, arrival: .live, deviceID: terminals[$0.terminal].id,
                    rfidTag: employee.rfidTag
                )
            }
            // A few thousand scans per write, as a busy terminal's offline batch would bring them.
            if scans.count >= 5_000 || index == employees.count - 1 {
                let recorded = try await recordScans(scans, companyID: companyID, limits: .iFlowDefaults, actor: actor)
                scanCount += recorded.ids.compactMap { $0 }.count
                scans.removeAll(keepingCapacity: true)
            }
        }
        let key = try await createAPIKey(companyID: companyID, label: "demo", actor: actor)
        // 16 characters of base64url: 96 random bits, within bcrypt's 72 bytes and above the 12-character minimum.
        let password = Self.randomToken(bytes: 12)
        // `.example` is reserved for examples, so the address reaches no one; the id keeps it unique per demo company.
        let email = "administrator\(companyID)@demo.example"
        _ = try await createAdministrator(companyID: companyID, email: email, password: password)
        return DemoCompany(
            companyID: companyID, key: key, administratorEmail: email, administratorPassword: password, employees: count,
            plans: plans.count, months: months, terminals: terminals, scans: scanCount,
            rfidTag: employees.first?.rfidTag
        )
    }
}
