import HummingbirdBcrypt

/// Why an administrator could not be created or changed.
public enum AdministratorError: Error, Equatable, CustomStringConvertible {
    case invalidEmail
    case emailTaken
    case passwordTooShort(minimum: Int)
    case passwordTooLong(maximumBytes: Int)
    case noSuchCompany
    case noSuchAdministrator

    public var description: String {
        switch self {
        case .invalidEmail: "not a valid e-mail address"
        case .emailTaken: "an administrator with this e-mail address already exists"
        case .passwordTooShort(let minimum): "the password must have at least \(minimum) characters"
        case .passwordTooLong(let maximum): "the password must have at most \(maximum) bytes"
        case .noSuchCompany: "no such company"
        case .noSuchAdministrator: "no administrator with this e-mail address"
        }
    }
}
