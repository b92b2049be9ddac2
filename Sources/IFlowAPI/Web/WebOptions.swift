import Foundation

/// How the web administration treats sessions and sign-in attempts.
public struct WebOptions: Sendable {
    /// Mark cookies `Secure` on every response. Without it they are `Secure` only when a TLS-terminating proxy says
    /// `X-Forwarded-Proto: https` (the server itself speaks plain HTTP).
    public var alwaysSecureCookies = false
    /// Seconds a session lasts after signing in, however active it is.
    public var sessionLifetime: TimeInterval = 8 * 3600
    /// Sign-in attempts allowed per e-mail address and client address within `signInWindow`; a success resets them.
    public var signInAttempts = 5
    public var signInWindow: TimeInterval = 15 * 60
    /// Employees per page of the timesheet (the CSV download holds them all).
    public var timesheetPageSize = 100
    /// Employees per page of Today (the tally counts them all).
    public var todayPageSize = 100
    /// Changes per page of the audit page.
    public var auditPageSize = 100

    public init() {}
}
