/// How a scan reached the store: scanned at a terminal that was online, uploaded later from a terminal's offline
/// memory, or entered by hand (the API or the web administration).
public enum ScanArrival: String, Sendable {
    case live
    case offline
    case entry
}
