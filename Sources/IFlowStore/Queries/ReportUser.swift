/// An employee as the report lists it.
public struct ReportUser: Sendable, Equatable {
    public var id: Int
    public var fullName: String
    public var cnp: String?
    public var idCard: String?
    public var markNumber: String?
    public var teamName: String?
    /// *Funcție*: the job title `user/update` stored, for the collective sheet.
    public var jobTitle: String?
}
