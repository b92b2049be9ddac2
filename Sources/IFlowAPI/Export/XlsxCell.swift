/// One cell of a worksheet row: its value and how it looks.
struct XlsxCell: Sendable {
    enum Value: Sendable {
        /// No value; the cell is written only when its style shows (a fill or a border).
        case empty
        /// A string, stored once in the shared strings however many cells hold it.
        case text(String)
        /// A number, written as a number so that a spreadsheet sums it.
        case number(Double)
    }

    var value: Value
    var style = XlsxStyle()

    init(_ value: Value, style: XlsxStyle = XlsxStyle()) {
        self.value = value
        self.style = style
    }

    static func text(_ text: String, style: XlsxStyle = XlsxStyle()) -> XlsxCell { XlsxCell(.text(text), style: style) }

    static func number(_ number: Double, style: XlsxStyle = XlsxStyle()) -> XlsxCell { XlsxCell(.number(number), style: style) }

    static func empty(style: XlsxStyle = XlsxStyle()) -> XlsxCell { XlsxCell(.empty, style: style) }
}
