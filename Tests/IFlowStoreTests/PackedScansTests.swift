import IFlowCore
import Testing

@testable import IFlowStore

/// The text `Store.bareScans` asks the database to pack an employee's scans into, read back.
@Suite("Packed scans")
struct PackedScansTests {
    @Test("each scan's instant, id, source, direction, deletion and terminal are read back in order")
    func reads() throws {
        // MUT
        let scans = try #require(PackedScans.parse("1772431200 7 terminal - 0 3;1772434800 9 api out 1 -;-5 9223372036854775807 web in 0 -"))
        // validation
        #expect(
            scans == [
                Scan(id: 7, instant: 1_772_431_200, source: .terminal, deviceID: 3),
                Scan(id: 9, instant: 1_772_434_800, source: .api, direction: .checkOut, isDeleted: true),
                Scan(id: Int64.max, instant: -5, source: .web, direction: .checkIn),
            ])
    }

    @Test(
        "anything the query does not write is refused, never read as something else",
        arguments: [
            "1 2 terminal - 0", "1 2 terminal - 0 3;", ";1 2 terminal - 0 3", "1 2 badge - 0 3", "1 2 terminal sideways 0 3",
            "1 2 terminal - 2 3", "1 2 terminal - 0 x", "1  2 terminal - 0 3", "1 2 terminal - 0 3 4", "99999999999999999999 2 terminal - 0 3",
            "1 2 terminal - 0 3,4 5 api - 0 -", "1 2 terminal - 0 -5", "1 2 terminal - 0 -x", "1 2 terminal -x 0 3", "1 2 terminal inn 0 3",
            "1 2 terminals - 0 3", "1 2 - - 0 3", "1 2 api  0 3",
        ])
    func refuses(text: String) {
        // MUT + validation
        #expect(PackedScans.parse(text) == nil)
    }

    @Test("no scans is an empty list")
    func empty() {
        // MUT + validation
        #expect(PackedScans.parse("") == [])
    }
}
