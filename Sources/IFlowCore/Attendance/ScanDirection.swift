/// A direction forced on a manual entry (`api_v2/attendance/add`'s `direction`); terminal scans leave it to the rules.
public enum ScanDirection: String, Sendable, CaseIterable {
    case checkIn = "in"
    case checkOut = "out"
}
