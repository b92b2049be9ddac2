import IFlowCore

/// What a scan needs to know about the employee a badge belongs to: who they are for the reply, and whether they may
/// scan at all (enabled, within their employment dates).
public struct ScanEmployee: Sendable {
    public let userID: Int
    public let fullName: String
    public let teamID: Int?
    public let teamName: String?
    public let markNumber: String?
    public let rfidTag: String?
    public let isDisabled: Bool
    public let employmentDate: LocalDate?
    public let disableDate: LocalDate?
}
