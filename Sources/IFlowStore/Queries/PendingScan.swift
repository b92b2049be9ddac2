import Foundation
import IFlowCore

/// A single scan waiting for SQLite's next group commit, recorded there with the batch's other scans of its group.
struct PendingScan: Sendable {
    var row: NewScan
    var companyID: Int
    var limits: AttendanceLimits
    var actor: AuditActor
    var recordedAt: Date

    /// Scans of one group are recorded by one `Store.recordScans` call, which takes one company, limits and sender.
    struct Group: Equatable, Sendable {
        var companyID: Int
        var limits: AttendanceLimits
        var actor: AuditActor
    }

    var group: Group { Group(companyID: companyID, limits: limits, actor: actor) }
}
