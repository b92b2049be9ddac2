import FluentKit

extension Store {
    /// Every migration in order. Never edit one that has shipped; add the next number.
    static let migrations: [any Migration] = [
        CreateCompany(),
        CreateAPIKey(),
        CreateTeam(),
        CreateUser(),
        CreateDayPlan(),
        CreateAdministrator(),
        CreateAdminSession(),
    ]
}
