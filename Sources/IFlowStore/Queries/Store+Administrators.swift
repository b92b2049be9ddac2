import FluentKit
import Foundation
import HummingbirdBcrypt
import IFlowCore
import NIOPosix
import SQLKit

extension Store {
    /// Creates an administrator of `companyID`; the password is hashed with bcrypt off the request threads.
    /// - Parameters:
    ///   - cost: bcrypt's cost; tests lower it, everything else keeps the default.
    public func createAdministrator(
        companyID: Int, email rawEmail: String, password: String, language: Language = .roRO, cost: UInt8 = AdministratorCredentials.defaultCost
    ) async throws -> Administrator {
        guard let email = AdministratorCredentials.normalizedEmail(rawEmail) else { throw AdministratorError.invalidEmail }
        try AdministratorCredentials.check(password: password)
        guard try await company(id: companyID) != nil else { throw AdministratorError.noSuchCompany }
        let db = try database()
        guard try await Administrator.query(on: db).filter(\.$email == email).count() == 0 else { throw AdministratorError.emailTaken }
        let hash = try await Self.bcryptHash(password, cost: cost)
        let administrator = Administrator(companyID: companyID, email: email, passwordHash: hash, language: language.rawValue)
        let createdAt = Date()
        do {
            administrator.id = try await write { context in
                let row = try await context.sql.raw(
                    """
                    INSERT INTO administrators (company_id, email, password_hash, language, created_at) \
                    VALUES (\(bind: companyID), \(bind: email), \(bind: hash), \(bind: language.rawValue), \(bind: createdAt)) RETURNING id
                    """
                ).first()
                guard let id = try row?.decode(column: "id", as: Int.self) else { throw StoreError.corruptRow(table: "administrators") }
                return id
            }
        } catch let error where error.isConstraintFailure {
            throw AdministratorError.emailTaken
        }
        administrator.createdAt = createdAt
        return administrator
    }

    /// Sets a new password and signs the administrator out everywhere.
    public func setAdministratorPassword(email rawEmail: String, password: String, cost: UInt8 = AdministratorCredentials.defaultCost) async throws {
        guard let email = AdministratorCredentials.normalizedEmail(rawEmail) else { throw AdministratorError.invalidEmail }
        try AdministratorCredentials.check(password: password)
        guard let administrator = try await Administrator.query(on: database()).filter(\.$email == email).first() else {
            throw AdministratorError.noSuchAdministrator
        }
        let id = try administrator.requireID()
        let hash = try await Self.bcryptHash(password, cost: cost)
        try await write { context in
            try await context.sql.raw("UPDATE administrators SET password_hash = \(bind: hash) WHERE id = \(bind: id)").run()
            try await context.sql.raw("DELETE FROM admin_sessions WHERE administrator_id = \(bind: id)").run()
        }
    }

    public func administrators(companyID: Int?) async throws -> [Administrator] {
        var query = Administrator.query(on: try database()).sort(\.$id)
        if let companyID { query = query.filter(\.$companyID == companyID) }
        return try await query.all()
    }

    /// The administrator's id when the e-mail and password match, `nil` otherwise.
    ///
    /// An unknown address is checked against a dummy hash of the same cost, so the answer takes as long either way.
    public func verifyAdministrator(email rawEmail: String, password: String) async throws -> Int? {
        guard let email = AdministratorCredentials.normalizedEmail(rawEmail), password.utf8.count <= 1024 else { return nil }
        let administrator = try await Administrator.query(on: database()).filter(\.$email == email).first()
        let hash = administrator?.passwordHash ?? Self.dummyHash
        let matches = try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
        guard matches, let administrator else { return nil }
        return try administrator.requireID()
    }

    public func setAdministratorLanguage(id: Int, language: Language) async throws {
        try await write { context in
            try await context.sql.raw("UPDATE administrators SET language = \(bind: language.rawValue) WHERE id = \(bind: id)").run()
        }
    }

    static func bcryptHash(_ password: String, cost: UInt8) async throws -> String {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    /// Compared against when the e-mail address is unknown; its password is random and thrown away.
    private static let dummyHash = Bcrypt.hash(randomToken(bytes: 16), cost: AdministratorCredentials.defaultCost)
}
