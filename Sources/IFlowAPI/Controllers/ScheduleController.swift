import Hummingbird
import IFlowCore
import IFlowStore
import NIOCore

/// `schedule/set_day` (one employee-day) and `schedule/import` (a CSV file of them, all or nothing).
struct ScheduleController {
    let store: Store
    /// Rows per import file.
    var maxImportRows = 500_000
    /// Fields per row: the 8 columns and room for the empty ones a spreadsheet may add.
    var maxImportColumns = 64
    /// Failures listed for one file: enough to fix a file, and a bounded reply for a file where every row fails.
    var maxListedIssues = 1000

    var endpoints: [APIEndpoint] {
        [
            APIEndpoint(path: "schedule/set_day", handle: setDay),
            APIEndpoint(path: "schedule/import", acceptsUpload: true, handle: importFile),
        ]
    }

    @Sendable func setDay(_ request: APIRequest) async throws -> SetDayReply {
        let day = try SetDayRequest.parse(request.requestFields).get()
        let plan = day.plan
        let match = try await store.findUser(day.user, companyID: request.company.id)
        let userID = try match.employee(selectedBy: day.user).mapError { ValidationFailure([$0]) }.get()
        try await store.setDay(plan, userID: userID, companyID: request.company.id, actor: request.actor)
        return SetDayReply(
            userID: String(userID), date: plan.date.description, type: plan.type.rawValue, shifts: TimeRangeList.format(plan.shifts),
            breakMinutes: String(plan.breakMinutes), overtime: TimeRangeList.format(plan.overtime), timeOff: TimeRangeList.format(plan.timeOff)
        )
    }

    @Sendable func importFile(_ request: APIRequest) async throws -> ImportReply {
        guard let file = request.fields.files["file"]?.content else {
            throw ValidationFailure(field: "file", check: .required)
        }
        // A large file's parsed rows and plans (hundreds of bytes a row) are freed when importRows returns; give that
        // memory back, or each big import leaves the server's resident size higher for good.
        defer { if file.readableBytes >= 1 << 20 { FreedMemory.release() } }
        return try await importRows(of: file, request)
    }

    private func importRows(of file: ByteBuffer, _ request: APIRequest) async throws -> ImportReply {
        let records: [CSVReader.Record]
        switch CSVReader(maxRecords: maxImportRows + 1, maxFieldsPerRecord: maxImportColumns).read(file.readableBytesView) {
        case .success(let read): records = read
        case .failure(.tooManyRecords(let limit)):
            throw ValidationFailure(field: "file", check: .tooLarge, parameters: ["detail": "\(limit - 1) rows"])
        case .failure(.tooManyFields(let line, let limit)):
            throw ValidationFailure([ValidationIssue(field: "file", check: .tooLarge, parameters: ["detail": "\(limit) columns"], line: line)])
        case .failure(.unterminatedQuote(let line)):
            throw ValidationFailure([ValidationIssue(field: "file", check: .validCSV, parameters: ["detail": "unterminated quote"], line: line)])
        case .failure(.invalidUTF8(let line)):
            throw ValidationFailure([ValidationIssue(field: "file", check: .validCSV, parameters: ["detail": "not UTF-8"], line: line)])
        }
        guard let header = records.first else { throw ValidationFailure(field: "file", check: .notEmpty) }

        let columns = try ScheduleImportColumns.parse(header).get()
        var issues: [ValidationIssue] = []

        let directory = try await store.userDirectory(companyID: request.company.id)
        var plans: [(userID: Int, plan: DayPlan)] = []
        plans.reserveCapacity(records.count - 1)
        var seen: [Int: Set<Int>] = [:]
        for record in records.dropFirst() {
            guard issues.count < maxListedIssues else { break }
            let day: SetDayRequest
            switch SetDayRequest.parse(columns.fields(of: record)) {
            case .success(let parsed): day = parsed
            case .failure(let failure):
                issues += failure.issues.map { $0.at(line: record.line) }
                continue
            }
            let plan = day.plan
            switch directory.resolve(day.user).employee(selectedBy: day.user) {
            case .failure(let issue):
                issues.append(issue.at(line: record.line))
            case .success(let userID):
                if seen[userID, default: []].insert(plan.date.dayNumber).inserted {
                    plans.append((userID, plan))
                } else {
                    issues.append(ValidationIssue(field: "date", check: .unique, parameters: ["entity": "row"], line: record.line))
                }
            }
        }
        guard issues.isEmpty else { throw ValidationFailure(Array(issues.prefix(maxListedIssues))) }

        try await store.importPlans(plans, companyID: request.company.id, actor: request.actor)
        request.logger.info("schedule imported", metadata: ["rows": "\(plans.count)"])
        return ImportReply(rows: String(plans.count), users: String(seen.count))
    }
}
