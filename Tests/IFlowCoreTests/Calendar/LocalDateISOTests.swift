import IFlowCore
import Testing

@Suite("LocalDate from YYYY-MM-DD")
struct LocalDateISOTests {
    @Test(
        "a real date in exactly YYYY-MM-DD is read, from a String or a Substring of a longer text",
        arguments: [("2024-02-29", 2024, 2, 29), ("2025-12-31", 2025, 12, 31), ("0001-01-01", 1, 1, 1)])
    func reads(text: String, year: Int, month: Int, day: Int) {
        let expected = LocalDate(year: year, month: month, day: day)
        #expect(LocalDate(iso: text) == expected)
        let longer = "x|" + text + "|y"
        #expect(LocalDate(iso: longer.dropFirst(2).dropLast(2)) == expected)
        #expect(Array(text.utf8).withUnsafeBufferPointer { LocalDate(isoBytes: $0) } == expected)
    }

    @Test(
        "anything else is refused",
        arguments: [
            "2025-02-29", "2025-13-01", "2025-00-10", "2025-01-32", "2025-1-01", "2025-01-1", " 2025-01-01", "2025-01-01 ", "2025/01/01",
            "20250101", "", "２０２５-01-01", "2025-0a-01", "2025-01-01T00:00",
        ])
    func refuses(text: String) {
        #expect(LocalDate(iso: text) == nil)
    }
}
