extension AttendanceException {
    /// The API's code for the kind: `late_check_in`, `early_check_out`, `missing_check_out`, `unmatched_check_out`,
    /// `no_presence`, `presence_without_plan`.
    public var code: String {
        switch self {
        case .lateCheckIn: "late_check_in"
        case .earlyCheckOut: "early_check_out"
        case .missingCheckOut: "missing_check_out"
        case .unmatchedCheckOut: "unmatched_check_out"
        case .noPresence: "no_presence"
        case .presenceWithoutPlan: "presence_without_plan"
        }
    }

    /// The local date it belongs to.
    public var date: LocalDate {
        switch self {
        case .lateCheckIn(let date, _, _, _), .earlyCheckOut(let date, _, _, _), .missingCheckOut(let date, _, _, _),
            .unmatchedCheckOut(let date, _, _), .noPresence(let date, _), .presenceWithoutPlan(let date, _, _):
            date
        }
    }

    /// What happened, in `language`, with times on the wall clock of `calculator`'s zone (`HH:MM`).
    public func text(in language: Language, calculator: ScheduleCalculator) -> String {
        func time(_ instant: Int) -> String { calculator.clockText(ofInstant: instant) }
        switch (self, language) {
        case (.lateCheckIn(_, let start, let checkIn, let minutes), .enUS):
            return "Late check-in: \(time(checkIn)) for the shift starting \(time(start)) (\(minutes) min)"
        case (.lateCheckIn(_, let start, let checkIn, let minutes), .roRO):
            return "Intrare întârziată: \(time(checkIn)) pentru tura care începe la \(time(start)) (\(minutes) min)"
        case (.earlyCheckOut(_, let end, let checkOut, let minutes), .enUS):
            return "Early check-out: \(time(checkOut)) for the shift ending \(time(end)) (\(minutes) min)"
        case (.earlyCheckOut(_, let end, let checkOut, let minutes), .roRO):
            return "Ieșire devreme: \(time(checkOut)) pentru tura care se termină la \(time(end)) (\(minutes) min)"
        case (.missingCheckOut(_, _, let checkIn, _), .enUS):
            return "Missing check-out after the check-in at \(time(checkIn))"
        case (.missingCheckOut(_, _, let checkIn, _), .roRO):
            return "Lipsește ieșirea după intrarea de la \(time(checkIn))"
        case (.unmatchedCheckOut(_, _, let checkOut), .enUS):
            return "Check-out at \(time(checkOut)) without a check-in"
        case (.unmatchedCheckOut(_, _, let checkOut), .roRO):
            return "Ieșire la \(time(checkOut)) fără intrare"
        case (.noPresence(_, let start), .enUS):
            return "No presence on a planned work day (shift from \(time(start)))"
        case (.noPresence(_, let start), .roRO):
            return "Nicio prezență într-o zi de lucru planificată (tura de la \(time(start)))"
        case (.presenceWithoutPlan(_, let checkIn, let checkOut), .enUS):
            return "Presence on a day with no plan, from \(time(checkIn))\(checkOut.map { " to \(time($0))" } ?? "")"
        case (.presenceWithoutPlan(_, let checkIn, let checkOut), .roRO):
            return "Prezență într-o zi fără plan, de la \(time(checkIn))\(checkOut.map { " până la \(time($0))" } ?? "")"
        }
    }
}

extension ScheduleCalculator {
    /// `HH:MM` on the wall clock of the zone at the UTC instant `seconds` (seconds dropped, as the timesheet shows times).
    public func clockText(ofInstant seconds: Int) -> String {
        let minutes = wallTime(ofInstant: seconds).secondOfDay / 60
        let hours = minutes / 60
        let rest = minutes % 60
        return "\(hours < 10 ? "0" : "")\(hours):\(rest < 10 ? "0" : "")\(rest)"
    }
}
