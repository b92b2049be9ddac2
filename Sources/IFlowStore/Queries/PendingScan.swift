import Foundation
import IFlowCore

/// A single scan waiting for SQLite's next group commit, recorded there with the batch's other scans of its group.
struct PendingScan: Sendable {
    var row: NewScan
    var companyID: Int
    var limits: AttendanceLimits
    var actor: AuditActor
    var recordedAt: Date
    /// Where the reply's scans start (`Store.recordScans`'s `dayScansFrom`).
    var dayScansFrom: Int?

    /// Scans of one group are recorded by one `Store.recordScans` call, which takes one company, limits, sender and
    /// start of the reply's scans.
    struct Group: Equatable, Sendable {
        var companyID: Int
        var limits: AttendanceLimits
        var actor: AuditActor
        var dayScansFrom: Int?
    }

    var group: Group { Group(companyID: companyID, limits: limits, actor: actor, dayScansFrom: dayScansFrom) }
}
