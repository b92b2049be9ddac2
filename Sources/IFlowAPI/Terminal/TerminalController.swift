import Foundation
import IFlowCore
import IFlowStore

/// The badge terminals' two actions: a live scan, and the batch a terminal kept while it was offline. Both record
/// raw scans only; whether a scan checks in or out is derived by `ScanPairing` from the employee's scans in time order.
struct TerminalController {
    let store: Store
    let calculators: CalculatorCache

    var endpoints: [TerminalEndpoint] {
        [
            TerminalEndpoint(path: "rfid_devices/auto_attendance", authenticatesInWrite: true, handle: autoAttendance),
            TerminalEndpoint(path: "rfid_v2/offline_attendance/store_attendances", acceptsBatch: true, handle: storeAttendances),
        ]
    }

    /// Records one scan at the server's clock and answers what it was (check-in, check-out, duplicate), with the
    /// employee and their pairs of the day. An unknown badge or an inactive employee stores nothing.
    ///
    /// The terminal is found inside the write, with the batch's other live scans (``Store/recordLiveScan(_:)``), and
    /// the scan is stamped there once its employee is locked. A request that fails its checks reads the terminal
    /// first, so that a bad token is still reported before a bad badge, as for every other action.
    @Sendable func autoAttendance(_ request: TerminalRequest) async throws -> AutoAttendanceReply {
        if case .failure(let issue)? = request.device { throw ValidationFailure([issue]) }
        let query: AutoAttendanceRequest
        switch AutoAttendanceRequest.parse(request.requestFields) {
        case .success(let parsed): query = parsed
        case .failure(let failure):
            _ = try await request.authenticatedDevice(using: store)
            throw failure
        }
        let outcome = try await store.recordLiveScan(
            LiveScan(token: request.token, rfidTag: query.rfidTag, admit: request.admit, calculator: calculators.calculator(for:)))
        let device: AuthenticatedDevice
        let employee: ScanEmployee
        let now: Int
        let recorded: RecordedScans
        switch outcome {
        case .unknownDevice: throw ValidationFailure(field: "access_token", check: .validAccessToken)
        case .refused(_, let retryAfter): throw TerminalRateLimited(retryAfter: retryAfter)
        case .unknownTag: throw ValidationFailure(field: "rfid_tag", check: .unknownTag, parameters: ["value": query.rfidTag])
        case .inactive(_, let employee, let date):
            throw ValidationFailure(field: "rfid_tag", check: .employeeInactive, parameters: ["name": employee.fullName, "date": date.description])
        case .recorded(let found, let holder, let instant, let scans):
            (device, employee, now, recorded) = (found, holder, instant, scans)
        }
        let company = device.company
        let limits = company.attendance.limits
        let calculator = calculators.calculator(for: company.timeZone)
        let today = calculator.wallTime(ofInstant: now)
        if recorded.outcomes.first == .lockedMonth {
            // The current month is locked: the terminal shows the refusal (in Romanian unless it asks otherwise).
            let month = LockedMonth.label(year: today.date.year, month: today.date.month)
            throw ValidationFailure(field: "rfid_tag", check: .lockedMonth, parameters: ["month": month])
        }

        let scans = recorded.dayScans[employee.userID] ?? []
        let pairing = ScanPairing(scans: scans, limits: limits, now: now)
        let newID = recorded.ids.first ?? nil
        let closed = pairing.pairs.first { $0.checkOutID != nil && $0.checkOutID == newID }
        let message: ScanMessage
        switch recorded.outcomes.first {
        case .duplicateOfScan(let original): message = .duplicate(name: employee.fullName, scanID: original)
        default:
            if let closed, let checkOut = closed.checkOut {
                message = .goodbye(name: employee.fullName, seconds: checkOut - closed.checkIn)
            } else if let newID, case .duplicate(let original) = pairing.statuses[newID] {
                message = .duplicate(name: employee.fullName, scanID: original)
            } else {
                message = .welcome(name: employee.fullName)
            }
        }
        let origins = AttendanceEventReply.origins(of: scans)
        let events = pairing.pairs.filter { $0 == closed || calculator.wallTime(ofInstant: $0.checkIn).date == today.date }.map {
            AttendanceEventReply(pair: $0, companyID: company.id, userID: employee.userID, origins: origins, calculator: calculator)
        }
        return AutoAttendanceReply(
            scanMessage: message.text(in: request.language), user: TerminalUserReply(employee: employee, device: device), event: events
        )
    }

    /// Records an offline batch in one `recordScans` call, so a late or out-of-order batch pairs exactly as if it had
    /// come live and a repeated one stores nothing, and answers every row back with what became of it.
    @Sendable func storeAttendances(_ request: TerminalRequest) async throws -> [OfflineAttendanceRowReply] {
        let batch = try StoreAttendancesRequest.parse(request.requestFields).get()
        let language = request.language
        var replies = batch.rows.map(OfflineAttendanceRowReply.init)
        for (index, row) in batch.rows.enumerated() where !row.issues.isEmpty {
            replies[index].errorCSV = row.issues.map { $0.message(in: language) }.joined(separator: "; ")
        }
        let device: AuthenticatedDevice
        do {
            device = try await request.authenticatedDevice(using: store)
        } catch let failure as ValidationFailure {
            let message = failure.issues.map { $0.message(in: language) }.joined(separator: "; ")
            for index in replies.indices { replies[index].errorAuthenticate = message }
            return replies
        }

        let company = device.company
        let calculator = calculators.calculator(for: company.timeZone)
        let now = Int(Date().timeIntervalSince1970)
        var instants: [Int: Int] = [:]
        for (index, row) in batch.rows.enumerated() {
            guard let reading = row.reading else { continue }
            switch ScanRules.instant(of: reading.date, secondOfDay: reading.secondOfDay, in: calculator, field: "csv_data[\(index)][time]") {
            case .failure(let issue): replies[index].errorCSV = issue.message(in: language)
            case .success(let instant):
                if let issue = ScanRules.checkNotFuture(instant, now: now, field: "csv_data[\(index)][time]") {
                    replies[index].errorCheckInOut = issue.message(in: language)
                } else {
                    instants[index] = instant
                }
            }
        }
        let tags = Set(instants.keys.compactMap { batch.rows[$0].reading?.rfidTag })
        let employees = tags.isEmpty ? [:] : try await store.scanEmployees(companyID: company.id, rfidTags: tags.sorted())

        var scans: [NewScan] = []
        var rowOfScan: [Int] = []
        for index in instants.keys.sorted() {
            guard let reading = batch.rows[index].reading, let instant = instants[index] else { continue }
            guard let employee = employees[reading.rfidTag] else {
                let issue = ValidationIssue(field: "csv_data[\(index)][rfidTag]", check: .unknownTag, parameters: ["value": reading.rfidTag])
                replies[index].errorCheckInOut = issue.message(in: language)
                continue
            }
            guard
                ScanRules.isActive(
                    isDisabled: employee.isDisabled, employmentDate: employee.employmentDate, disableDate: employee.disableDate, on: reading.date)
            else {
                let issue = ValidationIssue(
                    field: "csv_data[\(index)][rfidTag]", check: .employeeInactive,
                    parameters: ["name": employee.fullName, "date": reading.date.description])
                replies[index].errorCheckInOut = issue.message(in: language)
                continue
            }
            scans.append(
                NewScan(
                    userID: employee.userID, instant: instant, source: .terminal, arrival: .offline, deviceID: device.deviceID,
                    rfidTag: reading.rfidTag))
            rowOfScan.append(index)
        }
        guard !scans.isEmpty else { return replies }
        let recorded = try await store.recordScans(scans, companyID: company.id, limits: company.attendance.limits, actor: device.actor)
        for (position, outcome) in recorded.outcomes.enumerated() {
            let index = rowOfScan[position]
            let field = "csv_data[\(index)][time]"
            switch outcome {
            case .stored: break
            case .duplicateOfScan(let id):
                replies[index].errorCheckInOut = ValidationIssue(field: field, check: .duplicateScan, parameters: ["scan_id": String(id)]).message(
                    in: language)
            case .duplicateOfRow(let other):
                let issue = ValidationIssue(field: field, check: .duplicateScan, parameters: ["row": String(rowOfScan[other])])
                replies[index].errorCheckInOut = issue.message(in: language)
            case .lockedMonth:
                let date = calculator.localDate(ofInstant: scans[position].instant)
                let month = LockedMonth.label(year: date.year, month: date.month)
                let issue = ValidationIssue(field: field, check: .lockedMonth, parameters: ["month": month])
                replies[index].errorCheckInOut = issue.message(in: language)
            }
        }
        return replies
    }
}
