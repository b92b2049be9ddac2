import Foundation
import IFlowCore
import SQLKit

extension Store {
    /// Live scans whose terminals and badges one statement reads (three binds each).
    static let liveScansPerRead = 300

    /// Records a badge held to a terminal in the group commit's next batch, and answers what became of it once that
    /// batch has committed.
    ///
    /// The batch reads its live scans' terminals and badges in one statement, asks each terminal's admission, locks
    /// the employees and only then stamps the scans with the server's clock: a scan written after another of the same
    /// employee never carries an earlier instant, so two terminals scanning one badge at once store one scan, whichever
    /// batch, lane or server takes each. A token of no live terminal, a badge of nobody of its company, an inactive
    /// employee store nothing.
    public func recordLiveScan(_ scan: LiveScan) async throws -> LiveScanOutcome {
        guard Self.isWellFormedDeviceToken(scan.token) else { return .unknownDevice }
        return try await groupCommit.recordLiveScan(PendingLiveScan(scan, tokenHash: Self.hash(scan.token)))
    }

    /// What ``recordLiveScan(_:)`` does for a batch's live scans, in its transaction; one outcome per scan.
    static func recordLiveScans(_ scans: [PendingLiveScan], in context: WriteContext) async throws -> [LiveScanOutcome] {
        let sql = context.sql
        var outcomes = [LiveScanOutcome](repeating: .unknownDevice, count: scans.count)
        var found: [Int: (device: AuthenticatedDevice, holder: ScanEmployee?)] = [:]
        for start in stride(from: 0, to: scans.count, by: liveScansPerRead) {
            let values = (start..<min(start + liveScansPerRead, scans.count)).map { index -> any SQLExpression in
                SQLGroupExpression(SQLList([SQLBind(index), SQLBind(scans[index].tokenHash), SQLBind(scans[index].scan.rfidTag)]))
            }
            // Both databases name a VALUES list's columns column1, column2, ...
            let rows = try await sql.columnRows(
                """
                SELECT requests.column1 AS request, \(unsafeRaw: deviceColumns), \(unsafeRaw: scanEmployeeColumns) \
                FROM (VALUES \(SQLList(values))) AS requests \
                JOIN devices ON devices.token_hash = requests.column2 AND devices.revoked_at IS NULL \
                JOIN companies ON companies.id = devices.company_id \
                LEFT JOIN users ON users.company_id = devices.company_id AND users.rfid_tag = requests.column3 \
                LEFT JOIN teams ON teams.id = users.team_id
                """)
            for row in rows {
                let index = try row.decode(column: "request", as: Int.self)
                guard scans.indices.contains(index), found[index] == nil,
                    let device = try device(from: row, tokenHash: scans[index].tokenHash)
                else { continue }
                found[index] = (device, try scanEmployee(from: row))
            }
        }

        var accepted: [(index: Int, device: AuthenticatedDevice, employee: ScanEmployee)] = []
        for index in scans.indices {
            guard let (device, holder) = found[index] else { continue }
            if let retryAfter = scans[index].admission(of: device) {
                outcomes[index] = .refused(device, retryAfter: retryAfter)
            } else if let holder {
                accepted.append((index, device, holder))
            } else {
                outcomes[index] = .unknownTag(device)
            }
        }
        guard !accepted.isEmpty else { return outcomes }

        // The employees were read through their terminals' companies: locked together, in id order.
        try await lockUsers(Set(accepted.map(\.employee.userID)).sorted(), companyID: nil, on: sql)
        let now = Int(Date().timeIntervalSince1970)
        let recordedAt = Date()
        var companies: [Int: [Int]] = [:]
        for (position, entry) in accepted.enumerated() { companies[entry.device.company.id, default: []].append(position) }
        for (_, members) in companies.sorted(by: { $0.key < $1.key }) {
            let company = accepted[members[0]].device.company
            let calculator = scans[accepted[members[0]].index].scan.calculator(company.timeZone)
            let today = calculator.wallTime(ofInstant: now)
            var rows: [NewScan] = []
            var actors: [AuditActor] = []
            var recordedMembers: [Int] = []
            for position in members {
                let (index, device, employee) = accepted[position]
                guard
                    ScanRules.isActive(
                        isDisabled: employee.isDisabled, employmentDate: employee.employmentDate, disableDate: employee.disableDate,
                        on: today.date)
                else {
                    outcomes[index] = .inactive(device, employee, date: today.date)
                    continue
                }
                rows.append(
                    NewScan(
                        userID: employee.userID, instant: now, source: .terminal, arrival: .live, deviceID: device.deviceID,
                        rfidTag: scans[index].scan.rfidTag))
                actors.append(device.actor)
                recordedMembers.append(position)
            }
            guard !rows.isEmpty else { continue }
            let recorded = try await recordScans(
                rows, companyID: company.id, limits: company.attendance.limits, actors: actors, recordedAt: recordedAt,
                dayScansFrom: now - today.secondOfDay, employeesLocked: true, in: context)
            for (row, position) in recordedMembers.enumerated() {
                let (index, device, employee) = accepted[position]
                outcomes[index] = .recorded(device, employee, instant: now, scans: recorded.alone(row))
            }
        }
        return outcomes
    }
}
