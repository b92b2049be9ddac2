import Foundation
import IFlowCore
import IFlowStore

/// Runs a company's Labour Code checks over its employees' plans, a batch of employees per query.
struct ComplianceReport: Sendable {
    let store: Store
    let check: ComplianceCheck
    /// The company's today, on which compensation expiries are judged.
    let today: LocalDate

    /// The company's checks: its calculator and the rules it turned off.
    static func load(store: Store, calculator: ScheduleCalculator, companyID: Int) async throws -> ComplianceReport {
        let disabled = try await store.disabledComplianceRules(companyID: companyID)
        let today = calculator.localDate(ofInstant: Int(Date().timeIntervalSince1970))
        return ComplianceReport(store: store, check: ComplianceCheck(calculator: calculator, disabled: disabled), today: today)
    }

    /// Each employee's warnings about `period`, in the order of `users`; `keep` picks the warnings to keep.
    func warnings(
        of users: [ComplianceUser], period: ClosedRange<LocalDate>, batchSize: Int = 250,
        keep: (ComplianceUser, ComplianceWarning) -> Bool = { _, _ in true }
    ) async throws -> [(user: ComplianceUser, warnings: [ComplianceWarning])] {
        let window = ComplianceCheck.window(for: period)
        var result: [(user: ComplianceUser, warnings: [ComplianceWarning])] = []
        result.reserveCapacity(users.count)
        var start = 0
        while start < users.count {
            let batch = users[start..<min(start + batchSize, users.count)]
            start += batch.count
            let plans = try await store.dayPlans(userIDs: batch.map(\.id), from: window.lowerBound, through: window.upperBound)
            for user in batch {
                let employee = ComplianceEmployee(
                    birthDate: ComplianceEmployee.birthDate(birthDateField: user.birthDate, cnp: user.cnp, today: today), shiftWork: user.shiftWork
                )
                let found = check.warnings(for: employee, plans: plans[user.id] ?? [], period: period, today: today)
                result.append((user, found.filter { keep(user, $0) }))
            }
        }
        return result
    }
}
