import Foundation
import ZIPFoundation

/// Builds small Word templates the way Word stores them, including placeholders split
/// across runs by spell-check marks.
enum TemplateFixtures {
    static let namespaces = #"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#

    /// A paragraph of plain runs, one per string.
    static func paragraph(_ runs: String...) -> String {
        "<w:p>" + runs.map { "<w:r><w:t xml:space=\"preserve\">\($0)</w:t></w:r>" }.joined() + "</w:p>"
    }

    /// A table row with one single-run paragraph per cell.
    static func row(_ cells: String...) -> String {
        "<w:tr>" + cells.map { "<w:tc><w:tcPr><w:tcW w:w=\"2000\" w:type=\"dxa\"/></w:tcPr>" + paragraph($0) + "</w:tc>" }.joined() + "</w:tr>"
    }

    /// A table from rows.
    static func table(_ rows: String...) -> String {
        "<w:tbl><w:tblPr><w:tblW w:w=\"4000\" w:type=\"dxa\"/></w:tblPr><w:tblGrid><w:gridCol w:w=\"2000\"/><w:gridCol w:w=\"2000\"/></w:tblGrid>" + rows.joined() + "</w:tbl>"
    }

    /// The body used by most template tests.
    static var standardBody: String {
        // "{{na" / "me}}" split over two runs with a proofing mark between, the first run bold.
        let split = "<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>Hello {{na</w:t></w:r><w:proofErr w:type=\"spellStart\"/><w:r><w:t>me}}</w:t></w:r><w:proofErr w:type=\"spellEnd\"/><w:r><w:t xml:space=\"preserve\">, welcome</w:t></w:r></w:p>"
        return split
            + paragraph("Site: {{ site }} / {{missing_key}} / ", "{{escape}}")
            + paragraph("{{multi}}")
            + paragraph("Literal &amp; {{}} and {not} and {{unclosed")
            + table(row("Inspector", "Score"), row("{{#rows}}{{row.inspector}}", "{{row.score}}{{/rows}}"), row("Total", "{{total}}"))
            + table(row("{{row.note}}", "{{row.absent}}"))
            + table(row("{{#rows}}Name: {{row.inspector}}", "first"), row("Score: {{row.score}}", "{{/rows}}second"))
    }

    /// Writes a template .docx with the given body, header and footer paragraphs.
    static func write(to url: URL, body: String = standardBody,
                      header: String = "<w:p><w:r><w:t>Report for {{cli</w:t></w:r><w:r><w:t>ent}}</w:t></w:r></w:p>",
                      footer: String = paragraph("{{footer_note}}")) throws {
        let parts: [(String, String)] = [
            ("[Content_Types].xml", #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/></Types>"#),
            ("_rels/.rels", #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#),
            ("word/_rels/document.xml.rels", #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/></Relationships>"#),
            ("word/document.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<!-- made by a test --><w:document \(namespaces)><w:body>\(body)<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rId1\"/><w:footerReference w:type=\"default\" r:id=\"rId2\"/><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1134\" w:right=\"1134\" w:bottom=\"1134\" w:left=\"1134\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>"),
            ("word/header1.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:hdr \(namespaces)>\(header)</w:hdr>"),
            ("word/footer1.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:ftr \(namespaces)>\(footer)</w:ftr>"),
        ]
        try? FileManager.default.removeItem(at: url)
        let archive = try Archive(url: url, accessMode: .create)
        for (path, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<(Int(position) + size))
            }
        }
    }
}
