import Foundation

/// Where the data lives: an SQLite file (the embedded default) or a PostgreSQL URL.
public enum DatabaseLocation: Sendable, Equatable, CustomStringConvertible {
    case sqliteFile(path: String)
    /// A private in-memory SQLite database; tests use it.
    case sqliteMemory
    case postgres(url: String)

    public static let defaultPath = "iflow.sqlite"

    /// Reads `--database` / `IFLOW_DATABASE`: `postgres://` and `postgresql://` URLs are PostgreSQL, `:memory:` is an
    /// in-memory SQLite database, anything else an SQLite file path (`sqlite://PATH` also accepted).
    public init(_ text: String) {
        let lowered = text.lowercased()
        if lowered.hasPrefix("postgres://") || lowered.hasPrefix("postgresql://") {
            self = .postgres(url: text)
        } else if text == ":memory:" {
            self = .sqliteMemory
        } else if lowered.hasPrefix("sqlite://") {
            self = .sqliteFile(path: String(text.dropFirst("sqlite://".count)))
        } else {
            self = .sqliteFile(path: text)
        }
    }

    public var isPostgres: Bool {
        if case .postgres = self { return true }
        return false
    }

    private static func masked(_ url: String) -> String {
        guard var components = URLComponents(string: url) else { return "postgres://***" }
        if components.password != nil { components.password = "***" }
        return components.string ?? "postgres://***"
    }

    /// A description safe for logs: a PostgreSQL password is masked.
    public var description: String {
        switch self {
        case .sqliteFile(let path): "sqlite:\(path)"
        case .sqliteMemory: "sqlite::memory:"
        case .postgres(let url):
            Self.masked(url)
        }
    }
}
