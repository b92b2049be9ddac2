import IFlowCore
import Testing

@Suite("An employee named by user_by and user_by_value")
struct EmployeeMatchTests {
    @Test(
        "none is an `exists` issue naming how the employee was looked for",
        arguments: [
            (UserSelector.cnp("1800101221144"), "cnp"), (.idCard("RX123456"), "id_card"), (.markNumber("M7"), "mark_number"), (.userID(3), "user_id"),
        ])
    func notFound(selector: UserSelector, detail: String) {
        // MUT
        let outcome = EmployeeMatch.notFound.employee(selectedBy: selector)

        // validation
        #expect(outcome == .failure(ValidationIssue(field: "user_by_value", check: .exists, parameters: ["detail": detail])))
    }

    @Test("several is a `unique` issue; one is the employee")
    func ambiguousAndFound() {
        // MUT
        let several = EmployeeMatch.ambiguous.employee(selectedBy: .markNumber("M7"))
        let one = EmployeeMatch.found(12).employee(selectedBy: .markNumber("M7"))

        // validation
        #expect(several == .failure(ValidationIssue(field: "user_by_value", check: .unique, parameters: ["entity": "employee"])))
        #expect(one == .success(12))
    }
}
