import Foundation
import ZIPFoundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// An XML element read back from a produced file: enough of a DOM for tests to look at names, attributes and text.
final class XMLElementNode {
    let name: String
    let attributes: [String: String]
    var children: [XMLElementNode] = []
    var text = ""

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    subscript(_ attribute: String) -> String? { attributes[attribute] }

    /// The direct children named `name`.
    func children(_ name: String) -> [XMLElementNode] { children.filter { $0.name == name } }

    func child(_ name: String) -> XMLElementNode? { children.first { $0.name == name } }

    /// Every element below this one named `name`, in document order.
    func descendants(_ name: String) -> [XMLElementNode] {
        children.flatMap { ($0.name == name ? [$0] : []) + $0.descendants(name) }
    }

    /// Parses a whole document; fails the test when it is not well-formed XML.
    ///
    /// Read as a stream: Linux's parser given a `Data` of more than 10 MB in one piece reports an error at its end.
    static func parse(_ data: Data) throws -> XMLElementNode {
        let builder = TreeBuilder()
        let parser = XMLParser(stream: InputStream(data: data))
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            throw XlsxReadError.malformedXML(parser.parserError.map { "\($0)" } ?? "no root element")
        }
        return root
    }

    private final class TreeBuilder: NSObject, XMLParserDelegate {
        var root: XMLElementNode?
        var stack: [XMLElementNode] = []

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName qName: String?,
            attributes attributeDict: [String: String] = [:]
        ) {
            let element = XMLElementNode(name: elementName, attributes: attributeDict)
            if let parent = stack.last { parent.children.append(element) } else { root = element }
            stack.append(element)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            stack.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.text += string
        }
    }
}

enum XlsxReadError: Error {
    case malformedXML(String)
    case missingPart(String)
}

/// A produced `.xlsx` unzipped and parsed: its parts by path, and the sheet's cells resolved through the shared strings
/// and the styles, as a spreadsheet program would read them.
struct XlsxFile {
    struct Cell: Equatable {
        /// `s` for a shared string, `n` for a number (an absent `t` means a number too).
        var type: String
        /// The shared string's text or the number's text; `nil` for a cell with only a style.
        var value: String?
        var style: Int
    }

    struct Style {
        var fontIsBold: Bool
        var fontSize: String?
        /// The fill's foreground colour, `nil` for no fill.
        var fillColor: String?
        var numberFormatID: String?
        var horizontalAlignment: String?
        var bordered: Bool
    }

    let entryPaths: [String]
    let parts: [String: Data]
    let sheet: XMLElementNode
    let workbook: XMLElementNode
    let sharedStrings: [String]
    let styles: [Style]
    /// Every written cell by its reference (`B7`).
    let cells: [String: Cell]

    init(_ data: Data) throws {
        let archive = try Archive(data: data, accessMode: .read)
        var entryPaths: [String] = []
        var parts: [String: Data] = [:]
        for entry in archive {
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            entryPaths.append(entry.path)
            parts[entry.path] = bytes
        }
        self.entryPaths = entryPaths
        self.parts = parts
        func part(_ path: String) throws -> XMLElementNode {
            guard let data = parts[path] else { throw XlsxReadError.missingPart(path) }
            return try XMLElementNode.parse(data)
        }
        sheet = try part("xl/worksheets/sheet1.xml")
        workbook = try part("xl/workbook.xml")
        sharedStrings = try part("xl/sharedStrings.xml").children("si").map { $0.child("t")?.text ?? "" }
        let stylesheet = try part("xl/styles.xml")
        let fonts = stylesheet.child("fonts")?.children("font") ?? []
        let fills = stylesheet.child("fills")?.children("fill") ?? []
        let borders = stylesheet.child("borders")?.children("border") ?? []
        styles = (stylesheet.child("cellXfs")?.children("xf") ?? []).map { xf in
            let font = Int(xf["fontId"] ?? "").flatMap { fonts.indices.contains($0) ? fonts[$0] : nil }
            let fill = Int(xf["fillId"] ?? "").flatMap { fills.indices.contains($0) ? fills[$0] : nil }
            let border = Int(xf["borderId"] ?? "").flatMap { borders.indices.contains($0) ? borders[$0] : nil }
            let pattern = fill?.child("patternFill")
            return Style(
                fontIsBold: font?.child("b") != nil, fontSize: font?.child("sz")?["val"],
                fillColor: pattern?["patternType"] == "solid" ? pattern?.child("fgColor")?["rgb"] : nil,
                numberFormatID: xf["numFmtId"], horizontalAlignment: xf.child("alignment")?["horizontal"],
                bordered: border?.child("left")?["style"] != nil
            )
        }
        var cells: [String: Cell] = [:]
        for cell in sheet.descendants("c") {
            let type = cell["t"] ?? "n"
            var value = cell.child("v")?.text
            if type == "s", let index = value.flatMap(Int.init) { value = index < sharedStrings.count ? sharedStrings[index] : nil }
            cells[cell["r"] ?? ""] = Cell(type: type, value: value, style: Int(cell["s"] ?? "0") ?? 0)
        }
        self.cells = cells
    }

    /// The style of the cell at `reference`; a cell that is not written has the default style 0.
    func style(_ reference: String) -> Style? {
        let index = cells[reference]?.style ?? 0
        return styles.indices.contains(index) ? styles[index] : nil
    }
}
