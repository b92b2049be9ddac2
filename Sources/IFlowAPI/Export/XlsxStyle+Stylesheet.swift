extension XlsxStyle {
    /// `xl/styles.xml`: the fonts, fills and border the styles combine, and one `cellXfs` entry per style in `index` order.
    static let stylesheet: [UInt8] = {
        var xml = XMLBytes()
        xml.raw("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n")
        xml.raw("<styleSheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">")
        xml.raw("<fonts count=\"3\">")
        xml.raw("<font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>")
        xml.raw("<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>")
        xml.raw("<font><b/><sz val=\"14\"/><name val=\"Calibri\"/><family val=\"2\"/></font>")
        xml.raw("</fonts>")
        // The first two fills are reserved by the format (none and gray125); ours follow.
        xml.raw("<fills count=\"4\">")
        xml.raw("<fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>")
        xml.raw("<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFD9D9D9\"/><bgColor indexed=\"64\"/></patternFill></fill>")
        xml.raw("<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFF8CBAD\"/><bgColor indexed=\"64\"/></patternFill></fill>")
        xml.raw("</fills>")
        xml.raw("<borders count=\"2\"><border><left/><right/><top/><bottom/><diagonal/></border>")
        xml.raw("<border><left style=\"thin\"><color rgb=\"FFA6A6A6\"/></left><right style=\"thin\"><color rgb=\"FFA6A6A6\"/></right>")
        xml.raw("<top style=\"thin\"><color rgb=\"FFA6A6A6\"/></top><bottom style=\"thin\"><color rgb=\"FFA6A6A6\"/></bottom><diagonal/></border>")
        xml.raw("</borders>")
        xml.raw("<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>")
        xml.raw("<cellXfs count=\"")
        xml.decimal(all.count)
        xml.raw("\">")
        for style in all {
            xml.raw("<xf numFmtId=\"")
            xml.decimal(style.numberFormatID)
            xml.raw("\" fontId=\"")
            xml.decimal(style.font.rawValue)
            xml.raw("\" fillId=\"")
            xml.decimal(style.fillID)
            xml.raw("\" borderId=\"")
            xml.decimal(style.bordered ? 1 : 0)
            xml.raw("\" xfId=\"0\" applyNumberFormat=\"1\" applyFont=\"1\" applyFill=\"1\" applyBorder=\"1\"")
            switch style.alignment {
            case .natural: xml.raw("/>")
            case .center: xml.raw(" applyAlignment=\"1\"><alignment horizontal=\"center\"/></xf>")
            }
        }
        xml.raw("</cellXfs>")
        xml.raw("<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>")
        xml.raw("</styleSheet>")
        return xml.bytes
    }()

    /// The built-in number formats: 0 is General, 2 is `0.00`.
    var numberFormatID: Int {
        switch numberFormat {
        case .general: 0
        case .twoDecimals: 2
        }
    }

    /// The fill's position in `<fills>`, after the two reserved ones.
    var fillID: Int {
        switch fill {
        case .none: 0
        case .weekend: 2
        case .holiday: 3
        }
    }
}
