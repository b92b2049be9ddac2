/// How a cell looks: every combination is one entry of the workbook's `cellXfs`, so a cell names its style by index and
/// `styles.xml` is the same for every workbook.
struct XlsxStyle: Hashable, Sendable {
    enum Font: Int, CaseIterable, Sendable {
        case regular
        case bold
        /// The sheet's title line: bold and larger.
        case title
    }

    enum Fill: Int, CaseIterable, Sendable {
        case none
        /// Saturdays and Sundays.
        case weekend
        /// Public holidays.
        case holiday
    }

    enum NumberFormat: Int, CaseIterable, Sendable {
        /// Spreadsheet "General": as many decimals as the value has.
        case general
        /// Two decimals, as the API writes hours.
        case twoDecimals
    }

    enum Alignment: Int, CaseIterable, Sendable {
        case natural
        case center
    }

    var font = Font.regular
    var fill = Fill.none
    var numberFormat = NumberFormat.general
    var alignment = Alignment.natural
    /// A thin border around the cell, as the table's cells have.
    var bordered = false

    /// The style's position in `cellXfs`: the combinations in a fixed order, the default style first.
    var index: Int {
        let withFill = font.rawValue * Fill.allCases.count + fill.rawValue
        let withFormat = withFill * NumberFormat.allCases.count + numberFormat.rawValue
        let withAlignment = withFormat * Alignment.allCases.count + alignment.rawValue
        return withAlignment * 2 + (bordered ? 1 : 0)
    }

    /// Every style, in `index` order.
    static let all: [XlsxStyle] = Font.allCases.flatMap { font in
        Fill.allCases.flatMap { fill in
            NumberFormat.allCases.flatMap { numberFormat in
                Alignment.allCases.flatMap { alignment in
                    [false, true].map { XlsxStyle(font: font, fill: fill, numberFormat: numberFormat, alignment: alignment, bordered: $0) }
                }
            }
        }
    }
}
