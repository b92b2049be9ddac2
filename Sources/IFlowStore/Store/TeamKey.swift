/// A team by company and name, as the memo of a transaction keys it.
struct TeamKey: Hashable {
    var companyID: Int
    var name: String
}
