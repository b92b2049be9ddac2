import FluentKit

extension Store {
    /// Every migration in order. Never edit one that has shipped; add the next number.
    var migrations: [any Migration] {
        [
            CreateCompany(),
            CreateAPIKey(),
            CreateTeam(),
            CreateUser(),
            CreateDayPlan(),
            SealPersonalNumbers(protector: protector),
            CreateAuditEvent(),
            CreateAdministrator(),
            CreateAdminSession(),
            AddUserRowVersion(),
            CreateDataKeyRecord(),
            CreateSignInAttempt(),
            AddAttendance(),
            AddComplianceSettings(),
            CreateLockedMonth(),
            CreatePlanImportRow(),
            UnlogPlanImportRows(),
            AddLockedMonthTotals(),
        ]
    }
}
