import FluentKit
import Foundation
import IFlowCore
import SQLKit

extension Store {
    /// The company's employees that match, by name, with the number that matched in all.
    public func searchUsers(companyID: Int, search: EmployeeSearch) async throws -> (users: [UserRecord], total: Int) {
        // Two queries (count and page) are built the same way; SQLKit builders cannot be copied.
        func filtered() throws -> SQLSelectBuilder {
            var query = try sql().select()
                .from("users")
                .join("teams", method: SQLJoinMethod.left, on: SQLColumn("team_id", table: "users"), .equal, SQLColumn("id", table: "teams"))
                .where(SQLColumn("company_id", table: "users"), .equal, SQLBind(companyID))
            if let teamName = search.teamName { query = query.where(SQLColumn("name", table: "teams"), .equal, SQLBind(teamName)) }
            if let isEnabled = search.isEnabled { query = query.where(SQLColumn("is_enabled", table: "users"), .equal, SQLBind(isEnabled)) }
            if let text = search.text, !text.isEmpty {
                let pattern = "%" + Self.escapedForLike(text) + "%"
                let lowered = "%" + Self.escapedForLike(text.lowercased()) + "%"
                query = query.where { group in
                    // SQLite's lower() folds ASCII only, so the text is also matched as typed.
                    var group =
                        group
                        .orWhere(SQLQueryString("lower(users.full_name) LIKE \(bind: lowered) ESCAPE '\\'"))
                        .orWhere(SQLQueryString("users.full_name LIKE \(bind: pattern) ESCAPE '\\'"))
                        .orWhere(SQLQueryString("lower(users.mark_number) LIKE \(bind: lowered) ESCAPE '\\'"))
                    if text.count == 13, text.allSatisfy(\.isASCII), text.allSatisfy(\.isNumber) {
                        group = group.orWhere(SQLColumn("cnp_lookup", table: "users"), .equal, SQLBind(protector.lookup(text)))
                    }
                    return group
                }
            }
            return query
        }
        struct Count: Decodable { var count: Int }
        struct Row: Decodable { var id: Int }
        let total = try await filtered().column(SQLFunction("count", args: SQLLiteral.all), as: "count").first(decoding: Count.self)?.count ?? 0
        let ids = try await filtered().column(SQLColumn("id", table: "users"))
            .orderBy(SQLColumn("full_name", table: "users")).orderBy(SQLColumn("id", table: "users"))
            .limit(search.limit).offset(search.offset)
            .all(decoding: Row.self).map(\.id)
        guard !ids.isEmpty else { return ([], total) }
        let db = try database()
        let byID = Dictionary(
            uniqueKeysWithValues: try await User.query(on: db).filter(\.$companyID == companyID).filter(\.$id ~~ ids).all().map { ($0.id!, $0) })
        let teamNames = try await self.teamNames(companyID: companyID, on: db)
        let users = try ids.compactMap { id in
            try byID[id].map { try UserRecord($0, teamName: $0.teamID.flatMap { teamNames[$0] }, protector: protector) }
        }
        return (users, total)
    }

    /// One employee of the company, or `nil` (also when the id belongs to another company).
    public func user(id: Int, companyID: Int) async throws -> UserRecord? {
        let db = try database()
        guard let user = try await User.query(on: db).filter(\.$id == id).filter(\.$companyID == companyID).first() else { return nil }
        var teamName: String?
        if let teamID = user.teamID { teamName = try await Team.find(teamID, on: db)?.name }
        return try UserRecord(user, teamName: teamName, protector: protector)
    }

    /// The names of the company's teams, sorted.
    public func teamNames(companyID: Int) async throws -> [String] {
        try await Team.query(on: database()).filter(\.$companyID == companyID).all(\.$name).sorted {
            $0.localizedStandardCompare($1) == .orderedAscending
        }
    }

    private static func escapedForLike(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
    }
}
