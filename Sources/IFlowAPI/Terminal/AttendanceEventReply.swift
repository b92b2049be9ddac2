import IFlowCore
import IFlowStore

/// One check-in/check-out pair as iFlow's `event` objects show it (`auto_attendance`, and attendance lists), times in
/// the company's wall clock: `start_time` is seconds from the check-in's local midnight, `end_time` seconds from that
/// same midnight to the check-out (above 86,400 for a night shift; `null` while open or when the check-out is missing).
struct AttendanceEventReply: Encodable, Sendable, Equatable {
    /// Where a scan came from: `terminal_type` and the device's id.
    struct Origin: Sendable, Equatable {
        var source: ScanSource
        var deviceID: Int?

        /// iFlow's `terminal_type`: `rfid` for a badge terminal, else the source's name (`api`, `web`).
        var terminalType: String { source == .terminal ? "rfid" : source.rawValue }
    }

    var id: String
    var companyID: String
    var userID: String
    var date: String
    var startTime: String
    var endTime: String?
    var terminalType: String
    var rfidAgentID: String?
    var closedTerminalType: String?
    var closedRFIDAgentID: String?
    /// `open`, `closed` or `missing_check_out`.
    var status: String

    /// - Parameters:
    ///   - origins: where each scan of the pair came from, by scan id; a scan not in it reads as a terminal's.
    ///   - calculator: the company's, whose zone gives the local date and times.
    init(pair: ScanPair, companyID: Int, userID: Int, origins: [Int64: Origin], calculator: ScheduleCalculator) {
        let start = calculator.wallTime(ofInstant: pair.checkIn)
        let opened = origins[pair.checkInID] ?? Origin(source: .terminal)
        id = String(pair.checkInID)
        self.companyID = String(companyID)
        self.userID = String(userID)
        date = start.date.description
        startTime = String(start.secondOfDay)
        terminalType = opened.terminalType
        rfidAgentID = opened.deviceID.map(String.init)
        if let checkOut = pair.checkOut, let checkOutID = pair.checkOutID {
            let end = calculator.wallTime(ofInstant: checkOut)
            let closed = origins[checkOutID] ?? Origin(source: .terminal)
            endTime = String((end.date.dayNumber - start.date.dayNumber) * 86_400 + end.secondOfDay)
            closedTerminalType = closed.terminalType
            closedRFIDAgentID = closed.deviceID.map(String.init)
            status = "closed"
        } else {
            endTime = nil
            closedTerminalType = nil
            closedRFIDAgentID = nil
            status = pair.isOpen ? "open" : "missing_check_out"
        }
    }

    enum CodingKeys: String, CodingKey {
        case id = "ID"
        case companyID = "company_id"
        case userID = "user_id"
        case date
        case startTime = "start_time"
        case endTime = "end_time"
        case terminalType = "terminal_type"
        case rfidAgentID = "rfid_agent_id"
        case closedTerminalType = "closed_terminal_type"
        case closedRFIDAgentID = "closed_rfid_agent_id"
        case status
    }
}

extension AttendanceEventReply {
    /// Where each of `scans` came from, by scan id, for ``init(pair:companyID:userID:origins:calculator:)``.
    static func origins(of scans: some Sequence<StoredScan>) -> [Int64: Origin] {
        origins(of: scans.lazy.map(\.scan))
    }

    /// Where each of `scans` came from, by scan id, from bare scans (`Store.reportScans`).
    static func origins(of scans: some Sequence<Scan>) -> [Int64: Origin] {
        Dictionary(scans.map { ($0.id, Origin(source: $0.source, deviceID: $0.deviceID)) }) { first, _ in first }
    }
}
