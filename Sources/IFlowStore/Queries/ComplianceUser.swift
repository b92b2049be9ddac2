import IFlowCore

/// An employee as the Labour Code checks list them: who, and what the rules read beyond the plans.
public struct ComplianceUser: Sendable, Equatable {
    public var id: Int
    public var fullName: String
    public var markNumber: String?
    public var teamName: String?
    /// `birth_date` as stored, and the CNP, opened, to read a birth date from when `birth_date` is not set.
    public var birthDate: LocalDate?
    public var cnp: String?
    /// Shift work set on the employee or on the employee's team.
    public var shiftWork: Bool
}
