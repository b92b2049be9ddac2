import Mustache

/// The page templates, compiled into the binary as string literals so `iflow` runs from any directory without a
/// resource bundle beside it. Every page inherits `layout` (`{{<layout}}{{$main}}…{{/main}}{{/layout}}`).
enum WebTemplates {
    static let sources: [String: String] = [
        "layout": layout,
        "sign-in": signIn,
        "message": message,
        "api-access": apiAccess,
        "revoke": revoke,
        "timesheet": timesheet,
        "employees": employees,
        "employee": employee,
    ]

    /// Parses every template; a parse error is a bug in this file, which the tests render every page to catch.
    static func library() throws -> MustacheLibrary {
        var library = MustacheLibrary()
        for (name, source) in sources {
            try library.register(source, named: name)
        }
        return library
    }
}
