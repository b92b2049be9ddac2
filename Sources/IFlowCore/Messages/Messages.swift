/// The English and Romanian wording of every check.
///
/// Messages name the field as the client sent it (`totals is required`, exactly as the API document shows) so an
/// integrator can match them to their form.
enum Messages {
    static func render(_ issue: ValidationIssue, in language: Language) -> String {
        let field = issue.field
        let p = issue.parameters
        switch language {
        case .enUS:
            return english(issue.check, field: field, p)
        case .roRO:
            return romanian(issue.check, field: field, p)
        }
    }

    private static func english(_ check: CheckName, field: String, _ p: [String: String]) -> String {
        switch check {
        case .required: "\(field) is required"
        case .notEmpty: "\(field) must not be empty"
        case .validAPIKey: "\(field) is missing, invalid or revoked"
        case .inList:
            if let value = p["value"] {
                "\(field) has an unknown value \"\(value)\"; allowed: \(p["allowed"] ?? "")"
            } else {
                "\(field) must be one of: \(p["allowed"] ?? "")"
            }
        case .validDate:
            if let zone = p["zone"] {
                "\(field) is a time that does not exist in \(zone): the clocks skip it"
            } else {
                "\(field) must be a real \(p["format"] == nil ? "date" : "time") written \(p["format"] ?? "YYYY-MM-DD")"
            }
        case .validCNP: "\(field) is not a valid CNP"
        case .validIBAN: "\(field) is not a valid IBAN"
        case .maxLength: "\(field) must have at most \(p["max"] ?? "") characters"
        case .unique:
            p["entity"] == "row"
                ? "\(field) already appears on another row for the same employee" : "\(field) is already used by another \(p["entity"] ?? "employee")"
        case .integer: "\(field) must be a whole number"
        case .between: "\(field) must be between \(p["min"] ?? "") and \(p["max"] ?? "")"
        case .singleLine: "\(field) must not contain line breaks or control characters"
        case .validTimeRanges: "\(field) must be a comma-separated list of HH:MM-HH:MM ranges\(detail(p, "; wrong item: "))"
        case .noOverlap: "\(field) has time ranges that overlap\(detail(p, ": "))"
        case .validBreak: "\(field) must not be longer than the planned shifts"
        case .noShifts: "\(field) must be empty for an absence (\(p["type"] ?? ""))"
        case .exists: "no employee of this company has this \(field)"
        case .dateOrder: "\(field) must not be before \(p["other"] ?? "")"
        case .validBody: "the request body could not be read\(detail(p, ": "))"
        case .validCSV: "\(field) is not a valid CSV file\(detail(p, ": "))"
        case .tooLarge: "\(field) is too large\(detail(p, ": at most "))"
        case .rateLimit: "too many requests with this \(field); retry later"
        case .validAccessToken: "\(field) is missing, unknown or revoked: register the terminal under Settings → RFID devices"
        case .unknownTag: "no employee of this company has the badge \(p["value"] ?? "")"
        case .employeeInactive: "\(p["name"] ?? "the employee") is disabled or not employed on \(p["date"] ?? "this date")"
        case .futureTime: "\(field) is more than \(p["minutes"] ?? "5") minutes ahead of the server's clock"
        case .duplicateScan:
            if let row = p["row"] {
                "Cannot add - duplicate attendance: row \(row) of this batch"
            } else {
                "Cannot add - duplicate attendance: \(p["scan_id"] ?? "")"
            }
        case .attendanceNotFound:
            p["deleted"] == nil ? "no attendance of this company has the id \(p["value"] ?? "")" : "attendance \(p["value"] ?? "") is already deleted"
        case .lockedMonth:
            if p["night_shift"] != nil {
                "\(field): the night shift of \(p["date"] ?? "") runs into \(p["month"] ?? ""), which is locked; unlock the month to change it"
            } else {
                "\(field): \(p["month"] ?? "") is locked, its hours can no longer change; unlock the month to change them"
            }
        }
    }

    private static func romanian(_ check: CheckName, field: String, _ p: [String: String]) -> String {
        switch check {
        case .required: "\(field) este obligatoriu"
        case .notEmpty: "\(field) nu poate fi gol"
        case .validAPIKey: "\(field) lipsește, nu este valid sau a fost revocat"
        case .inList:
            if let value = p["value"] {
                "\(field) are o valoare necunoscută „\(value)”; valori permise: \(p["allowed"] ?? "")"
            } else {
                "\(field) trebuie să fie una dintre valorile: \(p["allowed"] ?? "")"
            }
        case .validDate:
            if let zone = p["zone"] {
                "\(field) este o oră care nu există în \(zone): ceasul o sare"
            } else if let format = p["format"] {
                "\(field) trebuie să fie o oră reală scrisă \(format)"
            } else {
                "\(field) trebuie să fie o dată reală scrisă AAAA-LL-ZZ"
            }
        case .validCNP: "\(field) nu este un CNP valid"
        case .validIBAN: "\(field) nu este un IBAN valid"
        case .maxLength: "\(field) poate avea cel mult \(p["max"] ?? "") caractere"
        case .unique:
            switch p["entity"] {
            case "team": "\(field) este folosit deja de alt departament"
            case "row": "\(field) apare deja pe alt rând pentru același angajat"
            default: "\(field) este folosit deja de alt angajat"
            }
        case .integer: "\(field) trebuie să fie un număr întreg"
        case .between: "\(field) trebuie să fie între \(p["min"] ?? "") și \(p["max"] ?? "")"
        case .singleLine: "\(field) nu poate conține rânduri noi sau caractere de control"
        case .validTimeRanges: "\(field) trebuie să fie o listă de intervale HH:MM-HH:MM separate prin virgulă\(detail(p, "; element greșit: "))"
        case .noOverlap: "\(field) are intervale orare care se suprapun\(detail(p, ": "))"
        case .validBreak: "\(field) nu poate fi mai lungă decât turele planificate"
        case .noShifts: "\(field) trebuie să fie gol pentru o absență (\(p["type"] ?? ""))"
        case .exists: "niciun angajat al acestei firme nu are acest \(field)"
        case .dateOrder: "\(field) nu poate fi înainte de \(p["other"] ?? "")"
        case .validBody: "conținutul cererii nu a putut fi citit\(detail(p, ": "))"
        case .validCSV: "\(field) nu este un fișier CSV valid\(detail(p, ": "))"
        case .tooLarge: "\(field) este prea mare\(detail(p, ": cel mult "))"
        case .rateLimit: "prea multe cereri cu acest \(field); reîncercați mai târziu"
        case .validAccessToken: "\(field) lipsește, este necunoscut sau a fost revocat: înregistrați terminalul în Setări → Dispozitive RFID"
        case .unknownTag: "niciun angajat al acestei firme nu are ecusonul \(p["value"] ?? "")"
        case .employeeInactive: "\(p["name"] ?? "angajatul") este dezactivat sau nu este angajat la \(p["date"] ?? "această dată")"
        case .futureTime: "\(field) este cu mai mult de \(p["minutes"] ?? "5") minute înaintea ceasului serverului"
        case .duplicateScan:
            if let row = p["row"] {
                "Nu se poate adăuga - prezență duplicată: rândul \(row) al acestui lot"
            } else {
                "Nu se poate adăuga - prezență duplicată: \(p["scan_id"] ?? "")"
            }
        case .attendanceNotFound:
            p["deleted"] == nil ? "nicio prezență a acestei firme nu are id-ul \(p["value"] ?? "")" : "prezența \(p["value"] ?? "") este deja ștearsă"
        case .lockedMonth:
            if p["night_shift"] != nil {
                "\(field): tura de noapte din \(p["date"] ?? "") continuă în \(p["month"] ?? ""), care este închisă; deblocați luna pentru a o schimba"
            } else {
                "\(field): luna \(p["month"] ?? "") este închisă, orele ei nu se mai pot schimba; deblocați luna pentru a le schimba"
            }
        }
    }

    private static func detail(_ p: [String: String], _ prefix: String) -> String {
        guard let detail = p["detail"], !detail.isEmpty else { return "" }
        return prefix + detail
    }
}
