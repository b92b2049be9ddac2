import Hummingbird
import IFlowCore
import IFlowStore

/// `user/update` (sync one employee) and `user/get_list` (read them back).
struct UserController {
    let store: Store

    var endpoints: [APIEndpoint] {
        [
            APIEndpoint(path: "user/update", handle: update),
            APIEndpoint(path: "user/get_list", handle: list),
        ]
    }

    @Sendable func update(_ request: APIRequest) async throws -> UserUpdateReply {
        let update = try UserUpdate.parse(request.requestFields).get()
        let result: UserUpdateResult
        do {
            result = try await store.applyUserUpdate(update, companyID: request.company.id, actor: request.actor)
        } catch let refusal as LockedMonthRefusal {
            let field = update.changes[.employmentDate] != nil ? UserField.employmentDate : .disableDate
            throw ValidationFailure(refusal.issues(field: field.rawValue))
        }
        request.logger.info("user \(result.action.rawValue)", metadata: ["user_id": "\(result.user.id)"])
        return UserUpdateReply(
            updateBy: update.updateBy.rawValue, updateByValue: update.updateByValue, userID: String(result.user.id), action: result.action.rawValue,
            newUser: UserReply(result.user)
        )
    }

    @Sendable func list(_ request: APIRequest) async throws -> UserListReply {
        let filter = try UserListQuery.parse(request.requestFields).get().filter
        let (users, total) = try await store.users(companyID: request.company.id, filter: filter)
        return UserListReply(total: String(total), limit: String(filter.limit), offset: String(filter.offset), users: users.map(UserReply.init))
    }
}
