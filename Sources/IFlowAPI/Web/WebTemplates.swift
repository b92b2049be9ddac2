import Mustache

/// The page templates: the files of `Templates/`, compiled into the binary (`.embedInCode` in Package.swift) so `iflow`
/// runs from any directory with nothing beside it. Every page inherits `layout` (`{{<layout}}{{$main}}…{{/main}}{{/layout}}`).
enum WebTemplates {
    /// Each template's text by name, the file's name without `.mustache`.
    static let sources: [String: String] = [
        "layout": text(PackageResources.layout_mustache),
        "sign-in": text(PackageResources.sign_in_mustache),
        "message": text(PackageResources.message_mustache),
        "issued-secrets": text(PackageResources.issued_secrets_mustache),
        "issued-secret-revoke": text(PackageResources.issued_secret_revoke_mustache),
        "timesheet": text(PackageResources.timesheet_mustache),
        "timesheet-sheet": text(PackageResources.timesheet_sheet_mustache),
        "employees": text(PackageResources.employees_mustache),
        "employee": text(PackageResources.employee_mustache),
        "employee-day": text(PackageResources.employee_day_mustache),
        "today": text(PackageResources.today_mustache),
        "audit": text(PackageResources.audit_mustache),
        "labour-code": text(PackageResources.labour_code_mustache),
    ]

    /// Parses every template; a parse error is a bug in a template file, which the tests render every page to catch.
    static func library() throws -> MustacheLibrary {
        var library = MustacheLibrary()
        for (name, source) in sources {
            try library.register(source, named: name)
        }
        return library
    }

    /// A file's text without the newline that ends its last line, so that a page ends with `</html>`.
    private static func text(_ bytes: [UInt8]) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        return text.hasSuffix("\n") ? String(text.dropLast()) : text
    }
}
