import Foundation
import IFlowCore
import IFlowStore

/// `attendance/add`, `attendance/delete`, `attendance/get_list` and `attendance/get_exceptions`: manual entries and
/// the real attendance HR and payroll read, in the company's wall clock.
struct AttendanceController {
    let store: Store
    let calculators: CalculatorCache

    var endpoints: [APIEndpoint] {
        [
            APIEndpoint(path: "attendance/add", handle: add),
            APIEndpoint(path: "attendance/delete", handle: delete),
            APIEndpoint(path: "attendance/get_list", handle: list),
            APIEndpoint(path: "attendance/get_exceptions", handle: exceptions),
        ]
    }

    @Sendable func add(_ request: APIRequest) async throws -> AttendanceAddReply {
        let entry = try AttendanceAddRequest.parse(request.requestFields).get()
        let company = request.company
        let calculator = calculators.calculator(for: company.timeZone)
        var issues: [ValidationIssue] = []
        var instant: Int?
        switch ScanRules.instant(of: entry.date, secondOfDay: entry.secondOfDay, in: calculator, field: "time") {
        case .success(let value):
            instant = value
            if let issue = ScanRules.checkNotFuture(value, now: Int(Date().timeIntervalSince1970), field: "time") { issues.append(issue) }
        case .failure(let issue): issues.append(issue)
        }
        var employee: ScanEmployee?
        switch try await store.findUser(entry.user, companyID: company.id).employee(selectedBy: entry.user) {
        case .success(let userID):
            employee = try await store.scanEmployee(companyID: company.id, userID: userID)
            if let found = employee,
                !ScanRules.isActive(
                    isDisabled: found.isDisabled, employmentDate: found.employmentDate, disableDate: found.disableDate, on: entry.date)
            {
                let parameters = ["name": found.fullName, "date": entry.date.description]
                issues.append(ValidationIssue(field: "user_by_value", check: .employeeInactive, parameters: parameters))
            }
        case .failure(let issue): issues.append(issue)
        }
        guard issues.isEmpty, let instant, let employee else { throw ValidationFailure(issues) }

        let row = NewScan(userID: employee.userID, instant: instant, source: .api, arrival: .entry, direction: entry.direction, note: entry.note)
        let recorded = try await store.recordScans([row], companyID: company.id, limits: company.attendance.limits, actor: request.actor)
        if recorded.outcomes.first == .lockedMonth {
            throw ValidationFailure(
                field: "time", check: .lockedMonth, parameters: ["month": LockedMonth.label(year: entry.date.year, month: entry.date.month)])
        }
        guard let id = recorded.ids.first ?? nil else {
            let earlier = if case .duplicateOfScan(let scanID) = recorded.outcomes.first { String(scanID) } else { "" }
            throw ValidationFailure(field: "time", check: .duplicateScan, parameters: ["scan_id": earlier])
        }
        let day = try await dayOf(scan: id, userID: employee.userID, date: entry.date, company: company, calculator: calculator)
        return AttendanceAddReply(attendance: day.entry, events: day.events)
    }

    @Sendable func delete(_ request: APIRequest) async throws -> AttendanceDeleteReply {
        let deletion = try AttendanceDeleteRequest.parse(request.requestFields).get()
        let id = deletion.attendanceID
        let outcome: ScanDeletion
        do {
            outcome = try await store.deleteScan(id: id, companyID: request.company.id, reason: deletion.reason, actor: request.actor)
        } catch let refusal as LockedMonthRefusal {
            throw ValidationFailure(refusal.issues(field: "attendance_id"))
        }
        switch outcome {
        case .deleted(let userID):
            return AttendanceDeleteReply(attendanceID: String(id), userID: String(userID), reason: deletion.reason)
        case .notFound:
            throw ValidationFailure(field: "attendance_id", check: .attendanceNotFound, parameters: ["value": String(id)])
        case .alreadyDeleted:
            throw ValidationFailure(field: "attendance_id", check: .attendanceNotFound, parameters: ["value": String(id), "deleted": "1"])
        }
    }

    /// The entry `id` of the employee and their pairs touching `date`, as they stand now.
    private func dayOf(
        scan id: Int64, userID: Int, date: LocalDate, company: CompanyContext, calculator: ScheduleCalculator
    ) async throws -> (entry: AttendanceEntryReply, events: [AttendanceEventReply]) {
        let day = calculator.localDay(date)
        let limits = company.attendance.limits
        let stored =
            try await store.scans(companyID: company.id, userIDs: [userID], from: day.start, through: day.end - 1, limits: limits)[userID] ?? []
        let pairing = ScanPairing(scans: stored.map(\.scan), limits: limits, now: Int(Date().timeIntervalSince1970))
        guard let scan = stored.first(where: { $0.scan.id == id }) else { throw StoreError.corruptRow(table: "scans") }
        let origins = AttendanceEventReply.origins(of: stored)
        let events = pairing.pairs.filter { $0.checkIn < day.end && ($0.checkOut ?? $0.checkIn) >= day.start }.map {
            AttendanceEventReply(pair: $0, companyID: company.id, userID: userID, origins: origins, calculator: calculator)
        }
        let entry = AttendanceEntryReply(scan, pairing: pairing, pairOf: AttendanceEntryReply.pairs(of: pairing), calculator: calculator)
        return (entry, events)
    }

    /// The employees of `query` (all of them, for the total) and its page of them.
    private func page(_ query: AttendanceRangeQuery, company: CompanyContext) async throws -> (total: Int, employees: [ReportUser]) {
        let employees = try await store.reportUsers(
            companyID: company.id, from: query.dates.lowerBound, through: query.dates.upperBound, filter: query.filter)
        return (employees.count, Array(employees.dropFirst(query.offset).prefix(query.limit)))
    }

    @Sendable func list(_ request: APIRequest) async throws -> AttendanceListReply {
        let query = try AttendanceRangeQuery.parse(request.requestFields).get()
        let company = request.company
        let calculator = calculators.calculator(for: company.timeZone)
        let limits = company.attendance.limits
        let read: ([Int], Int, Int) async throws -> [Int: [StoredScan]] = { ids, from, through in
            try await store.scans(companyID: company.id, userIDs: ids, from: from, through: through, limits: limits)
        }
        let page = try await page(query, company: company)
        let attendances = try await RangeAttendance.load(
            store: store, company: company, calculator: calculator, employees: page.employees, dates: query.dates, read: read, scan: \.scan)
        let range = (calculator.localDay(query.dates.lowerBound).start, calculator.localDay(query.dates.upperBound).end)
        let users = attendances.map { attendance in
            let (employee, stored, pairing) = (attendance.employee, attendance.scans, attendance.pairing)
            let inRange = stored.filter { $0.scan.instant >= range.0 && $0.scan.instant < range.1 }
            let pairOf = AttendanceEntryReply.pairs(of: pairing)
            let origins = AttendanceEventReply.origins(of: stored)
            let events = pairing.pairs.filter { $0.checkIn >= range.0 && $0.checkIn < range.1 }.map {
                AttendanceEventReply(pair: $0, companyID: company.id, userID: employee.id, origins: origins, calculator: calculator)
            }
            return AttendanceListReply.User(
                employee: EmployeeReplyFields(employee),
                attendances: inRange.map { AttendanceEntryReply($0, pairing: pairing, pairOf: pairOf, calculator: calculator) }, events: events
            )
        }
        return AttendanceListReply(
            page: RangePageReplyFields(total: page.total, limit: query.limit, offset: query.offset, dates: query.dates), users: users)
    }

    @Sendable func exceptions(_ request: APIRequest) async throws -> AttendanceExceptionsReply {
        let query = try AttendanceRangeQuery.parse(request.requestFields).get()
        let company = request.company
        let calculator = calculators.calculator(for: company.timeZone)
        let page = try await page(query, company: company)
        let found = try await RangeAttendance.exceptions(
            store: store, company: company, calculator: calculator, employees: page.employees, dates: query.dates)
        let users = found.map { attendance, exceptions in
            AttendanceExceptionsReply.User(
                employee: EmployeeReplyFields(attendance.employee),
                exceptions: exceptions.map { Self.reply($0, pairing: attendance.pairing, language: request.language, calculator: calculator) }
            )
        }
        return AttendanceExceptionsReply(
            page: RangePageReplyFields(total: page.total, limit: query.limit, offset: query.offset, dates: query.dates), users: users)
    }

    /// An exception with its times on the wall clock and the scans it concerns (found by instant among the pairs).
    static func reply(
        _ exception: AttendanceException, pairing: ScanPairing, language: Language, calculator: ScheduleCalculator
    ) -> AttendanceExceptionsReply.Exception {
        func clock(_ instant: Int) -> String { calculator.clockText(ofInstant: instant) }
        func checkInID(_ instant: Int) -> [String] { pairing.pairs.filter { $0.checkIn == instant }.prefix(1).map { String($0.checkInID) } }
        func checkOutID(_ instant: Int) -> [String] {
            pairing.pairs.filter { $0.checkOut == instant }.prefix(1).compactMap { $0.checkOutID.map(String.init) }
        }
        var planned: Int?
        var checkIn: Int?
        var checkOut: Int?
        var minutes: Int?
        var ids: [String] = []
        switch exception {
        case .lateCheckIn(_, let shiftStart, let time, let late):
            (planned, checkIn, minutes, ids) = (shiftStart, time, late, checkInID(time))
        case .earlyCheckOut(_, let shiftEnd, let time, let early):
            (planned, checkOut, minutes, ids) = (shiftEnd, time, early, checkOutID(time))
        case .missingCheckOut(_, let id, let time, _):
            (checkIn, ids) = (time, [String(id)])
        case .unmatchedCheckOut(_, let id, let time):
            (checkOut, ids) = (time, [String(id)])
        case .noPresence(_, let shiftStart):
            planned = shiftStart
        case .presenceWithoutPlan(_, let start, let end):
            (checkIn, checkOut, ids) = (start, end, checkInID(start) + (end.map(checkOutID) ?? []))
        }
        return AttendanceExceptionsReply.Exception(
            type: exception.code, date: exception.date.description, plannedTime: planned.map(clock), checkIn: checkIn.map(clock),
            checkOut: checkOut.map(clock), minutes: minutes.map(String.init), scanIDs: ids,
            message: exception.text(in: language, calculator: calculator)
        )
    }
}
