import FluentKit
import Foundation

/// A team (department) of a company; names are unique within the company.
public final class Team: Model, @unchecked Sendable {
    public static let schema = "teams"

    @ID(custom: "id") public var id: Int?
    @Field(key: "company_id") public var companyID: Int
    @Field(key: "name") public var name: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    init(companyID: Int, name: String) {
        self.companyID = companyID
        self.name = name
    }
}
