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
    var maxImportRows = 1_000_000
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
            throw ValidationFailure(refusal.conflicts.map { Self.overlapIssue(plan, overlapping: $0.neighbour) })
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

    /// `no_overlap` on the plan's first field with ranges, naming what it overlaps: the stored plans' dates, or
    /// (`.written`, a file's row) that line of the file.
    private static func overlapIssue(_ plan: DayPlan, overlapping neighbour: PlanOverlapRefusal.Neighbour, line: Int? = nil) -> ValidationIssue {
        let field = !plan.shifts.isEmpty ? "shifts" : !plan.overtime.isEmpty ? "overtime" : "time_off"
        let detail =
            switch neighbour {
            case .written(let line): "line \(line)"
            case .stored(let dates): dates.map(\.description).joined(separator: ", ")
            }
        return ValidationIssue(field: field, check: .noOverlap, parameters: ["detail": detail], line: line)
    }

    /// The warnings about the dates just planned, per employee: a rest, day or debt that starts on one of them, and
    /// the weeks and reference periods that contain one; each names its employee when `namingUsers`.
    ///
    /// `period` is where the warnings are looked for, the day before the first date through the last by default; an
    /// import asks about its employees a batch at a time over the whole file's period, with the `report` loaded once.
    private func plannedWarnings(
        _ dates: [Int: Set<LocalDate>], _ request: APIRequest, calculator: ScheduleCalculator, namingUsers: Bool,
        period: ClosedRange<LocalDate>? = nil, report loaded: ComplianceReport? = nil
    ) async throws -> [(userID: Int, warning: ComplianceWarningReply)] {
        let all = dates.values.flatMap { $0 }
        guard let first = all.min(), let last = all.max() else { return [] }
        let report: ComplianceReport
        if let loaded {
            report = loaded
        } else {
            report = try await ComplianceReport.load(store: store, calculator: calculator, companyID: request.company.id)
        }
        let found = try await report.warnings(ofUserIDs: Array(dates.keys), period: period ?? first.adding(days: -1)...last) { user, warning in
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

    /// Reads the file a piece at a time, checks each row, stages the valid ones (``Store/stage(_:in:)``) and, when
    /// no row failed, writes them all in one transaction; the staged rows are removed whatever happens.
    @Sendable func importFile(_ request: APIRequest) async throws -> ImportReply {
        guard let file = request.fields.files["file"] else {
            throw ValidationFailure(field: "file", check: .required)
        }
        // The rows of a batch, the plans checked and the replies built are freed as the import goes; give that memory
        // back at the end, or each big import leaves the server's resident size higher for good.
        defer { FreedMemory.release(after: file.size) }
        let planImport = try await store.beginPlanImport(companyID: request.company.id)
        let reply: ImportReply
        do {
            reply = try await importRows(of: file, into: planImport, request)
        } catch {
            try? await store.discardPlanImport(planImport)
            throw error
        }
        do {
            try await store.discardPlanImport(planImport)
        } catch {
            // The import is committed; its staged rows go with the next import's sweep of abandoned ones.
            request.logger.warning("staged import rows not removed", metadata: ["error": "\(String(reflecting: type(of: error)))"])
        }
        return reply
    }

    /// Rows staged per write while the file is read (a little more: the rows of a read piece stay together).
    static let stagedRowsPerBatch = 5000

    private func importRows(of file: FormFields.UploadedFile, into planImport: PlanImport, _ request: APIRequest) async throws -> ImportReply {
        var reader = CSVReader.Stream(maxRecords: maxImportRows + 1, maxFieldsPerRecord: maxImportColumns)
        let directory = try await store.userDirectory(companyID: request.company.id)
        var columns: ScheduleImportColumns?
        var headerFailure: ValidationFailure?
        var issues: [ValidationIssue] = []
        var batch: [StagedPlan] = []
        var records: [CSVReader.Record] = []
        var found: [UserSelector: Int] = [:]
        var staging: Task<Void, any Error>?

        /// Checks `records`, stages the valid rows once a batch is full; after a bad header or `maxListedIssues`
        /// failures the rest of the file is only read, for a CSV error, which is reported first.
        func check(_ records: [CSVReader.Record], flushing: Bool) async throws {
            for record in records {
                guard headerFailure == nil else { break }
                guard let columns else {
                    switch ScheduleImportColumns.parse(record) {
                    case .success(let parsed): columns = parsed
                    case .failure(let failure): headerFailure = failure
                    }
                    continue
                }
                guard issues.count < maxListedIssues else { break }
                switch SetDayRequest.parse(columns.fields(of: record)) {
                case .failure(let failure):
                    issues += failure.issues.map { $0.at(line: record.line) }
                case .success(let day):
                    // An employee's rows name them the same way: their CNP or id card is looked up (an HMAC) once.
                    // Only matches are kept, so what this holds is bounded by the company's employees.
                    if let userID = found[day.user] {
                        batch.append(StagedPlan(line: record.line, userID: userID, plan: day.plan))
                        continue
                    }
                    switch directory.resolve(day.user).employee(selectedBy: day.user) {
                    case .failure(let issue): issues.append(issue.at(line: record.line))
                    case .success(let userID):
                        found[day.user] = userID
                        batch.append(StagedPlan(line: record.line, userID: userID, plan: day.plan))
                    }
                }
            }
            if batch.count >= Self.stagedRowsPerBatch || (flushing && !batch.isEmpty) {
                // The batch is written while the next one is read and checked: the database's work and ours overlap.
                // One write at a time, so at most two batches are held.
                try await staging?.value
                let rows = batch
                staging = Task { [store] in try await store.stage(rows, in: planImport) }
                batch = []
                batch.reserveCapacity(Self.stagedRowsPerBatch)
            }
        }

        do {
            // 64 KiB at a time: even a piece of nothing but line ends makes a bounded number of records.
            try await file.forEachPiece(size: 64 << 10) { piece in
                try reader.feed(piece.readableBytesView, into: &records)
                try await check(records, flushing: false)
                records.removeAll(keepingCapacity: true)
            }
            try reader.finish(into: &records)
            try await check(records, flushing: true)
            try await staging?.value
        } catch {
            // Nothing is staged after this returns, so the caller's discarding of the import removes every row.
            _ = try? await staging?.value
            if let failure = error as? CSVReader.Failure { throw Self.validationFailure(failure) }
            throw error
        }
        if let headerFailure { throw headerFailure }
        guard columns != nil else { throw ValidationFailure(field: "file", check: .notEmpty) }

        // A row naming an employee and date an earlier row named fails `unique`; listed with the others by line.
        let duplicates = try await store.duplicateLines(in: planImport, limit: maxListedIssues).map {
            ValidationIssue(field: "date", check: .unique, parameters: ["entity": "row"], line: $0)
        }
        issues = (issues + duplicates).enumerated().sorted { ($0.element.line ?? 0, $0.offset) < ($1.element.line ?? 0, $1.offset) }.map(\.element)
        guard issues.isEmpty else { throw ValidationFailure(Array(issues.prefix(maxListedIssues))) }

        let calculator = calculators.calculator(for: request.company.timeZone)
        let summary: PlanImportSummary
        do {
            summary = try await store.applyPlanImport(planImport, calculator: calculator, actor: request.actor, listing: maxListedIssues)
        } catch let refusal as PlanImportRefusal {
            if let locked = refusal.locked {
                throw ValidationFailure(zip(locked.rows, locked.issues(field: "date")).map { $1.at(line: $0.index) })
            }
            throw ValidationFailure(refusal.overlaps.map { Self.overlapIssue($0.plan, overlapping: $0.neighbour, line: $0.line) })
        }
        request.logger.info("schedule imported", metadata: ["rows": "\(summary.rows)"])

        var warnings: [ComplianceWarningReply] = []
        var warningsTotal = 0
        if let first = summary.first, let last = summary.last {
            let report = try await ComplianceReport.load(store: store, calculator: calculator, companyID: request.company.id)
            try await store.forEachImportedEmployees(of: planImport) { dates in
                let found = try await plannedWarnings(
                    dates, request, calculator: calculator, namingUsers: true, period: first.adding(days: -1)...last, report: report
                )
                warningsTotal += found.count
                warnings += found.prefix(maxListedWarnings - warnings.count).map(\.warning)
            }
        }
        return ImportReply(rows: String(summary.rows), users: String(summary.users), warningsTotal: String(warningsTotal), warnings: warnings)
    }

    private static func validationFailure(_ failure: CSVReader.Failure) -> ValidationFailure {
        switch failure {
        case .tooManyRecords(let limit):
            ValidationFailure(field: "file", check: .tooLarge, parameters: ["detail": "\(limit - 1) rows"])
        case .tooManyFields(let line, let limit):
            ValidationFailure([ValidationIssue(field: "file", check: .tooLarge, parameters: ["detail": "\(limit) columns"], line: line)])
        case .unterminatedQuote(let line):
            ValidationFailure([ValidationIssue(field: "file", check: .validCSV, parameters: ["detail": "unterminated quote"], line: line)])
        case .invalidUTF8(let line):
            ValidationFailure([ValidationIssue(field: "file", check: .validCSV, parameters: ["detail": "not UTF-8"], line: line)])
        }
    }
}
