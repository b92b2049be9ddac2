import IFlowCore
import Testing

@Suite("user/update merged into the stored employee")
struct UserUpdateMergeTests {
    static let cnp = "1800101221144"
    static let otherCNP = "2920715400019"

    /// A request identifying the employee by `cnp`, with `fields` besides.
    static func update(_ fields: [String: String]) throws -> UserUpdate {
        try UserUpdate.parse(["update_by": "cnp", "update_by_value": cnp].merging(fields) { $1 }).get()
    }

    /// The employee as stored: hired in 2020, in team 7.
    static let stored = Employee(
        fullName: "Ion Pop", isEnabled: true, values: [.cnp: cnp, .employmentDate: "2020-01-10", .city: "Brașov"], teamID: 7, teamName: "Producție"
    )

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var fields: [String: String]
        var stored: Employee?
        var holders: Set<UserField> = []
        var requestedTeamID: Int?
        var action: UserUpdateMerge.Action
        var employee: Employee
        var missingTeam: String?
        var teamChanged = false
        var changed: [String]

        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "a new employee gets every field sent, the identifier first after the name",
            fields: ["full_name": "Ana Ionescu", "city": "Cluj", "id_card": "RX123456"], action: .created,
            employee: Employee(fullName: "Ana Ionescu", values: [.cnp: cnp, .city: "Cluj", .idCard: "RX123456"]),
            changed: ["full_name", "cnp", "id_card", "city"]
        ),
        Case(
            name: "a new employee sent disabled",
            fields: ["full_name": "Ana Ionescu", "is_enabled": "0"], action: .created,
            employee: Employee(fullName: "Ana Ionescu", isEnabled: false, values: [.cnp: cnp]), changed: ["full_name", "is_enabled", "cnp"]
        ),
        Case(
            name: "clearing the identifier of a new employee is ignored",
            fields: ["full_name": "Ana Ionescu", "cnp": ""], action: .created,
            employee: Employee(fullName: "Ana Ionescu", values: [.cnp: cnp]), changed: ["full_name", "cnp"]
        ),
        Case(
            name: "an update changes only what differs",
            fields: ["full_name": "Ion Pop", "city": "Sibiu", "job_title": "Sudor"], stored: stored, action: .updated,
            employee: Employee(
                fullName: "Ion Pop", values: [.cnp: cnp, .employmentDate: "2020-01-10", .city: "Sibiu", .jobTitle: "Sudor"], teamID: 7,
                teamName: "Producție"
            ),
            changed: ["job_title", "city"]
        ),
        Case(
            name: "an update sending the stored values changes nothing",
            fields: ["full_name": "Ion Pop", "is_enabled": "1", "city": "Brașov", "team_name": "Producție"], stored: stored, requestedTeamID: 7,
            action: .updated, employee: stored, changed: []
        ),
        Case(
            name: "an empty value clears a field",
            fields: ["city": "", "phone_one": ""], stored: stored, action: .updated,
            employee: Employee(fullName: "Ion Pop", values: [.cnp: cnp, .employmentDate: "2020-01-10"], teamID: 7, teamName: "Producție"),
            changed: ["city"]
        ),
        Case(
            name: "disabling and ending the contract after it started",
            fields: ["is_enabled": "0", "disable_date": "2024-05-31"], stored: stored, action: .updated,
            employee: Employee(
                fullName: "Ion Pop", isEnabled: false,
                values: [.cnp: cnp, .employmentDate: "2020-01-10", .city: "Brașov", .disableDate: "2024-05-31"], teamID: 7, teamName: "Producție"
            ),
            changed: ["is_enabled", "disable_date"]
        ),
        Case(
            name: "joining another team that exists",
            fields: ["team_name": "Logistică"], stored: stored, requestedTeamID: 9, action: .updated,
            employee: Employee(fullName: "Ion Pop", values: stored.values, teamID: 9, teamName: "Logistică"), teamChanged: true,
            changed: ["team_name"]
        ),
        Case(
            name: "joining a team still to be created",
            fields: ["team_name": "Vânzări"], stored: stored, action: .updated,
            employee: Employee(fullName: "Ion Pop", values: stored.values, teamName: "Vânzări"), missingTeam: "Vânzări", teamChanged: true,
            changed: ["team_name"]
        ),
        Case(
            name: "leaving the team",
            fields: ["team_name": ""], stored: stored, action: .updated,
            employee: Employee(fullName: "Ion Pop", values: stored.values), teamChanged: true, changed: ["team_name"]
        ),
        Case(
            name: "leaving no team changes nothing",
            fields: ["team_name": ""], stored: Employee(fullName: "Ion Pop", values: [.cnp: cnp]), action: .updated,
            employee: Employee(fullName: "Ion Pop", values: [.cnp: cnp]), changed: []
        ),
        Case(
            name: "a new employee in a new team",
            fields: ["full_name": "Ana Ionescu", "team_name": "Vânzări"], action: .created,
            employee: Employee(fullName: "Ana Ionescu", values: [.cnp: cnp], teamName: "Vânzări"), missingTeam: "Vânzări", teamChanged: true,
            changed: ["full_name", "cnp", "team_name"]
        ),
        Case(
            name: "a new employee in a team that exists",
            fields: ["full_name": "Ana Ionescu", "team_name": "Producție"], requestedTeamID: 7, action: .created,
            employee: Employee(fullName: "Ana Ionescu", values: [.cnp: cnp], teamID: 7, teamName: "Producție"), teamChanged: true,
            changed: ["full_name", "cnp", "team_name"]
        ),
    ]

    @Test("the merge", arguments: cases)
    func merge(_ example: Case) throws {
        // setup
        let update = try Self.update(example.fields)

        // MUT
        let merged = try update.merge(into: example.stored, holders: example.holders, requestedTeamID: example.requestedTeamID).get()

        // validation
        #expect(merged.action == example.action)
        #expect(merged.employee == example.employee)
        #expect(merged.missingTeam == example.missingTeam)
        #expect(merged.teamChanged == example.teamChanged)
        #expect(merged.changed == example.changed)
    }

    struct Refusal: Sendable, CustomTestStringConvertible {
        var name: String
        var fields: [String: String]
        var stored: Employee?
        var holders: Set<UserField> = []
        var issues: [ValidationIssue]

        var testDescription: String { name }
    }

    static func uniqueIssue(_ field: String) -> ValidationIssue {
        ValidationIssue(field: field, check: .unique, parameters: ["entity": "employee"])
    }
    static let dateOrderIssue = ValidationIssue(field: "disable_date", check: .dateOrder, parameters: ["other": "employment_date"])

    static let refusals: [Refusal] = [
        Refusal(name: "a new employee needs a name", fields: ["city": "Cluj"], issues: [ValidationIssue(field: "full_name", check: .required)]),
        Refusal(
            name: "a missing name is reported alone, before the values others hold",
            fields: ["id_card": "RX123456"], holders: [.idCard], issues: [ValidationIssue(field: "full_name", check: .required)]
        ),
        Refusal(name: "a CNP another employee holds", fields: ["cnp": otherCNP], stored: stored, holders: [.cnp], issues: [uniqueIssue("cnp")]),
        Refusal(
            name: "an id card another employee holds", fields: ["full_name": "Ana", "id_card": "RX123456"], holders: [.idCard],
            issues: [uniqueIssue("id_card")]
        ),
        Refusal(
            name: "a tag another employee holds", fields: ["rfid_tag": "A1"], stored: stored, holders: [.rfidTag], issues: [uniqueIssue("rfid_tag")]
        ),
        Refusal(name: "a contract ending before it started", fields: ["disable_date": "2019-12-31"], stored: stored, issues: [dateOrderIssue]),
        Refusal(
            name: "a hiring moved after the stored end",
            fields: ["employment_date": "2024-06-01"],
            stored: Employee(fullName: "Ion Pop", values: [.cnp: cnp, .employmentDate: "2020-01-10", .disableDate: "2024-05-31"]),
            issues: [dateOrderIssue]
        ),
        Refusal(
            name: "several at once, in field order",
            fields: ["rfid_tag": "A1", "id_card": "RX123456", "cnp": otherCNP, "disable_date": "2019-12-31"], stored: stored,
            holders: [.rfidTag, .idCard, .cnp], issues: [uniqueIssue("cnp"), uniqueIssue("id_card"), uniqueIssue("rfid_tag"), dateOrderIssue]
        ),
    ]

    @Test("what the merge refuses", arguments: refusals)
    func refused(_ example: Refusal) throws {
        // setup
        let update = try Self.update(example.fields)

        // MUT
        let merged = update.merge(into: example.stored, holders: example.holders, requestedTeamID: nil)

        // validation
        guard case .failure(let failure) = merged else {
            Issue.record("merged: \(merged)")
            return
        }
        #expect(failure.issues == example.issues)
    }

    @Test("dates out of order already stored are left alone when neither date is sent")
    func storedDatesOutOfOrder() throws {
        // setup
        let stored = Employee(fullName: "Ion Pop", values: [.cnp: Self.cnp, .employmentDate: "2020-01-10", .disableDate: "2019-12-31"])

        // MUT
        let merged = try Self.update(["city": "Cluj"]).merge(into: stored, holders: [], requestedTeamID: nil).get()

        // validation
        #expect(merged.changed == ["city"])
    }

    @Test("the unique values the store looks holders up for: the ones sent with a value")
    func uniqueValues() throws {
        // MUT
        let values = try Self.update(["rfid_tag": "A1", "id_card": "", "cnp": Self.otherCNP]).uniqueValues

        // validation
        #expect(values.map(\.field) == [.cnp, .rfidTag])
        #expect(values.map(\.value) == [Self.otherCNP, "A1"])
    }
}
