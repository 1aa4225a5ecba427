import Foundation

/// `word/styles.xml` and `word/numbering.xml`.
///
/// Style ids are Word's built-in ids (Heading1, Caption, Quote, TOC1...) so that Word's
/// navigation pane, TOC field and style gallery recognise them; headings also carry an
/// explicit outline level, which is what LibreOffice and Word's TOC `\o` switch read.
enum DOCXStyles {
    /// Dark blue used for headings and the table header fill's text.
    static let accent: StaticString = "1F3864"
    /// Table text size relative to the body size.
    static let tableTextFactor = 0.85

    /// The styles part.
    static func styles(options: DOCXRenderOptions) -> [UInt8] {
        var xml = XMLBuffer(capacity: 8192)
        xml.appendDeclaration()
        xml.append("<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">")
        appendDefaults(&xml, options: options)
        xml.append("<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>")
        paragraphStyle(&xml, id: "BodyText", name: "Body Text", pPr: "<w:spacing w:after=\"120\" w:line=\"264\" w:lineRule=\"auto\"/>", rPr: nil, options: options, sizeFactor: nil)
        paragraphStyle(&xml, id: "BodyStrong", name: "Body Strong", pPr: "<w:spacing w:after=\"120\" w:line=\"264\" w:lineRule=\"auto\"/>", rPr: "<w:b/><w:bCs/>", options: options, sizeFactor: nil)
        paragraphStyle(&xml, id: "Title", name: "Title", pPr: "<w:spacing w:after=\"240\"/>", rPr: "<w:b/><w:bCs/><w:color w:val=\"1F3864\"/>", options: options, sizeFactor: 2.4)
        paragraphStyle(&xml, id: "Heading1", name: "heading 1", pPr: "<w:keepNext/><w:keepLines/><w:spacing w:before=\"360\" w:after=\"120\"/><w:outlineLvl w:val=\"0\"/>", rPr: "<w:b/><w:bCs/><w:color w:val=\"1F3864\"/>", options: options, sizeFactor: 1.6)
        paragraphStyle(&xml, id: "Heading2", name: "heading 2", pPr: "<w:keepNext/><w:keepLines/><w:spacing w:before=\"240\" w:after=\"120\"/><w:outlineLvl w:val=\"1\"/>", rPr: "<w:b/><w:bCs/><w:color w:val=\"1F3864\"/>", options: options, sizeFactor: 1.3)
        paragraphStyle(&xml, id: "Heading3", name: "heading 3", pPr: "<w:keepNext/><w:keepLines/><w:spacing w:before=\"200\" w:after=\"80\"/><w:outlineLvl w:val=\"2\"/>", rPr: "<w:b/><w:bCs/><w:color w:val=\"1F3864\"/>", options: options, sizeFactor: 1.1)
        paragraphStyle(&xml, id: "Caption", name: "caption", pPr: "<w:spacing w:before=\"120\" w:after=\"80\"/>", rPr: "<w:i/><w:iCs/><w:color w:val=\"595959\"/>", options: options, sizeFactor: 0.9)
        paragraphStyle(&xml, id: "Quote", name: "Quote", pPr: "<w:spacing w:before=\"120\" w:after=\"120\"/><w:ind w:left=\"567\" w:right=\"567\"/>", rPr: "<w:i/><w:iCs/><w:color w:val=\"404040\"/>", options: options, sizeFactor: nil)
        paragraphStyle(&xml, id: "ListParagraph", name: "List Paragraph", pPr: "<w:spacing w:after=\"60\"/><w:ind w:left=\"720\"/><w:contextualSpacing/>", rPr: nil, options: options, sizeFactor: nil)
        paragraphStyle(&xml, id: "TOCHeading", name: "TOC Heading", pPr: "<w:keepNext/><w:spacing w:before=\"240\" w:after=\"120\"/>", rPr: "<w:b/><w:bCs/><w:color w:val=\"1F3864\"/>", options: options, sizeFactor: 1.6)
        paragraphStyle(&xml, id: "TOC1", name: "toc 1", pPr: "<w:spacing w:after=\"60\"/>", rPr: "<w:b/><w:bCs/>", options: options, sizeFactor: nil)
        paragraphStyle(&xml, id: "TOC2", name: "toc 2", pPr: "<w:spacing w:after=\"60\"/><w:ind w:left=\"240\"/>", rPr: nil, options: options, sizeFactor: nil)
        paragraphStyle(&xml, id: "TOC3", name: "toc 3", pPr: "<w:spacing w:after=\"60\"/><w:ind w:left=\"480\"/>", rPr: nil, options: options, sizeFactor: nil)
        paragraphStyle(&xml, id: "Header", name: "header", pPr: "<w:pBdr><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"4\" w:color=\"BFBFBF\"/></w:pBdr>", rPr: "<w:color w:val=\"595959\"/>", options: options, sizeFactor: 0.85)
        paragraphStyle(&xml, id: "Footer", name: "footer", pPr: "<w:jc w:val=\"center\"/>", rPr: "<w:color w:val=\"595959\"/>", options: options, sizeFactor: 0.85)
        // Table cells use this style; it matches the PDF renderer's table text (0.85 × base).
        paragraphStyle(&xml, id: "TableText", name: "Table Text", pPr: "<w:spacing w:after=\"0\"/>", rPr: nil, options: options, sizeFactor: DOCXStyles.tableTextFactor)
        appendTableStyles(&xml)
        xml.append("</w:styles>")
        return xml.bytes
    }

    /// Document defaults: the font, size and language every style inherits; no paragraph
    /// spacing, so table cells stay compact without per-cell properties.
    private static func appendDefaults(_ xml: inout XMLBuffer, options: DOCXRenderOptions) {
        xml.append("<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"")
        xml.appendAttribute(options.fontName)
        xml.append("\" w:hAnsi=\"")
        xml.appendAttribute(options.fontName)
        xml.append("\" w:eastAsia=\"")
        xml.appendAttribute(options.fontName)
        xml.append("\" w:cs=\"")
        xml.appendAttribute(options.fontName)
        xml.append("\"/><w:sz w:val=\"")
        xml.append(int: options.halfPoints())
        xml.append("\"/><w:szCs w:val=\"")
        xml.append(int: options.halfPoints())
        xml.append("\"/><w:lang w:val=\"")
        xml.appendAttribute(options.language)
        xml.append("\" w:eastAsia=\"")
        xml.appendAttribute(options.language)
        xml.append("\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault>")
        xml.append("<w:pPrDefault><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>")
    }

    /// One paragraph style based on Normal; `sizeFactor` scales the base font size.
    private static func paragraphStyle(
        _ xml: inout XMLBuffer, id: StaticString, name: StaticString, pPr: StaticString,
        rPr: StaticString?, options: DOCXRenderOptions, sizeFactor: Double?
    ) {
        xml.append("<w:style w:type=\"paragraph\" w:styleId=\"")
        xml.append(id)
        xml.append("\"><w:name w:val=\"")
        xml.append(name)
        xml.append("\"/><w:basedOn w:val=\"Normal\"/><w:qFormat/><w:pPr>")
        xml.append(pPr)
        xml.append("</w:pPr>")
        if rPr != nil || sizeFactor != nil {
            xml.append("<w:rPr>")
            if let rPr { xml.append(rPr) }
            if let sizeFactor {
                xml.append("<w:sz w:val=\"")
                xml.append(int: options.halfPoints(sizeFactor))
                xml.append("\"/><w:szCs w:val=\"")
                xml.append(int: options.halfPoints(sizeFactor))
                xml.append("\"/>")
            }
            xml.append("</w:rPr>")
        }
        xml.append("</w:style>")
    }

    /// The default table style and the report table style (grid borders, bold header row).
    private static func appendTableStyles(_ xml: inout XMLBuffer) {
        xml.append("<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/><w:uiPriority w:val=\"99\"/><w:semiHidden/><w:unhideWhenUsed/>")
        xml.append("<w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>")
        xml.append("<w:style w:type=\"table\" w:styleId=\"ReportTable\"><w:name w:val=\"Report Table\"/><w:basedOn w:val=\"TableNormal\"/><w:uiPriority w:val=\"59\"/>")
        xml.append("<w:tblPr><w:tblBorders>")
        xml.append(tableBorders)
        xml.append("</w:tblBorders></w:tblPr>")
        xml.append("<w:tblStylePr w:type=\"firstRow\"><w:rPr><w:b/><w:bCs/></w:rPr><w:tcPr><w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"D9E2F3\"/></w:tcPr></w:tblStylePr>")
        xml.append("</w:style>")
    }

    /// Thin grey grid lines, shared by the table style and each table's direct properties
    /// (LibreOffice applies table-style borders only partly, so tables repeat them).
    static let tableBorders: StaticString = "<w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"A6A6A6\"/><w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"A6A6A6\"/><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"A6A6A6\"/><w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"A6A6A6\"/><w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"A6A6A6\"/><w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"A6A6A6\"/>"

    /// The numbering part: one bullet list definition (numId 1).
    static func numbering() -> [UInt8] {
        var xml = XMLBuffer()
        xml.appendDeclaration()
        xml.append("<w:numbering xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">")
        xml.append("<w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"hybridMultilevel\"/>")
        xml.append("<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"•\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"720\" w:hanging=\"360\"/></w:pPr></w:lvl>")
        xml.append("<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"◦\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"1440\" w:hanging=\"360\"/></w:pPr></w:lvl>")
        xml.append("</w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>")
        return xml.bytes
    }
}
