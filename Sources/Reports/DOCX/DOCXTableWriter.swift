import Foundation

/// Writes a `TableSpec` as a `w:tbl` with a fixed grid.
///
/// Everything that is the same for every cell of a column (width, alignment) is serialised
/// once into a prefix, so a body cell costs two byte copies plus its escaped text. Widths are
/// written both as `w:gridCol` and `w:tcW` in twips: LibreOffice sizes grid-less tables
/// badly, and Word's fixed layout needs the grid to skip measuring 10,000 rows.
enum DOCXTableWriter {
    /// Appends the optional caption, the table and a spacer paragraph (two adjacent tables
    /// would otherwise merge into one in Word).
    static func write(_ spec: TableSpec, into xml: inout XMLBuffer, textWidth: Int, fontHalfPoints: Int) {
        if let caption = spec.caption, !caption.isEmpty {
            xml.append("<w:p><w:pPr><w:pStyle w:val=\"Caption\"/><w:keepNext/></w:pPr>")
            xml.appendRun(caption)
            xml.append("</w:p>")
        }
        guard !spec.columns.isEmpty else { return }
        let widths = DOCXColumnFit.widths(spec, total: textWidth, fontHalfPoints: fontHalfPoints)
        appendTableProperties(&xml, widths: widths, total: textWidth)
        appendHeaderRow(spec, widths: widths, into: &xml)
        let prefixes = zip(spec.columns, widths).map { cellPrefix(width: $1, alignment: $0.alignment, header: false) }
        let columnCount = spec.columns.count
        for row in spec.rows {
            xml.append("<w:tr><w:trPr><w:cantSplit/></w:trPr>")
            for column in 0..<columnCount {
                xml.append(bytes: prefixes[column])
                if column < row.count { xml.appendRun(row[column]) }
                xml.append("</w:p></w:tc>")
            }
            xml.append("</w:tr>")
        }
        xml.append("</w:tbl><w:p><w:pPr><w:spacing w:after=\"120\"/></w:pPr></w:p>")
    }

    /// `w:tblPr` and `w:tblGrid`, in schema order.
    private static func appendTableProperties(_ xml: inout XMLBuffer, widths: [Int], total: Int) {
        xml.append("<w:tbl><w:tblPr><w:tblStyle w:val=\"ReportTable\"/><w:tblW w:w=\"")
        xml.append(int: total)
        xml.append("\" w:type=\"dxa\"/><w:tblBorders>")
        xml.append(DOCXStyles.tableBorders)
        xml.append("</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:top w:w=\"28\" w:type=\"dxa\"/><w:left w:w=\"85\" w:type=\"dxa\"/><w:bottom w:w=\"28\" w:type=\"dxa\"/><w:right w:w=\"85\" w:type=\"dxa\"/></w:tblCellMar>")
        xml.append("<w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" w:lastColumn=\"0\" w:noHBand=\"1\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>")
        for width in widths {
            xml.append("<w:gridCol w:w=\"")
            xml.append(int: width)
            xml.append("\"/>")
        }
        xml.append("</w:tblGrid>")
    }

    /// The header row: bold, shaded, marked `w:tblHeader` so it repeats on every page when
    /// the spec asks for it (it is the first row, as Word requires for the repeat).
    private static func appendHeaderRow(_ spec: TableSpec, widths: [Int], into xml: inout XMLBuffer) {
        xml.append(spec.repeatHeader ? "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" : "<w:tr><w:trPr><w:cantSplit/></w:trPr>")
        for (column, width) in zip(spec.columns, widths) {
            xml.append(bytes: cellPrefix(width: width, alignment: column.alignment, header: true))
            xml.appendRun(column.title, properties: "<w:rPr><w:b/><w:bCs/></w:rPr>")
            xml.append("</w:p></w:tc>")
        }
        xml.append("</w:tr>")
    }

    /// Everything from `<w:tc>` to the paragraph's properties, for one column.
    static func cellPrefix(width: Int, alignment: TableAlignment, header: Bool) -> [UInt8] {
        var xml = XMLBuffer(capacity: 160)
        xml.append("<w:tc><w:tcPr><w:tcW w:w=\"")
        xml.append(int: width)
        xml.append("\" w:type=\"dxa\"/>")
        if header { xml.append("<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"D9E2F3\"/>") }
        xml.append("</w:tcPr><w:p>")
        xml.append("<w:pPr><w:pStyle w:val=\"TableText\"/>")
        if header { xml.append("<w:keepNext/>") }
        switch alignment {
        case .leading: break
        case .center: xml.append("<w:jc w:val=\"center\"/>")
        case .trailing: xml.append("<w:jc w:val=\"right\"/>")
        }
        xml.append("</w:pPr>")
        return xml.bytes
    }
}
