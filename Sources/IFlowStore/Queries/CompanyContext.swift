import Foundation
import IFlowCore

/// What a request needs to know about the company its key belongs to.
public struct CompanyContext: Sendable, Equatable {
    public var id: Int
    public var name: String
    public var timeZone: TimeZone
    /// Its pairing limits and grace, for the scans and reports of its requests.
    public var attendance: AttendanceSettings
}
