import FluentKit
import Foundation

/// What a request needs to know about the company its key belongs to.
public struct CompanyContext: Sendable, Equatable {
    public var id: Int
    public var name: String
    public var timeZone: TimeZone
}

extension Store {
    /// Creates a company; the time zone must be a known IANA identifier.
    public func createCompany(name: String, timezone: String) async throws -> Company {
        let company = Company(name: name, timezone: timezone)
        try await company.create(on: database())
        return company
    }

    public func companies() async throws -> [Company] {
        try await Company.query(on: database()).sort(\.$id).all()
    }

    public func company(id: Int) async throws -> Company? {
        try await Company.find(id, on: database())
    }
}

extension Company {
    var context: CompanyContext? {
        guard let id, let zone = TimeZone(identifier: timezone) else { return nil }
        return CompanyContext(id: id, name: name, timeZone: zone)
    }
}
