import FluentKit
import Foundation

/// A tenant: every other record belongs to exactly one company.
public final class Company: Model, @unchecked Sendable {
    public static let schema = "companies"

    @ID(custom: "id") public var id: Int?
    @Field(key: "name") public var name: String
    /// IANA time zone in which this company's shifts are planned, e.g. `Europe/Bucharest`.
    @Field(key: "timezone") public var timezone: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public init(name: String, timezone: String) {
        self.name = name
        self.timezone = timezone
    }
}
