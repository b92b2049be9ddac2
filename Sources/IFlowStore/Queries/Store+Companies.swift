import FluentKit
import Foundation
import IFlowCore
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

    /// Changes a company's pairing limits and grace; settings outside their ranges (`AttendanceSettings.issues`) throw
    /// a `ValidationFailure` and change nothing.
    public func setAttendanceSettings(_ settings: AttendanceSettings, companyID: Int, actor: AuditActor) async throws {
        let issues = settings.issues
        guard issues.isEmpty else { throw ValidationFailure(issues) }
        try await write { context in
            try await context.sql.raw(
                """
                UPDATE companies SET time_between_check_ins = \(bind: settings.limits.timeBetweenCheckIns), \
                check_in_reset_limit = \(bind: settings.limits.checkInResetLimit), attendance_grace_minutes = \(bind: settings.graceMinutes) \
                WHERE id = \(bind: companyID)
                """
            ).run()
            context.audit(
                "company.attendance_settings", entity: "company", entityID: companyID,
                fields: ["time_between_check_ins", "check_in_reset_limit", "attendance_grace_minutes"],
                detail: "\(settings.limits.timeBetweenCheckIns) s, \(settings.limits.checkInResetLimit) s, \(settings.graceMinutes) min",
                companyID: companyID, actor: actor
            )
        }
    }
}
