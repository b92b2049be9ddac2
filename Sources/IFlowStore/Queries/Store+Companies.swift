import FluentKit
import Foundation
import SQLKit

extension Store {
    /// Creates a company; the time zone must be a known IANA identifier.
    public func createCompany(name: String, timezone: String) async throws -> Company {
        let company = Company(name: name, timezone: timezone)
        let createdAt = Date()
        company.id = try await write { context in
            let row = try await context.sql.raw(
                """
                INSERT INTO companies (name, timezone, created_at) VALUES (\(bind: name), \(bind: timezone), \(bind: createdAt)) RETURNING id
                """
            ).first()
            guard let id = try row?.decode(column: "id", as: Int.self) else { throw StoreError.corruptRow(table: "companies") }
            return id
        }
        company.createdAt = createdAt
        return company
    }

    public func companies() async throws -> [Company] {
        try await Company.query(on: database()).sort(\.$id).all()
    }

    public func company(id: Int) async throws -> Company? {
        try await Company.find(id, on: database())
    }
}
