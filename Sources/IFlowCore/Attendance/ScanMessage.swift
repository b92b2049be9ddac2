/// What a terminal shows after a scan (`scan_msg`), in the request's language.
public enum ScanMessage: Sendable, Equatable {
    /// The scan opened a pair.
    case welcome(name: String)
    /// The scan closed a pair that lasted `seconds`.
    case goodbye(name: String, seconds: Int)
    /// The scan came within `time_between_check_ins` of the stored scan `scanID`: reported, not stored.
    case duplicate(name: String, scanID: Int64)

    public func text(in language: Language) -> String {
        switch (self, language) {
        case (.welcome(let name), .roRO): "Bun venit, \(name)!"
        case (.welcome(let name), .enUS): "Welcome, \(name)!"
        case (.goodbye(let name, let seconds), .roRO): "La revedere, \(name)! Timp lucrat: \(Self.duration(seconds))."
        case (.goodbye(let name, let seconds), .enUS): "Goodbye, \(name)! Time worked: \(Self.duration(seconds))."
        case (.duplicate(let name, let scanID), .roRO): "\(name): scanare duplicată, ignorată (prezența \(scanID) este deja înregistrată)."
        case (.duplicate(let name, let scanID), .enUS): "\(name): duplicate scan, ignored (attendance \(scanID) is already recorded)."
        }
    }

    /// `8 h 05 min`: whole minutes, as the timesheet counts them.
    static func duration(_ seconds: Int) -> String {
        let minutes = max(0, seconds) / 60
        let rest = minutes % 60
        return "\(minutes / 60) h \(rest < 10 ? "0" : "")\(rest) min"
    }
}
