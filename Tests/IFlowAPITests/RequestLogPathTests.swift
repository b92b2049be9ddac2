import Hummingbird
import Testing

@testable import IFlowAPI

/// What a request's log line says of its path: word-like segments as they are, anything that may carry a secret or a
/// personal number as `:value`.
@Suite("Request log paths")
struct RequestLogPathTests {
    @Test(
        "word-like segments of at most 40 characters and 3 digits are kept; others become :value",
        arguments: [
            ("/api_v2/user/update", "/api_v2/user/update"),
            ("/api/rfid_v2/offline_attendance/store_attendances", "/api/rfid_v2/offline_attendance/store_attendances"),
            ("/api_v2/user/1800101221144/iflow_abc", "/api_v2/user/:value/iflow_abc"),
            ("/web/employees/123", "/web/employees/123"),
            ("/web/employees/1234", "/web/employees/:value"),
            ("/a/ăb/c d/x=y", "/a/:value/:value/:value"),
            ("/" + String(repeating: "a", count: 40) + "/" + String(repeating: "b", count: 41), "/" + String(repeating: "a", count: 40) + "/:value"),
            ("", ""),
            ("//x/", "//x/"),
        ])
    func loggablePaths(path: String, logged: String) {
        // MUT + validation
        #expect(RequestLogMiddleware<BasicRequestContext>.loggable(path: path) == logged)
    }
}
