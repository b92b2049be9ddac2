import Foundation
import IFlowCore

/// An employee as the API returns it.
public struct UserRecord: Sendable, Equatable {
    public var id: Int
    public var teamID: Int?
    public var teamName: String?
    public var fullName: String
    public var isEnabled: Bool
    public var values: [UserField: String]

    init(id: Int, teamID: Int?, teamName: String?, fullName: String, isEnabled: Bool, values: [UserField: String]) {
        self.id = id
        self.teamID = teamID
        self.teamName = teamName
        self.fullName = fullName
        self.isEnabled = isEnabled
        self.values = values
    }

    init(_ user: User, teamName: String?, protector: DataProtector) throws {
        id = try user.requireID()
        teamID = user.teamID
        self.teamName = teamName
        fullName = user.fullName
        isEnabled = user.isEnabled
        values = [:]
        for field in UserField.textFields {
            if let value = try user.value(of: field, protector: protector) { values[field] = value }
        }
    }
}
