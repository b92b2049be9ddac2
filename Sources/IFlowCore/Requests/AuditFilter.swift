/// Filters of `audit/get_list` and of the web audit page.
public struct AuditFilter: Sendable, Equatable {
    public var entity: String?
    public var entityID: Int?
    /// Changes made at or after this instant (seconds since 1970).
    public var from: Int?
    /// Changes made before this instant.
    public var before: Int?
    /// Who made them, exactly as the trail names them.
    public var actorLabel: String?
    /// The part of the action before its dot, e.g. `attendance` for `attendance.added` and `attendance.deleted`.
    public var kind: String?
    public var limit = 100
    public var offset = 0

    public init() {}
}
