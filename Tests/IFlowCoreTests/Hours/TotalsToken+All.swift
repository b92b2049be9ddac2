import IFlowCore

extension TotalsToken {
    /// Every token: 5 bases × (any class + 3 classes) × (any time + 2 times), composed from the enums.
    static let all: [TotalsToken] = HourBase.allCases.flatMap { base in
        ([nil] + DayClass.allCases.map(Optional.some)).flatMap { dayClass in
            ([nil] + TimeOfDay.allCases.map(Optional.some)).map { TotalsToken(base: base, dayClass: dayClass, time: $0) }
        }
    }
}
