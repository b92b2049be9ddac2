import Hummingbird
import IFlowCore
import IFlowStore
import NIOCore

/// `schedule/set_day` (one employee-day) and `schedule/import` (a CSV file of them, all or nothing).
///
/// A plan that overlaps the employee's plan of the day before or after (`no_overlap`) is refused; what was planned
/// comes back with the Labour Code warnings about its dates, which never block the write.
struct ScheduleController {
    let store: Store
    let calculators: CalculatorCache
    /// Rows per import file.
    var maxImportRows = 500_000
    /// Fields per row: the 8 columns and room for the empty ones a spreadsheet may add.
    var maxImportColumns = 64
    /// Failures listed for one file: enough to fix a file, and a bounded reply for a file where every row fails.
    var maxListedIssues = 1000
    /// Warnings listed in an import's reply (`warnings_total` counts them all).
    var maxListedWarnings = 1000

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
        let calculator = calculators.calculator(for: request.company.timeZone)
        do {
            try await store.setDay(plan, userID: userID, companyID: request.company.id, calculator: calculator, actor: request.actor)
        } catch let refusal as PlanOverlapRefusal {
            throw ValidationFailure(Self.overlapIssues(refusal, of: [(userID, plan)], lines: nil))
        } catch let refusal as LockedMonthRefusal {
            throw ValidationFailure(refusal.issues(field: "date"))
        }
        let warnings = try await plannedWarnings([userID: [plan.date]], request, calculator: calculator, namingUsers: false)
        return SetDayReply(
            userID: String(userID), date: plan.date.description, type: plan.type.rawValue, shifts: TimeRangeList.format(plan.shifts),
            breakMinutes: String(plan.breakMinutes), overtime: TimeRangeList.format(plan.overtime), timeOff: TimeRangeList.format(plan.timeOff),
            warnings: warnings.map(\.warning)
        )
    }

    /// `no_overlap` on the plan's first field with ranges, naming what it overlaps (dates, or lines of a file).
    private static func overlapIssue(_ plan: DayPlan, detail: String, line: Int? = nil) -> ValidationIssue {
        let field = !plan.shifts.isEmpty ? "shifts" : !plan.overtime.isEmpty ? "overtime" : "time_off"
        return ValidationIssue(field: field, check: .noOverlap, parameters: ["detail": detail], line: line)
    }

    /// The warnings about the dates just planned, per employee: a rest, day or debt that starts on one of them, and
    /// the weeks and reference periods that contain one; each names its employee when `namingUsers`.
    private func plannedWarnings(
        _ dates: [Int: Set<LocalDate>], _ request: APIRequest, calculator: ScheduleCalculator, namingUsers: Bool
    ) async throws -> [(userID: Int, warning: ComplianceWarningReply)] {
        let all = dates.values.flatMap { $0 }
        guard let first = all.min(), let last = all.max() else { return [] }
        let report = try await ComplianceReport.load(store: store, calculator: calculator, companyID: request.company.id)
        let found = try await report.warnings(ofUserIDs: Array(dates.keys), period: first.adding(days: -1)...last) { user, warning in
            dates[user.id, default: []].contains { $0 >= warning.from && $0 <= warning.through }
        }
        return found.flatMap { user, warnings in
            warnings.map {
                (
                    user.id,
                    ComplianceWarningReply($0, userID: namingUsers ? user.id : nil, language: request.language, timeZone: request.company.timeZone)
                )
            }
        }
    }

    @Sendable func importFile(_ request: APIRequest) async throws -> ImportReply {
        guard let file = request.fields.files["file"]?.content else {
            throw ValidationFailure(field: "file", check: .required)
        }
        // A large file's parsed rows and plans (hundreds of bytes a row) are freed when importRows returns; give that
        // memory back, or each big import leaves the server's resident size higher for good.
        defer { FreedMemory.release(after: file.readableBytes) }
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
        var lines: [Int] = []
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
                    lines.append(record.line)
                } else {
                    issues.append(ValidationIssue(field: "date", check: .unique, parameters: ["entity": "row"], line: record.line))
                }
            }
        }
        guard issues.isEmpty else { throw ValidationFailure(Array(issues.prefix(maxListedIssues))) }
        let calculator = calculators.calculator(for: request.company.timeZone)
        do {
            try await store.importPlans(plans, companyID: request.company.id, calculator: calculator, actor: request.actor)
        } catch let refusal as PlanOverlapRefusal {
            throw ValidationFailure(Array(Self.overlapIssues(refusal, of: plans, lines: lines).prefix(maxListedIssues)))
        } catch let refusal as LockedMonthRefusal {
            throw ValidationFailure(Array(refusal.issues(field: "date", lines: lines).prefix(maxListedIssues)))
        }
        request.logger.info("schedule imported", metadata: ["rows": "\(plans.count)"])
        var dates: [Int: Set<LocalDate>] = [:]
        for (userID, plan) in plans { dates[userID, default: []].insert(plan.date) }
        let warnings = try await plannedWarnings(dates, request, calculator: calculator, namingUsers: true)
        return ImportReply(
            rows: String(plans.count), users: String(seen.count), warningsTotal: String(warnings.count),
            warnings: warnings.prefix(maxListedWarnings).map(\.warning)
        )
    }

    /// `no_overlap` for each refused plan, at its line of the file when `lines` are given: a plan overlapping the same
    /// employee's day before in the file names that line, one overlapping stored plans names their dates.
    private static func overlapIssues(_ refusal: PlanOverlapRefusal, of plans: [(userID: Int, plan: DayPlan)], lines: [Int]?) -> [ValidationIssue] {
        let issues = refusal.conflicts.map { conflict in
            let detail =
                switch conflict.neighbour {
                case .written(let before): "line \(lines?[before] ?? before + 1)"
                case .stored(let dates): dates.map(\.description).joined(separator: ", ")
                }
            return overlapIssue(plans[conflict.index].plan, detail: detail, line: lines?[conflict.index])
        }
        return issues.sorted { ($0.line ?? 0) < ($1.line ?? 0) }
    }
}
