import ArgumentParser
import IFlowCore
import IFlowStore

extension CompanyCommand {
    /// `iflow company compliance`: the Labour Code rules a company turns off, and shift work for a team or an employee.
    struct Compliance: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Turn Labour Code rules off for a company, set shift work (art. 135(2)) for a team or an employee, or show the rules off."
        )

        @Option(name: .long, help: "The company.") var company: Int
        @Option(name: .long, help: "Rule codes to turn off, comma-separated (every other rule is on); \"\" turns every rule on.")
        var disable: String?
        @Option(name: .long, help: "A team of the company whose employees work in shifts.") var shiftWorkTeam: String?
        @Option(name: .long, help: "An employee (user id) who works in shifts.") var shiftWorkUser: Int?
        @Flag(name: .long, help: "Clear shift work of --shift-work-team or --shift-work-user instead of setting it.") var noShiftWork = false
        @OptionGroup var databaseOptions: DatabaseOptions

        func validate() throws {
            if let disable, case let unknown = ComplianceRule.parseList(disable).unknown, !unknown.isEmpty {
                throw ValidationError(
                    "unknown rules \(unknown.joined(separator: ", ")); allowed: \(ComplianceRule.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            if noShiftWork && shiftWorkTeam == nil && shiftWorkUser == nil {
                throw ValidationError("--no-shift-work needs --shift-work-team or --shift-work-user")
            }
        }

        func run() async throws {
            let disabled = try await databaseOptions.withStore { store -> Set<ComplianceRule> in
                guard try await store.company(id: company) != nil else { throw ValidationError("no company with id \(company)") }
                if let disable {
                    try await store.setDisabledComplianceRules(ComplianceRule.parseList(disable).rules, companyID: company, actor: .commandLine)
                }
                if let shiftWorkTeam,
                    !(try await store.setTeamShiftWork(!noShiftWork, teamName: shiftWorkTeam, companyID: company, actor: .commandLine))
                {
                    throw ValidationError("company \(company) has no team named '\(shiftWorkTeam)'")
                }
                if let shiftWorkUser,
                    !(try await store.setUserShiftWork(!noShiftWork, userID: shiftWorkUser, companyID: company, actor: .commandLine))
                {
                    throw ValidationError("company \(company) has no employee with id \(shiftWorkUser)")
                }
                return try await store.disabledComplianceRules(companyID: company)
            }
            let off = ComplianceRule.format(disabled)
            printError("Company \(company): Labour Code rules off: \(off.isEmpty ? "none" : off)")
        }
    }
}
