/// Filters of `audit/get_list`.
public struct AuditFilter: Sendable, Equatable {
    public var entity: String?
    public var entityID: Int?
    public var limit = 100
    public var offset = 0

    public init() {}
}
