/// How a scan reached the server: a badge terminal (live or offline batch), the API, or the web administration.
public enum ScanSource: String, Sendable, CaseIterable {
    case terminal
    case api
    case web
}
