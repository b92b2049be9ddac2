/// Minutes accumulated per kind (regular, overtime, time off) × day class × day/night: the 18 cells behind every total.
public struct HourTotals: Hashable, Sendable {
    // An inline vector keeps adding totals of many employees free of heap allocations, and adds two totals in a few
    // instructions; cells 18...31 stay zero. One cell is read and written through its bytes: the vector's own subscript
    // with an index known only at run time moves the whole vector through memory, and was ten times slower.
    private var cells = SIMD32<Int>()

    /// The number of cells, in the order of ``subscript(cell:)``.
    public static let cellCount = 18

    /// All cells zero.
    public init() {}

    private static func index(_ kind: HourKind, _ dayClass: DayClass, _ time: TimeOfDay) -> Int {
        (kind.index * 3 + dayClass.index) * 2 + time.index
    }

    /// The minutes of one cell.
    public subscript(kind: HourKind, dayClass: DayClass, time: TimeOfDay) -> Int {
        self[cell: Self.index(kind, dayClass, time)]
    }

    /// The minutes of the cell at `index` (`0..<cellCount`) in the order kind (regular, overtime, time off), then day
    /// class (weekdays, weekend, holiday), then day and night, as a locked month stores them.
    public subscript(cell index: Int) -> Int {
        get {
            precondition(index >= 0 && index < Self.cellCount, "a cell of HourTotals")
            return withUnsafeBytes(of: cells) { $0.load(fromByteOffset: index &* MemoryLayout<Int>.stride, as: Int.self) }
        }
        set {
            precondition(index >= 0 && index < Self.cellCount, "a cell of HourTotals")
            withUnsafeMutableBytes(of: &cells) { $0.storeBytes(of: newValue, toByteOffset: index &* MemoryLayout<Int>.stride, as: Int.self) }
        }
    }

    /// Adds `minutes` (which may be negative) to one cell.
    public mutating func add(_ minutes: Int, kind: HourKind, dayClass: DayClass, time: TimeOfDay) {
        self[cell: Self.index(kind, dayClass, time)] += minutes
    }

    /// Cell-by-cell sum.
    public static func + (lhs: HourTotals, rhs: HourTotals) -> HourTotals {
        var sum = lhs
        sum.cells &+= rhs.cells
        return sum
    }

    /// Adds `rhs` cell by cell.
    public static func += (lhs: inout HourTotals, rhs: HourTotals) {
        lhs.cells &+= rhs.cells
    }

    /// Minutes of `base` on days of `dayClass` at `time`; `nil` sums over all classes or both times.
    ///
    /// `total` is regular + overtime and `overtimeBalance` is overtime − time off, so the latter may be negative.
    public func minutes(base: HourBase, dayClass: DayClass? = nil, time: TimeOfDay? = nil) -> Int {
        switch base {
        case .regular: minutes(kind: .regular, dayClass: dayClass, time: time)
        case .overtime: minutes(kind: .overtime, dayClass: dayClass, time: time)
        case .timeOff: minutes(kind: .timeOff, dayClass: dayClass, time: time)
        case .total: minutes(kind: .regular, dayClass: dayClass, time: time) + minutes(kind: .overtime, dayClass: dayClass, time: time)
        case .overtimeBalance:
            minutes(kind: .overtime, dayClass: dayClass, time: time) - minutes(kind: .timeOff, dayClass: dayClass, time: time)
        }
    }

    /// Minutes named by a totals token such as `overtime_holiday_night`.
    public func minutes(_ token: TotalsToken) -> Int {
        minutes(base: token.base, dayClass: token.dayClass, time: token.time)
    }

    /// Minutes of one counted kind, summed over the classes and times that `nil` leaves open.
    public func minutes(kind: HourKind, dayClass: DayClass? = nil, time: TimeOfDay? = nil) -> Int {
        var sum = 0
        for someClass in DayClass.allCases where dayClass == nil || dayClass == someClass {
            for someTime in TimeOfDay.allCases where time == nil || time == someTime {
                sum += self[kind, someClass, someTime]
            }
        }
        return sum
    }
}

extension HourKind {
    fileprivate var index: Int {
        switch self {
        case .regular: 0
        case .overtime: 1
        case .timeOff: 2
        }
    }
}

extension DayClass {
    fileprivate var index: Int {
        switch self {
        case .weekdays: 0
        case .weekend: 1
        case .holiday: 2
        }
    }
}

extension TimeOfDay {
    fileprivate var index: Int {
        switch self {
        case .day: 0
        case .night: 1
        }
    }
}
