import Foundation
import Testing

@testable import IFlowAPI

@Suite("The xlsx writer: a SpreadsheetML workbook of one sheet, read back part by part")
struct XlsxWorkbookTests {
    static let title = XlsxStyle(font: .title)
    static let header = XlsxStyle(font: .bold, alignment: .center, bordered: true)
    static let weekend = XlsxStyle(fill: .weekend, bordered: true)
    static let holiday = XlsxStyle(fill: .holiday, numberFormat: .twoDecimals, bordered: true)

    /// A title, a blank row, a header and two employees; the fourth column a weekend, the fifth a holiday.
    static func smallSheet() -> XlsxWorkbook {
        var workbook = XlsxWorkbook(sheetName: "Pontaj", columns: [5, 30, 6, 6, 6].map { XlsxWorkbook.Column(width: $0) })
        workbook.appendRow([.text("Acme SRL", style: title)], height: 20)
        workbook.skipRow()
        workbook.appendRow(["Nr.", "Nume", "1", "2", "3"].map { .text($0, style: header) })
        workbook.appendRow([.number(1), .text("Ana & <Ion> \"Pop\""), .number(7.5), .text("CO", style: weekend), .number(8, style: holiday)])
        workbook.appendRow([.number(2), .text("Ana & <Ion> \"Pop\""), .number(8), .empty(style: weekend), .empty()])
        workbook.frozenRows = 3
        workbook.frozenColumns = 2
        workbook.printTitleRows = 3...3
        return workbook
    }

    @Test("the package holds the parts a spreadsheet needs, each declared in [Content_Types].xml and linked from its relationships")
    func parts() throws {
        // MUT
        let file = try XlsxFile(Self.smallSheet().archive())
        // validation
        #expect(
            file.entryPaths == [
                "[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/sharedStrings.xml",
                "xl/worksheets/sheet1.xml",
            ])
        let types = try XMLElementNode.parse(try #require(file.parts["[Content_Types].xml"]))
        let overrides = Dictionary(uniqueKeysWithValues: types.children("Override").map { ($0["PartName"] ?? "", $0["ContentType"] ?? "") })
        let prefix = "application/vnd.openxmlformats-officedocument.spreadsheetml."
        #expect(
            overrides == [
                "/xl/workbook.xml": prefix + "sheet.main+xml", "/xl/worksheets/sheet1.xml": prefix + "worksheet+xml",
                "/xl/styles.xml": prefix + "styles+xml", "/xl/sharedStrings.xml": prefix + "sharedStrings+xml",
            ])
        let root = try XMLElementNode.parse(try #require(file.parts["_rels/.rels"]))
        #expect(root.children("Relationship").map { $0["Target"] } == ["xl/workbook.xml"])
        let links = try XMLElementNode.parse(try #require(file.parts["xl/_rels/workbook.xml.rels"])).children("Relationship")
        let targets = Dictionary(uniqueKeysWithValues: links.map { ($0["Id"] ?? "", $0["Target"] ?? "") })
        #expect(targets == ["rId1": "worksheets/sheet1.xml", "rId2": "styles.xml", "rId3": "sharedStrings.xml"])
        let sheet = try #require(file.workbook.descendants("sheet").first)
        #expect(sheet["name"] == "Pontaj" && sheet["r:id"] == "rId1")
        for (path, data) in file.parts {
            #expect(String(data: data, encoding: .utf8)?.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"") == true, "\(path)")
        }
    }

    @Test("numbers are number cells, text is shared strings stored once, empty cells are written only when styled")
    func cells() throws {
        // MUT
        let file = try XlsxFile(Self.smallSheet().archive())
        // validation
        let name = "Ana & <Ion> \"Pop\""
        #expect(file.cells["A1"] == XlsxFile.Cell(type: "s", value: "Acme SRL", style: Self.title.index))
        #expect(file.cells["A4"] == XlsxFile.Cell(type: "n", value: "1", style: 0))
        #expect(file.cells["B4"] == XlsxFile.Cell(type: "s", value: name, style: 0))
        #expect(file.cells["C4"] == XlsxFile.Cell(type: "n", value: "7.5", style: 0))
        #expect(file.cells["D4"] == XlsxFile.Cell(type: "s", value: "CO", style: Self.weekend.index))
        #expect(file.cells["E4"] == XlsxFile.Cell(type: "n", value: "8", style: Self.holiday.index))
        #expect(file.cells["C5"]?.value == "8")
        #expect(file.cells["D5"] == XlsxFile.Cell(type: "n", value: nil, style: Self.weekend.index))
        #expect(file.cells["E5"] == nil, "an empty cell of the default style is not written")
        #expect(file.cells.keys.filter { $0.hasSuffix("2") }.isEmpty, "the skipped row stays empty")
        #expect(file.sharedStrings == ["Acme SRL", "Nr.", "Nume", "1", "2", "3", name, "CO"], "each text once, in first-use order")
        let sst = try XMLElementNode.parse(try #require(file.parts["xl/sharedStrings.xml"]))
        #expect(sst["count"] == "9" && sst["uniqueCount"] == "8")
        let rows = file.sheet.descendants("row")
        #expect(rows.map { $0["r"] } == ["1", "3", "4", "5"])
        #expect(rows.first?["ht"] == "20" && rows.first?["customHeight"] == "1")
        #expect(file.sheet.child("dimension")?["ref"] == "A1:E5")
    }

    @Test("styles: a bold, larger title, a bordered centred header, weekend and holiday fills, two decimals")
    func styles() throws {
        // MUT
        let file = try XlsxFile(Self.smallSheet().archive())
        // validation
        #expect(file.styles.count == XlsxStyle.all.count)
        let title = try #require(file.style("A1"))
        #expect(title.fontIsBold && title.fontSize == "14" && title.fillColor == nil && !title.bordered)
        let header = try #require(file.style("C3"))
        #expect(header.fontIsBold && header.fontSize == "11" && header.horizontalAlignment == "center" && header.bordered)
        let weekend = try #require(file.style("D5"))
        #expect(weekend.fillColor == "FFD9D9D9" && !weekend.fontIsBold && weekend.numberFormatID == "0")
        let holiday = try #require(file.style("E4"))
        #expect(holiday.fillColor == "FFF8CBAD" && holiday.numberFormatID == "2")
        let plain = try #require(file.style("C4"))
        #expect(plain.fillColor == nil && !plain.fontIsBold && !plain.bordered && plain.numberFormatID == "0")
        #expect(Set(XlsxStyle.all.map(\.index)) == Set(0..<XlsxStyle.all.count), "every combination has its own index")
        #expect(XlsxStyle().index == 0)
    }

    @Test("the header rows and the name columns are frozen, columns have their widths, the page prints landscape with titles")
    func panesAndColumns() throws {
        // MUT
        let file = try XlsxFile(Self.smallSheet().archive())
        // validation
        let pane = try #require(file.sheet.descendants("pane").first)
        #expect(pane.attributes == ["xSplit": "2", "ySplit": "3", "topLeftCell": "C4", "activePane": "bottomRight", "state": "frozen"])
        #expect(file.sheet.descendants("selection").first?["pane"] == "bottomRight")
        let columns = file.sheet.child("cols")?.children("col") ?? []
        #expect(columns.map { "\($0["min"] ?? "")-\($0["max"] ?? ""):\($0["width"] ?? "")" } == ["1-1:5", "2-2:30", "3-3:6", "4-4:6", "5-5:6"])
        #expect(columns.allSatisfy { $0["customWidth"] == "1" })
        let setup = try #require(file.sheet.child("pageSetup"))
        #expect(setup["orientation"] == "landscape" && setup["paperSize"] == "9" && setup["fitToWidth"] == "1")
        let titles = file.workbook.descendants("definedName").first
        #expect(titles?["name"] == "_xlnm.Print_Titles" && titles?.text == "'Pontaj'!$A:$B,'Pontaj'!$3:$3")
        // Worksheet children in the schema's order: a spreadsheet refuses them otherwise.
        #expect(
            file.sheet.children.map(\.name) == [
                "sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "pageMargins", "pageSetup",
            ])
    }

    @Test("only rows frozen: the pane splits rows alone; nothing frozen: no pane")
    func otherPanes() throws {
        // setup
        var rowsOnly = XlsxWorkbook(sheetName: "S", columns: [])
        rowsOnly.appendRow([.text("a")])
        rowsOnly.frozenRows = 1
        var none = XlsxWorkbook(sheetName: "S", columns: [])
        none.appendRow([.text("a")])
        // MUT
        let rowsOnlyFile = try XlsxFile(rowsOnly.archive())
        let noneFile = try XlsxFile(none.archive())
        // validation
        let pane = try #require(rowsOnlyFile.sheet.descendants("pane").first)
        #expect(pane.attributes == ["ySplit": "1", "topLeftCell": "A2", "activePane": "bottomLeft", "state": "frozen"])
        #expect(noneFile.sheet.descendants("pane").isEmpty)
        #expect(noneFile.sheet.child("cols") == nil && noneFile.workbook.descendants("definedName").isEmpty)
    }

    @Test("text is XML-escaped, characters XML cannot hold are left out, diacritics and outer blanks survive")
    func escaping() throws {
        // setup
        let texts = ["Ștefan Țăranu-Bâlă 😀", "a\u{0}b\u{1F}c\u{FFFE}d\te\u{B}", "  two spaces ", "x]]>y&amp;"]
        var workbook = XlsxWorkbook(sheetName: "S", columns: [])
        workbook.appendRow(texts.map { .text($0) })
        // MUT
        let file = try XlsxFile(workbook.archive())
        // validation
        #expect(file.sharedStrings == ["Ștefan Țăranu-Bâlă 😀", "abcd\te", "  two spaces ", "x]]>y&amp;"])
        let raw = try #require(file.parts["xl/sharedStrings.xml"])
        #expect(String(decoding: raw, as: UTF8.self).contains("<si><t xml:space=\"preserve\">  two spaces </t></si>"))
        #expect(String(decoding: raw, as: UTF8.self).contains("x]]&gt;y&amp;amp;"))
    }

    @Test("a sheet name loses the characters a tab cannot hold and is cut to 31; the print titles quote it")
    func sheetNames() throws {
        // setup
        var workbook = XlsxWorkbook(sheetName: "'Pontaj [2026/01]: O'Brien * ? \\ and a long tail'", columns: [])
        workbook.printTitleRows = 1...1
        // MUT
        let file = try XlsxFile(workbook.archive())
        // validation
        #expect(workbook.sheetName == "Pontaj 202601 O'Brien    and a")
        #expect(workbook.sheetName.count <= 31)
        #expect(file.workbook.descendants("sheet").first?["name"] == workbook.sheetName)
        #expect(file.workbook.descendants("definedName").first?.text == "'Pontaj 202601 O''Brien    and a'!$1:$1")
        #expect(XlsxWorkbook(sheetName: "[]", columns: []).sheetName == "Sheet1")
    }

    @Test(
        "column letters and number texts",
        arguments: [(0, "A"), (25, "Z"), (26, "AA"), (51, "AZ"), (52, "BA"), (701, "ZZ"), (702, "AAA"), (16_383, "XFD")]
    )
    func columnNames(index: Int, name: String) {
        #expect(String(decoding: XlsxWorkbook.columnName(index), as: UTF8.self) == name)
    }

    @Test(
        "numbers are written as the shortest text that reads back the same",
        arguments: [
            (8.0, "8"), (7.5, "7.5"), (7.33, "7.33"), (-2.25, "-2.25"), (0.0, "0"), (-0.0, "0"), (0.1, "0.1"), (1e16, "1e+16"),
        ])
    func numberTexts(number: Double, text: String) {
        #expect(XlsxWorkbook.numberText(number) == text)
        #expect(Double(text) == number)
    }

    @Test("a wide row uses two-letter columns, a row past 26 cells ends where it should")
    func wideRows() throws {
        // setup
        var workbook = XlsxWorkbook(sheetName: "S", columns: [])
        workbook.appendRow((1...40).map { .number(Double($0)) })
        // MUT
        let file = try XlsxFile(workbook.archive())
        // validation
        #expect(file.cells.count == 40)
        #expect(file.cells["Z1"]?.value == "26" && file.cells["AA1"]?.value == "27" && file.cells["AN1"]?.value == "40")
        #expect(file.sheet.child("dimension")?["ref"] == "A1:AN1")
    }

    @Test("a value that is not a finite number is written as an empty cell, never as text a spreadsheet refuses")
    func nonFinite() throws {
        // setup
        var workbook = XlsxWorkbook(sheetName: "S", columns: [])
        workbook.appendRow([.number(.nan), .number(.infinity), .number(1)])
        // MUT
        let file = try XlsxFile(workbook.archive())
        // validation
        #expect(file.cells["A1"]?.value == nil && file.cells["B1"]?.value == nil && file.cells["C1"]?.value == "1")
    }

    @Test("the same sheet gives the same bytes: the zip carries a fixed date, not the time of the request")
    func deterministic() throws {
        // MUT
        let first = try Self.smallSheet().archive()
        let second = try Self.smallSheet().archive()
        // validation
        #expect(first == second)
        #expect(first.prefix(4) == Data([0x50, 0x4B, 0x03, 0x04]), "a zip's local file header")
    }

    @Test("10,000 rows of 40 cells: every row written, read back whole")
    func manyRows() throws {
        // setup
        var workbook = XlsxWorkbook(sheetName: "S", columns: [])
        for row in 1...10_000 { workbook.appendRow([.text("Angajat \(row)")] + (1...39).map { .number(Double(row * $0 % 9)) }) }
        // MUT
        let data = try workbook.archive()
        let file = try XlsxFile(data)
        // validation
        #expect(file.sheet.descendants("row").count == 10_000)
        #expect(file.cells["A10000"]?.value == "Angajat 10000" && file.cells["AN10000"]?.value == String(10_000 * 39 % 9))
        #expect(data.count < 2_000_000, "deflated: \(data.count) bytes")
    }

    @Test("a sheet whose rows were spilled to disk as they grew is the same workbook as one built in memory")
    func spilledRows() throws {
        // setup: 20,000 rows of a name and 31 numbers, some 3 MB of XML; one workbook spills every 1,000 rows
        var inMemory = XlsxWorkbook(sheetName: "Pontaj", columns: [XlsxWorkbook.Column(width: 30)])
        var spilled = inMemory
        for index in 0..<20_000 {
            let row: [XlsxCell] = [.text("Angajat \(index % 500)")] + (0..<31).map { .number(Double(($0 + index) % 9)) }
            inMemory.appendRow(row)
            spilled.appendRow(row)
            // MUT
            if index % 1000 == 999 { try spilled.spillRows() }
        }
        // validation: rows left the memory, and the zips hold the same parts
        #expect(spilled.spilledRows != nil && spilled.sheetData.count < XlsxWorkbook.rowBytesInMemory)
        #expect(inMemory.spilledRows == nil)
        let a = try XlsxFile(inMemory.archive())
        let b = try XlsxFile(spilled.archive())
        #expect(a.parts == b.parts)
        #expect(b.cells["A20000"]?.value == "Angajat 499" && b.cells["AF20000"]?.value == "\(((30 + 19_999) % 9))")
    }
}
