import Foundation
import IFlowForms

extension XlsxWorkbook {
    /// One file of the package: its path in the zip and its bytes, in pieces so that the sheet's rows are not copied
    /// (and those spilled to disk are read back a piece at a time).
    struct Part {
        enum Segment {
            case bytes([UInt8])
            case file(SpooledFile)

            var count: Int {
                switch self {
                case .bytes(let bytes): bytes.count
                case .file(let file): file.size
                }
            }
        }

        var path: String
        var segments: [Segment]

        init(path: String, segments: [Segment]) {
            self.path = path
            self.segments = segments
        }

        init(path: String, bytes: [UInt8]) {
            self.init(path: path, segments: [.bytes(bytes)])
        }

        var count: Int { segments.reduce(0) { $0 + $1.count } }
    }

    /// Every part of the package, `[Content_Types].xml` first as readers expect.
    var parts: [Part] {
        [
            Part(path: "[Content_Types].xml", bytes: Self.contentTypes),
            Part(path: "_rels/.rels", bytes: Self.packageRelationships),
            Part(path: "xl/workbook.xml", bytes: workbook),
            Part(path: "xl/_rels/workbook.xml.rels", bytes: Self.workbookRelationships),
            Part(path: "xl/styles.xml", bytes: XlsxStyle.stylesheet),
            Part(
                path: "xl/sharedStrings.xml", segments: [.bytes(sharedStringsStart), .bytes(sharedStringItems.bytes), .bytes(Array("</sst>".utf8))]),
            Part(
                path: "xl/worksheets/sheet1.xml",
                segments: [.bytes(worksheetStart)] + (spilledRows.map { [.file($0)] } ?? []) + [.bytes(sheetData.bytes), .bytes(Self.worksheetEnd)]
            ),
        ]
    }

    private static let declaration: StaticString = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    private static let mainNamespace: StaticString = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\""
    private static let relationshipNamespace: StaticString =
        "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""

    static let contentTypes: [UInt8] = {
        var xml = XMLBytes()
        xml.raw(declaration)
        xml.raw("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">")
        xml.raw("<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>")
        xml.raw("<Default Extension=\"xml\" ContentType=\"application/xml\"/>")
        let parts = [
            ("/xl/workbook.xml", "sheet.main"), ("/xl/worksheets/sheet1.xml", "worksheet"), ("/xl/styles.xml", "styles"),
            ("/xl/sharedStrings.xml", "sharedStrings"),
        ]
        for (part, type) in parts {
            xml.raw("<Override PartName=\"\(part)\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.\(type)+xml\"/>")
        }
        xml.raw("</Types>")
        return xml.bytes
    }()

    static let packageRelationships = relationships([("rId1", "officeDocument", "xl/workbook.xml")])

    static let workbookRelationships = relationships([
        ("rId1", "worksheet", "worksheets/sheet1.xml"), ("rId2", "styles", "styles.xml"), ("rId3", "sharedStrings", "sharedStrings.xml"),
    ])

    /// A `.rels` part: each relationship's id, its type (the last word of the type's URI) and its target.
    private static func relationships(_ links: [(id: String, type: String, target: String)]) -> [UInt8] {
        var xml = XMLBytes()
        xml.raw(declaration)
        xml.raw("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">")
        for link in links {
            xml.raw("<Relationship Id=\"\(link.id)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/\(link.type)\"")
            xml.raw(" Target=\"\(link.target)\"/>")
        }
        xml.raw("</Relationships>")
        return xml.bytes
    }

    /// `xl/workbook.xml`: the one sheet, and its print titles when set.
    var workbook: [UInt8] {
        var xml = XMLBytes()
        xml.raw(Self.declaration)
        xml.raw("<workbook ")
        xml.raw(Self.mainNamespace)
        xml.raw(" ")
        xml.raw(Self.relationshipNamespace)
        xml.raw("><bookViews><workbookView/></bookViews><sheets><sheet name=\"")
        xml.text(sheetName)
        xml.raw("\" sheetId=\"1\" r:id=\"rId1\"/></sheets>")
        if let rows = printTitleRows {
            // A formula naming the sheet: quoted, with its apostrophes doubled.
            let sheet = "'" + sheetName.replacingOccurrences(of: "'", with: "''") + "'!"
            var ranges: [String] = []
            if frozenColumns > 0 {
                let last = String(decoding: Self.columnName(frozenColumns - 1), as: UTF8.self)
                ranges.append("\(sheet)$A:$\(last)")
            }
            ranges.append("\(sheet)$\(rows.lowerBound):$\(rows.upperBound)")
            xml.raw("<definedNames><definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">")
            xml.text(ranges.joined(separator: ","))
            xml.raw("</definedName></definedNames>")
        }
        xml.raw("</workbook>")
        return xml.bytes
    }

    private var sharedStringsStart: [UInt8] {
        var xml = XMLBytes()
        xml.raw(Self.declaration)
        xml.raw("<sst ")
        xml.raw(Self.mainNamespace)
        xml.raw(" count=\"")
        xml.decimal(sharedStringReferences)
        xml.raw("\" uniqueCount=\"")
        xml.decimal(sharedStringCount)
        xml.raw("\">")
        return xml.bytes
    }

    /// The worksheet up to its rows: page fitting, the used range, the frozen panes and the column widths.
    private var worksheetStart: [UInt8] {
        var xml = XMLBytes()
        xml.raw(Self.declaration)
        xml.raw("<worksheet ")
        xml.raw(Self.mainNamespace)
        xml.raw(" ")
        xml.raw(Self.relationshipNamespace)
        xml.raw("><sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr><dimension ref=\"A1")
        if rowCount > 0, widestRow > 0 {
            xml.raw(":")
            xml.raw(Self.columnName(widestRow - 1))
            xml.decimal(rowCount)
        }
        xml.raw("\"/><sheetViews><sheetView workbookViewId=\"0\">")
        writePane(into: &xml)
        xml.raw("</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>")
        if !columns.isEmpty {
            xml.raw("<cols>")
            for (index, column) in columns.enumerated() {
                xml.raw("<col min=\"")
                xml.decimal(index + 1)
                xml.raw("\" max=\"")
                xml.decimal(index + 1)
                xml.raw("\" width=\"")
                xml.raw(Self.numberText(column.width))
                xml.raw("\" customWidth=\"1\"/>")
            }
            xml.raw("</cols>")
        }
        xml.raw("<sheetData>")
        return xml.bytes
    }

    /// The frozen pane: the split, the first cell that scrolls, and which quarter has the selection.
    private func writePane(into xml: inout XMLBytes) {
        guard frozenRows > 0 || frozenColumns > 0 else { return }
        let topLeft = String(decoding: Self.columnName(frozenColumns), as: UTF8.self) + String(frozenRows + 1)
        let activePane =
            switch (frozenRows > 0, frozenColumns > 0) {
            case (true, true): "bottomRight"
            case (true, false): "bottomLeft"
            default: "topRight"
            }
        xml.raw("<pane")
        if frozenColumns > 0 { xml.raw(" xSplit=\"\(frozenColumns)\"") }
        if frozenRows > 0 { xml.raw(" ySplit=\"\(frozenRows)\"") }
        xml.raw(" topLeftCell=\"\(topLeft)\" activePane=\"\(activePane)\" state=\"frozen\"/>")
        xml.raw("<selection pane=\"\(activePane)\" activeCell=\"\(topLeft)\" sqref=\"\(topLeft)\"/>")
    }

    /// After the rows: A4 landscape, one page wide (as many pages tall as needed).
    private static let worksheetEnd: [UInt8] = {
        var xml = XMLBytes()
        xml.raw("</sheetData>")
        xml.raw("<pageMargins left=\"0.4\" right=\"0.4\" top=\"0.5\" bottom=\"0.5\" header=\"0.3\" footer=\"0.3\"/>")
        xml.raw("<pageSetup paperSize=\"9\" orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/>")
        xml.raw("</worksheet>")
        return xml.bytes
    }()
}
