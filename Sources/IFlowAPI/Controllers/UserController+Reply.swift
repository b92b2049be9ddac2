import IFlowCore
import IFlowStore

/// `user/update`'s reply: the identifier the request named, what happened, and the employee as stored now.
struct UserUpdateReply: Encodable, Sendable {
    var updateBy: String
    var updateByValue: String
    var userID: String
    var action: String
    var newUser: UserReply

    enum CodingKeys: String, CodingKey {
        case updateBy = "update_by"
        case updateByValue = "update_by_value"
        case userID = "user_id"
        case action
        case newUser = "new_user"
    }
}

/// `user/get_list`'s reply: one page of employees and how many match in all.
struct UserListReply: Encodable, Sendable {
    var total: String
    var limit: String
    var offset: String
    var users: [UserReply]
}

/// An employee as the API document shows it: `user_id`, `team_id`, `team_name`, `full_name`, `is_enabled`, then
/// every text field in `UserField`'s order (the document's), `null` when unset.
struct UserReply: Encodable, Sendable {
    var userID: String
    var teamID: String?
    var teamName: String?
    var fullName: String
    var isEnabled: String
    var values: [UserField: String]

    init(_ user: UserRecord) {
        userID = String(user.id)
        teamID = user.teamID.map(String.init)
        teamName = user.teamName
        fullName = user.fullName
        isEnabled = user.isEnabled ? "1" : "0"
        values = user.values
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: ReplyKey.self)
        try container.encode(userID, forKey: ReplyKey("user_id"))
        try container.encodeIfPresent(teamID, forKey: ReplyKey("team_id"))
        try container.encodeIfPresent(teamName, forKey: ReplyKey("team_name"))
        try container.encode(fullName, forKey: ReplyKey(UserField.fullName.rawValue))
        try container.encode(isEnabled, forKey: ReplyKey(UserField.isEnabled.rawValue))
        for field in UserField.textFields {
            try container.encodeIfPresent(values[field], forKey: ReplyKey(field.rawValue))
        }
    }
}
