import IFlowCore

extension AttendanceSettings {
    /// The settings from a company's three columns, as every query that loads a company reads them.
    init(timeBetweenCheckIns: Int, checkInResetLimit: Int, graceMinutes: Int) {
        self.init(
            limits: AttendanceLimits(timeBetweenCheckIns: timeBetweenCheckIns, checkInResetLimit: checkInResetLimit), graceMinutes: graceMinutes)
    }
}
