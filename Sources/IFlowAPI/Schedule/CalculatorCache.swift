import Foundation
import IFlowCore
import Synchronization

/// One `ScheduleCalculator` per time zone: building one reads the zone's offset changes for 1990–2100.
final class CalculatorCache: Sendable {
    private let calculators = Mutex<[String: ScheduleCalculator]>([:])

    func calculator(for zone: TimeZone) -> ScheduleCalculator {
        if let cached = calculators.withLock({ $0[zone.identifier] }) { return cached }
        let calculator = ScheduleCalculator(timeZone: zone, holidays: .romania)
        calculators.withLock { $0[zone.identifier] = calculator }
        return calculator
    }
}
