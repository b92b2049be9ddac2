/// What a planned day is: work, or one of the timesheet's absence codes.
///
/// The raw values are the codes used on Romanian timesheets and in the API.
public enum DayType: String, Sendable, CaseIterable {
    /// Planned work.
    case work
    /// Concediu de odihnă: paid vacation.
    case CO
    /// Concediu medical: medical leave.
    case CM
    /// Concediu fără plată: unpaid leave.
    case CFP
    /// Absență nemotivată: unexcused absence.
    case NE
    /// Delegație: business trip.
    case D
    /// Eveniment familial: paid days off for a family event.
    case EV

    /// Whether the employee is away from work, so the day cannot have shifts.
    ///
    /// A business trip is work done elsewhere, so `D` keeps its shifts.
    public var isAbsence: Bool {
        switch self {
        case .work, .D: false
        case .CO, .CM, .CFP, .NE, .EV: true
        }
    }

    /// A short description in `language`.
    public func description(in language: Language) -> String {
        switch (self, language) {
        case (.work, .roRO): "Muncă planificată"
        case (.work, .enUS): "Planned work"
        case (.CO, .roRO): "Concediu de odihnă"
        case (.CO, .enUS): "Vacation leave"
        case (.CM, .roRO): "Concediu medical"
        case (.CM, .enUS): "Medical leave"
        case (.CFP, .roRO): "Concediu fără plată"
        case (.CFP, .enUS): "Unpaid leave"
        case (.NE, .roRO): "Absență nemotivată"
        case (.NE, .enUS): "Unexcused absence"
        case (.D, .roRO): "Delegație"
        case (.D, .enUS): "Business trip"
        case (.EV, .roRO): "Eveniment familial"
        case (.EV, .enUS): "Family event"
        }
    }
}
