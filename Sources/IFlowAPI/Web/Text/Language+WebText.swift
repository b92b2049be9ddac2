import IFlowCore

extension Language {
    /// `en` or `ro`, for `<html lang>`.
    var htmlCode: String { self == .roRO ? "ro" : "en" }

    /// Monday-first weekday abbreviations.
    var weekdayAbbreviations: [String] {
        self == .roRO ? ["Lu", "Ma", "Mi", "Jo", "Vi", "Sâ", "Du"] : ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]
    }

    /// Monday-first weekday names.
    var weekdayNames: [String] {
        self == .roRO
            ? ["luni", "marți", "miercuri", "joi", "vineri", "sâmbătă", "duminică"]
            : ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    }

    var monthNames: [String] {
        self == .roRO
            ? ["ianuarie", "februarie", "martie", "aprilie", "mai", "iunie", "iulie", "august", "septembrie", "octombrie", "noiembrie", "decembrie"]
            : ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
    }
}
