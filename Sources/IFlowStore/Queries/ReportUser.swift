import SQLKit

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

extension ReportUser {
    /// The employee of a row read by column (`full_name`, `cnp_sealed`, `id_card_sealed`, `mark_number`, `team_name`,
    /// the id in `idColumn` and, when given, the job title in `jobTitleColumn`), the sealed numbers opened.
    init(row: any SQLRow, idColumn: String, jobTitleColumn: String?, protector: DataProtector) throws {
        self.init(
            id: try row.decode(column: idColumn, as: Int.self), fullName: try row.decode(column: "full_name", as: String.self),
            cnp: try protector.open(try row.decode(column: "cnp_sealed", as: String?.self)),
            idCard: try protector.open(try row.decode(column: "id_card_sealed", as: String?.self)),
            markNumber: try row.decode(column: "mark_number", as: String?.self), teamName: try row.decode(column: "team_name", as: String?.self),
            jobTitle: try jobTitleColumn.flatMap { try row.decode(column: $0, as: String?.self) }
        )
    }
}
