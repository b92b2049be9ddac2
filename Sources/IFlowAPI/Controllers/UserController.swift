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
        let update = try UserUpdate.parse(request.fields.values).get()
        let result = try await store.applyUserUpdate(update, companyID: request.company.id, actor: request.actor)
        request.logger.info("user \(result.action.rawValue)", metadata: ["user_id": "\(result.user.id)"])
        return UserUpdateReply(
            updateBy: update.updateBy.rawValue, updateByValue: update.updateByValue, userID: String(result.user.id), action: result.action.rawValue,
            newUser: UserReply(result.user)
        )
    }

    @Sendable func list(_ request: APIRequest) async throws -> UserListReply {
        var filter = UserListFilter()
        var issues: [ValidationIssue] = []
        if let raw = request["team_name"], !raw.isEmpty {
            switch UserFieldValue.normalizeTeamName(raw) {
            case .success(let name): filter.teamName = name
            case .failure(let issue): issues.append(issue)
            }
        }
        if let raw = request["is_enabled"], !raw.isEmpty {
            switch raw {
            case "1": filter.isEnabled = true
            case "0": filter.isEnabled = false
            default: issues.append(.init(field: "is_enabled", check: .inList, parameters: ["allowed": "0, 1"]))
            }
        }
        for (field, key) in [(UserField.cnp, \UserListFilter.cnp), (.idCard, \UserListFilter.idCard)] {
            guard let raw = request[field.rawValue], !TextField.trimmed(raw).isEmpty else { continue }
            switch UserFieldValue.normalize(raw, as: field) {
            case .success(let value): filter[keyPath: key] = value
            case .failure(let issue): issues.append(issue)
            }
        }
        if let limit = IntegerField.parse(request, "limit", in: 1...1000, into: &issues) { filter.limit = limit }
        if let offset = IntegerField.parse(request, "offset", in: 0...Int(Int32.max), into: &issues) { filter.offset = offset }
        guard issues.isEmpty else { throw ValidationFailure(issues) }

        let (users, total) = try await store.users(companyID: request.company.id, filter: filter)
        return UserListReply(total: String(total), limit: String(filter.limit), offset: String(filter.offset), users: users.map(UserReply.init))
    }
}

/// Reads optional whole-number fields.
enum IntegerField {
    static func parse(_ request: APIRequest, _ name: String, in range: ClosedRange<Int>, into issues: inout [ValidationIssue]) -> Int? {
        guard let raw = request[name]?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
        guard raw.utf8.count <= 12, raw.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) || (raw.hasPrefix("-") && raw.count > 1), let value = Int(raw) else {
            issues.append(.init(field: name, check: .integer))
            return nil
        }
        guard range.contains(value) else {
            issues.append(.init(field: name, check: .between, parameters: ["min": String(range.lowerBound), "max": String(range.upperBound)]))
            return nil
        }
        return value
    }
}
