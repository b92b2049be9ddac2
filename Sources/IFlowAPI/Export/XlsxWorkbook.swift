import IFlowForms
import NIOCore

/// A workbook of one sheet in Office Open XML (SpreadsheetML), the format of `.xlsx`: rows are appended one by one into
/// the sheet's XML, strings go once each into the shared strings, and `archive()` zips the parts in memory.
///
/// A large sheet's XML (some 20 MB for 10,000 employees, ten times its zip) moves to a ``SpooledFile`` as it grows
/// (``spillRows()``), so what the server holds is the zip and a megabyte of rows.
struct XlsxWorkbook {
    struct Column: Sendable {
        /// Width in characters of the default font, as spreadsheets measure it.
        var width: Double
    }

    /// The sheet's tab name, already within the format's rules (see `init`).
    let sheetName: String
    let columns: [Column]
    /// Rows kept in view while scrolling down: the first `frozenRows` rows.
    var frozenRows = 0
    /// Columns kept in view while scrolling right: the first `frozenColumns` columns.
    var frozenColumns = 0
    /// Rows (1-based) repeated at the top of every printed page, and the frozen columns at the left of each.
    var printTitleRows: ClosedRange<Int>?

    /// The rows written so far; the next row is `rowCount + 1`.
    private(set) var rowCount = 0
    private(set) var widestRow = 0
    private(set) var sheetData = XMLBytes(capacity: 1 << 16)
    /// The rows before those in `sheetData`, once they were spilled.
    private(set) var spilledRows: SpooledFile?
    /// What `sheetData` may hold before ``spillRows()`` moves it to `spilledRows`.
    static let rowBytesInMemory = 1 << 20
    /// Each distinct string's index in `sharedStringItems`.
    private var sharedStringIndex: [String: Int] = [:]
    private(set) var sharedStringItems = XMLBytes()
    private(set) var sharedStringReferences = 0
    private var columnNames: [[UInt8]] = []

    /// - Parameter sheetName: the tab's name; the characters a sheet name cannot hold (`[]:*?/\`) are left out and it is
    ///   cut to the format's 31 characters, without an apostrophe at either end.
    init(sheetName: String, columns: [Column]) {
        var name = String(sheetName.filter { !"[]:*?/\\".contains($0) }.prefix(31))
        while name.hasPrefix("'") { name.removeFirst() }
        while name.hasSuffix("'") { name.removeLast() }
        self.sheetName = name.isEmpty ? "Sheet1" : name
        self.columns = columns
    }

    /// Moves the rows written so far to `spilledRows` once they pass ``rowBytesInMemory``.
    mutating func spillRows() throws {
        guard sheetData.count >= Self.rowBytesInMemory else { return }
        let file = try spilledRows ?? SpooledFile()
        var bytes = ByteBuffer()
        bytes.writeBytes(sheetData.bytes)
        try file.append(bytes)
        spilledRows = file
        sheetData.removeAll()
    }

    /// Writes the next row; an empty cell is written only when its style shows (a fill or a border).
    mutating func appendRow(_ cells: [XlsxCell], height: Double? = nil) {
        rowCount += 1
        while columnNames.count < cells.count { columnNames.append(Self.columnName(columnNames.count)) }
        widestRow = max(widestRow, cells.count)
        sheetData.raw("<row r=\"")
        sheetData.decimal(rowCount)
        if let height {
            sheetData.raw("\" ht=\"")
            sheetData.raw(Self.numberText(height))
            sheetData.raw("\" customHeight=\"1")
        }
        sheetData.raw("\">")
        for (column, cell) in cells.enumerated() {
            let style = cell.style.index
            switch cell.value {
            case .empty:
                guard style != 0 else { continue }
                openCell(column: column, style: style)
                sheetData.raw("/>")
            case .text(let text):
                openCell(column: column, style: style)
                sheetData.raw(" t=\"s\"><v>")
                sheetData.decimal(sharedString(text))
                sheetData.raw("</v></c>")
            case .number(let number):
                openCell(column: column, style: style)
                guard number.isFinite else {
                    sheetData.raw("/>")
                    continue
                }
                sheetData.raw("><v>")
                sheetData.raw(Self.numberText(number))
                sheetData.raw("</v></c>")
            }
        }
        sheetData.raw("</row>")
    }

    /// Leaves a row blank (no XML: a missing row is empty).
    mutating func skipRow() {
        rowCount += 1
    }

    /// `<c r="B7" s="3"`, left open for the type and the value.
    private mutating func openCell(column: Int, style: Int) {
        sheetData.raw("<c r=\"")
        sheetData.raw(columnNames[column])
        sheetData.decimal(rowCount)
        if style != 0 {
            sheetData.raw("\" s=\"")
            sheetData.decimal(style)
        }
        sheetData.raw("\"")
    }

    /// The index of `text` in the shared strings, adding it the first time it is seen.
    private mutating func sharedString(_ text: String) -> Int {
        sharedStringReferences += 1
        if let index = sharedStringIndex[text] { return index }
        let index = sharedStringIndex.count
        sharedStringIndex[text] = index
        sharedStringItems.raw(XMLBytes.hasOuterWhitespace(text) ? "<si><t xml:space=\"preserve\">" : "<si><t>")
        sharedStringItems.text(text)
        sharedStringItems.raw("</t></si>")
        return index
    }

    var sharedStringCount: Int { sharedStringIndex.count }

    /// The column's letters: 0 is `A`, 25 `Z`, 26 `AA`.
    static func columnName(_ index: Int) -> [UInt8] {
        var letters: [UInt8] = []
        var rest = index + 1
        while rest > 0 {
            letters.append(UInt8(ascii: "A") + UInt8((rest - 1) % 26))
            rest = (rest - 1) / 26
        }
        return letters.reversed()
    }

    /// A number as the format's `xsd:double` text: whole numbers without a decimal point, others as Swift prints them
    /// (the shortest text that reads back as the same value).
    static func numberText(_ number: Double) -> String {
        if number.rounded() == number, abs(number) < 1e15 { return String(Int(number)) }
        return String(number)
    }
}
