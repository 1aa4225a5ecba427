import Foundation

/// The running header (document title) and footer ("Page X of Y") parts.
///
/// Page numbers are fields: Word and LibreOffice compute them when they lay the document
/// out. The cached result ("1") is only what a reader that does not paginate would show.
enum DOCXHeaderFooter {
    /// Namespaces a header or footer root needs.
    private static let namespaces: StaticString = " xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"

    /// `word/header1.xml` with the title.
    static func header(title: String) -> [UInt8] {
        var xml = XMLBuffer()
        xml.appendDeclaration()
        xml.append("<w:hdr")
        xml.append(namespaces)
        xml.append("<w:p><w:pPr><w:pStyle w:val=\"Header\"/></w:pPr>")
        xml.appendRun(title)
        xml.append("</w:p></w:hdr>")
        return xml.bytes
    }

    /// `word/footer1.xml` with "Page {PAGE} of {NUMPAGES}".
    static func footer() -> [UInt8] {
        var xml = XMLBuffer()
        xml.appendDeclaration()
        xml.append("<w:ftr")
        xml.append(namespaces)
        xml.append("<w:p><w:pPr><w:pStyle w:val=\"Footer\"/></w:pPr>")
        xml.appendRun("Page ")
        appendField(&xml, instruction: " PAGE ")
        xml.appendRun(" of ")
        appendField(&xml, instruction: " NUMPAGES ")
        xml.append("</w:p></w:ftr>")
        return xml.bytes
    }

    /// A complex field (begin, instruction, separate, cached result, end) with result "1".
    static func appendField(_ xml: inout XMLBuffer, instruction: StaticString) {
        xml.append("<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\">")
        xml.append(instruction)
        xml.append("</w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r>")
    }
}
