import Foundation

extension Company {
    var context: CompanyContext? {
        guard let id, let zone = TimeZone(identifier: timezone) else { return nil }
        return CompanyContext(id: id, name: name, timeZone: zone, attendance: attendance)
    }
}
