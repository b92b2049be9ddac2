import Foundation
import Hummingbird
import IFlowCore
import IFlowStore

/// One employee's day, opened from the timesheet: the plan, every scan and entry with what pairing made of it, the time
/// present and the hours; an administrator adds an entry or deletes one here, or changes the day's plan or absence code,
/// each with a reason for the audit trail.
struct EmployeeDayController {
    let web: WebEnvironment

    func addRoutes(to group: RouterGroup<WebRequestContext>) {
        group.get("employees/{id}/days/{date}", use: show)
        group.post("employees/{id}/days/{date}/entries", use: add)
        group.post("employees/{id}/days/{date}/entries/{scan}/delete", use: delete)
        group.post("employees/{id}/days/{date}/plan", use: setPlan)
    }

    /// The employee and date of the path; another company's employee, or a date the calendar does not cover, is "not found".
    struct Target {
        var employee: ScanEmployee
        var date: LocalDate
        var calculator: ScheduleCalculator
        var path: String { "/admin/employees/\(employee.userID)/days/\(date)" }
    }

    func target(_ context: WebRequestContext, administrator: SignedInAdministrator) async throws -> Target {
        guard let id = context.parameters.get("id").flatMap(Int.init), let raw = context.parameters.get("date"),
            let date = LocalDate(iso: raw), RomanianHolidays.supportedYears.contains(date.year),
            let employee = try await web.store.scanEmployee(companyID: administrator.company.id, userID: id)
        else { throw WebError.notFound }
        return Target(employee: employee, date: date, calculator: web.calculators.calculator(for: administrator.company.timeZone))
    }

    @Sendable func show(_ request: Request, context: WebRequestContext) async throws -> Response {
        let administrator = try context.requireAdministrator()
        let target = try await target(context, administrator: administrator)
        var values: [String: Any] = [:]
        let query = WebEnvironment.query(request)
        if query["added"] == "1" { values["notice"] = WebText.format("entry_added", administrator.language) }
        if query["deleted"] == "1" { values["notice"] = WebText.format("entry_deleted", administrator.language) }
        if query["planned"] == "1" { values["notice"] = WebText.format("day_planned", administrator.language) }
        return try await page(request, target, administrator: administrator, values: values)
    }

    @Sendable func add(_ request: Request, context: WebRequestContext) async throws -> Response {
        let administrator = try context.requireAdministrator()
        let fields = try await web.form(request, administrator: administrator)
        let target = try await target(context, administrator: administrator)
        let language = administrator.language
        let sent: [String: Any] = [
            "timeValue": String((fields["time"] ?? "").prefix(8)),
            "noteValue": String((fields["note"] ?? "").prefix(DayEntryForm.maxTextLength)),
            "reasonValue": String((fields["reason"] ?? "").prefix(DayEntryForm.maxTextLength)),
            "directionIn": fields["direction"] == "in", "directionOut": fields["direction"] == "out",
        ]
        func refused(_ messages: [String]) async throws -> Response {
            var values = sent
            values["addErrors"] = messages.map { ["errorText": $0] }
            return try await page(request, target, administrator: administrator, status: .unprocessableContent, values: values)
        }
        let read = DayEntryForm.read(
            fields, date: target.date, employee: target.employee, calculator: target.calculator,
            now: Int(Date().timeIntervalSince1970)
        )
        let entry: DayEntryForm
        switch read {
        case .success(let form): entry = form
        case .failure(let refusal): return try await refused(refusal.keys.map { WebText.format($0, language) })
        }
        let scan = NewScan(
            userID: target.employee.userID, instant: entry.instant, source: .web, arrival: .entry, deviceID: nil, rfidTag: nil,
            direction: entry.direction, note: entry.storedNote
        )
        let recorded = try await web.store.recordScans(
            [scan], companyID: administrator.company.id, limits: administrator.company.attendance.limits, actor: administrator.actor
        )
        if recorded.outcomes.first == .lockedMonth {
            return try await refused([WebText.format("entry_locked_month", language, ["month": target.date.description.prefix(7).description])])
        }
        guard let stored = recorded.ids.first, stored != nil else {
            let window = String(administrator.company.attendance.limits.timeBetweenCheckIns)
            return try await refused([WebText.format("entry_duplicate", language, ["seconds": window])])
        }
        context.logger.info("attendance entry added", metadata: ["employee": "\(target.employee.userID)", "company": "\(administrator.company.id)"])
        return WebEnvironment.redirect(to: target.path + "?added=1")
    }

    @Sendable func delete(_ request: Request, context: WebRequestContext) async throws -> Response {
        let administrator = try context.requireAdministrator()
        let fields = try await web.form(request, administrator: administrator)
        let target = try await target(context, administrator: administrator)
        let day = try await presence(target, administrator: administrator)
        guard let id = context.parameters.get("scan").flatMap(Int64.init), let scan = day.dayScans.first(where: { $0.scan.id == id }),
            !scan.scan.isDeleted
        else { throw WebError.notFound }
        let reason: String
        switch DayEntryForm.reason(fields) {
        case .success(let text): reason = text
        case .failure(let refusal):
            return try await page(
                request, target, administrator: administrator, status: .unprocessableContent,
                values: ["deleteError": WebText.format(refusal.key, administrator.language), "deleteScanID": String(id)]
            )
        }
        let outcome: ScanDeletion
        do {
            outcome = try await web.store.deleteScan(id: id, companyID: administrator.company.id, reason: reason, actor: administrator.actor)
        } catch let refusal as LockedMonthRefusal {
            let month = refusal.rows.first?.month ?? ""
            return try await page(
                request, target, administrator: administrator, status: .unprocessableContent,
                values: ["deleteError": WebText.format("entry_locked_month", administrator.language, ["month": month]), "deleteScanID": String(id)]
            )
        }
        switch outcome {
        case .deleted, .alreadyDeleted:
            // A second administrator's delete of the same entry found it already gone: the page shows it deleted either way.
            context.logger.info("attendance entry deleted", metadata: ["scan": "\(id)", "company": "\(administrator.company.id)"])
            return WebEnvironment.redirect(to: target.path + "?deleted=1")
        case .notFound:
            throw WebError.notFound
        }
    }

    /// What the day's page shows: the plans around it, the scans pairing needs and what it made of them.
    struct Presence {
        var plans: [DayPlan]
        /// Every scan read, the day's and the history pairing needs, in (instant, id) order.
        var scans: [StoredScan]
        /// The scans recorded on the date, deleted ones too.
        var dayScans: [StoredScan]
        var pairing: ScanPairing
        /// Time present that touches the date, an open pair up to now.
        var intervals: [WorkedInterval]
        var now: Int
    }

    func presence(_ target: Target, administrator: SignedInAdministrator) async throws -> Presence {
        let clock = LocalTime(calculator: target.calculator)
        let bounds = clock.bounds(of: target.date)
        let limits = administrator.company.attendance.limits
        let id = target.employee.userID
        let plans = try await web.store.dayPlans(userIDs: [id], from: target.date.adding(days: -1), through: target.date)[id] ?? []
        let scans =
            try await web.store.scans(
                companyID: administrator.company.id, userIDs: [id], from: bounds.lowerBound, through: bounds.upperBound - 1, limits: limits
            )[id] ?? []
        let now = Int(Date().timeIntervalSince1970)
        let pairing = ScanPairing(scans: scans.map(\.scan), limits: limits, now: now)
        let intervals = pairing.intervals(now: now).filter { $0.end > bounds.lowerBound && $0.start < bounds.upperBound }
        return Presence(
            plans: plans, scans: scans, dayScans: scans.filter { bounds.contains($0.scan.instant) }, pairing: pairing, intervals: intervals,
            now: now
        )
    }

    func page(
        _ request: Request, _ target: Target, administrator: SignedInAdministrator, status: HTTPResponse.Status = .ok, values: [String: Any]
    ) async throws -> Response {
        let language = administrator.language
        let day = try await presence(target, administrator: administrator)
        let clock = LocalTime(calculator: target.calculator)
        let date = target.date
        let month = (year: date.year, month: date.month)
        let planned = target.calculator.dailyMinutes(for: day.plans, in: month).first { $0.date == date }
        let live = target.calculator.liveDailyMinutes(for: day.plans, presence: day.pairing.intervals(now: day.now), in: month)
            .first { $0.date == date }
        let plan = day.plans.first { $0.date == date }
        var planFacts: [[String: String]] = []
        if let plan {
            planFacts.append(["factLabel": WebText.format("day_type", language), "factValue": plan.type.description(in: language)])
            if !plan.shifts.isEmpty {
                var shifts = TimeRangeList.format(plan.shifts)
                if plan.breakMinutes > 0 { shifts += ", " + WebText.format("break", language, ["minutes": String(plan.breakMinutes)]) }
                planFacts.append(["factLabel": WebText.format("shifts", language), "factValue": shifts])
            }
            if !plan.overtime.isEmpty {
                planFacts.append(["factLabel": WebText.format("overtime", language), "factValue": TimeRangeList.format(plan.overtime)])
            }
            if !plan.timeOff.isEmpty {
                planFacts.append(["factLabel": WebText.format("time_off", language), "factValue": TimeRangeList.format(plan.timeOff)])
            }
        }
        let deleteScanID = values["deleteScanID"] as? String
        let scans = day.dayScans.map { stored -> [String: Any] in
            let scan = stored.scan
            var row: [String: Any] = [
                "scanID": String(scan.id),
                "time": clock.text(scan.instant),
                "statusText": Self.statusText(day.pairing.statuses[scan.id], language: language),
                "sourceText": Self.sourceText(stored, language: language),
                "note": stored.note ?? "",
                "recorded": WebEnvironment.timestamp(stored.recordedAt, in: administrator.company.timeZone) ?? "",
                "deleted": scan.isDeleted,
                "deleteOpen": deleteScanID == String(scan.id),
            ]
            if scan.isDeleted {
                row["deletion"] = WebText.format(
                    "deleted_by", language,
                    [
                        "who": stored.deletedBy ?? "", "date": WebEnvironment.timestamp(stored.deletedAt, in: administrator.company.timeZone) ?? "",
                        "reason": stored.deletionReason ?? "",
                    ]
                )
            }
            if deleteScanID == String(scan.id), let error = values["deleteError"] { row["deleteError"] = error }
            return row
        }
        let names = language.monthNames
        var all: [String: Any] = [
            "fullName": target.employee.fullName,
            "userID": target.employee.userID,
            "dateText": "\(language.weekdayNames[date.isoWeekday - 1]) \(date.day) \(names[date.month - 1]) \(date.year)",
            "meta": [target.employee.markNumber, target.employee.teamName].compactMap { $0 }.joined(separator: " · "),
            "timesheetURL": WebEnvironment.url("/admin/timesheet", [("month", String(format: "%04d-%02d", date.year, date.month))]),
            "liveTimesheetURL": WebEnvironment.url(
                "/admin/timesheet",
                [("month", String(format: "%04d-%02d", date.year, date.month)), ("attendance_type", AttendanceType.liveAttendance.rawValue)]
            ),
            "previousDayURL": "/admin/employees/\(target.employee.userID)/days/\(date.adding(days: -1))",
            "nextDayURL": "/admin/employees/\(target.employee.userID)/days/\(date.adding(days: 1))",
            "actionURL": target.path + "/entries",
            "path": target.path,
            "hasPlan": !planFacts.isEmpty,
            "planFacts": planFacts,
            "presenceText": day.intervals.isEmpty ? WebText.format("no_presence", language) : clock.text(day.intervals, on: date),
            "plannedHours": Timesheet.hours((planned?.regular ?? 0) + (planned?.overtime ?? 0)),
            "workedHours": Timesheet.hours((live?.regular ?? 0) + (live?.overtime ?? 0)),
            "hasScans": !scans.isEmpty,
            "scans": scans,
            "timeValue": "",
            "noteValue": "",
            "reasonValue": "",
            "planURL": target.path + "/plan",
        ]
        all.merge(Self.planFormValues(plan, language: language, sent: values)) { _, new in new }
        all.merge(values) { _, new in new }
        return web.page(
            "employee-day", title: "\(target.employee.fullName) · \(date)", language: language, administrator: administrator, request: request,
            section: .timesheet, status: status, values: all
        )
    }

    static func statusText(_ status: ScanStatus?, language: Language) -> String {
        switch status {
        case .checkIn: WebText.format("scan_check_in", language)
        case .checkOut: WebText.format("scan_check_out", language)
        case .unmatchedCheckOut: WebText.format("scan_unmatched", language)
        case .duplicate: WebText.format("scan_duplicate", language)
        case .deleted, nil: WebText.format("scan_deleted", language)
        }
    }

    /// Who sent the scan: the terminal's label, or the key or administrator that added it, and how it arrived.
    static func sourceText(_ stored: StoredScan, language: Language) -> String {
        let who: String =
            switch stored.scan.source {
            case .terminal: stored.deviceLabel ?? stored.actorLabel
            case .api, .web: stored.actorLabel
            }
        return WebText.format("source_" + stored.scan.source.rawValue, language) + " · " + who + " · "
            + WebText.format("arrival_" + stored.arrival.rawValue, language)
    }
}
