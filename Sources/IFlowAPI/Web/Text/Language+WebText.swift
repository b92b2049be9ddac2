import IFlowCore

extension Language {
    /// `en` or `ro`, for `<html lang>`.
    var htmlCode: String { self == .roRO ? "ro" : "en" }

    /// Monday-first weekday abbreviations.
    var weekdayAbbreviations: [String] {
        self == .roRO ? ["Lu", "Ma", "Mi", "Jo", "Vi", "Sâ", "Du"] : ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]
    }

    var monthNames: [String] {
        self == .roRO
            ? ["ianuarie", "februarie", "martie", "aprilie", "mai", "iunie", "iulie", "august", "septembrie", "octombrie", "noiembrie", "decembrie"]
            : ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
    }
}
