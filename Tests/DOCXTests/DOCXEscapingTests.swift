import Foundation
import XCTest
@testable import Reports

/// XML escaping and hostile text: special characters, forbidden controls, injection strings.
final class DOCXEscapingTests: XCTestCase {
    private func escaped(_ text: String, _ mode: XMLEscaper.Mode) -> String {
        var bytes: [UInt8] = []
        XMLEscaper.escape(text, into: &bytes, mode: mode)
        return String(decoding: bytes, as: UTF8.self)
    }

    func testTextModeEscapesAndDropsForbiddenControls() {
        XCTAssertEqual(escaped("a<b>&c\"d'e", .text), "a&lt;b&gt;&amp;c\"d'e")
        XCTAssertEqual(escaped("nul\u{0}bell\u{7}ff\u{0C}vt\u{0B}esc\u{1B}end", .text), "nulbellffvtescend")
        XCTAssertEqual(escaped("crlf\r\nlone\rtab\tnl\n", .text), "crlf\nlone\ntab\tnl\n")
        XCTAssertEqual(escaped("non\u{FFFE}char\u{FFFF}s keep \u{FFFD} and 漢字 and 😀", .text), "nonchars keep \u{FFFD} and 漢字 and 😀")
        XCTAssertEqual(escaped("", .text), "")
    }

    func testAttributeModeEscapesQuotesAndWhitespace() {
        XCTAssertEqual(escaped("say \"hi\" & 'bye'\t\n\r\n", .attribute), "say &quot;hi&quot; &amp; &apos;bye&apos;&#9;&#10;&#10;")
    }

    func testRunModeTurnsTabsAndNewlinesIntoElements() {
        XCTAssertEqual(escaped("a\tb\nc\r\nd\re", .run),
                       "<w:t xml:space=\"preserve\">a</w:t><w:tab/><w:t xml:space=\"preserve\">b</w:t><w:br/><w:t xml:space=\"preserve\">c</w:t><w:br/><w:t xml:space=\"preserve\">d</w:t><w:br/><w:t xml:space=\"preserve\">e</w:t>")
        XCTAssertEqual(escaped("\n", .run), "<w:br/>")
        XCTAssertEqual(escaped("\u{0}", .run), "")
        XCTAssertEqual(escaped(" <x> ", .run), "<w:t xml:space=\"preserve\"> &lt;x&gt; </w:t>")
    }

    func testNumbersAndIntegers() {
        var xml = XMLBuffer()
        xml.append(int: -1203)
        xml.append(" ")
        xml.append(int: 0)
        xml.append(" ")
        xml.append(int: Int.min)
        xml.append(" ")
        xml.append(number: 2.5)
        xml.append(" ")
        xml.append(number: .infinity)
        xml.append(" ")
        xml.append(number: 1e20)
        XCTAssertEqual(String(decoding: xml.bytes, as: UTF8.self), "-1203 0 -9223372036854775808 2.5 0 1e+20")
    }

    func testHostileDocumentRendersReadsBackAndConverts() throws {
        let directory = try DOCXTestSupport.outputDirectory()
        defer { DOCXTestSupport.removeOutput(directory) }
        let hostile = ["<script>alert(1)</script>", "=HYPERLINK(\"x\")", "\\input{/etc/passwd}", "]]><!-- &amp; &#0;", "nul\u{0}form\u{0C}feed"]
        let document = ReportDocument(
            metadata: ReportMetadata(title: "<title> & \"quotes\"\u{0}", author: "a\u{1}b", subject: "x]]>y", keywords: ["<k>", "&"]),
            blocks: [
                .heading(level: 1, text: hostile[0]),
                .paragraph(text: hostile.joined(separator: " | "), style: .body),
                .bulletList(items: hostile),
                .table(TableSpec(columns: [TableColumn(title: "<h>"), TableColumn(title: "&h")], rows: hostile.map { [$0, $0] } + [["short"]],
                                 repeatHeader: false, caption: "<caption>")),
                .chart(ChartSpec(kind: .pie, title: "<chart & title>", categories: hostile, series: [ChartSeries(name: "\"series\"", values: [1, 2, 3, 4, 5])])),
            ]
        )
        let url = directory.appendingPathComponent("hostile.docx")
        try DOCXRenderer(options: DOCXTestSupport.options()).render(document, to: url)
        try DOCXTestSupport.assertWellFormed(url)
        let back = try DOCXTestSupport.readBack(url)
        XCTAssertEqual(back.title, "<title> & \"quotes\"")
        XCTAssertEqual(back.paragraphs[0], "<script>alert(1)</script>")
        XCTAssertEqual(back.paragraphs[1], "<script>alert(1)</script> | =HYPERLINK(\"x\") | \\input{/etc/passwd} | ]]><!-- &amp; &#0; | nulformfeed")
        XCTAssertEqual(back.tables[0].last, ["short", ""])
        XCTAssertEqual(back.tables[0][0], ["<h>", "&h"])
        let xml = try DOCXTestSupport.part("word/document.xml", of: url)
        XCTAssertFalse(xml.contains("<w:tblHeader/>"), "repeatHeader false")
        let text = try DOCXTestSupport.pdfText(try DOCXTestSupport.convertToPDF(url))
        for expected in ["<script>alert(1)</script>", "=HYPERLINK(\"x\")", "\\input{/etc/passwd}", "nulformfeed"] {
            XCTAssertTrue(text.contains(expected), "missing \(expected) in \(text)")
        }
    }

    func testPlaceholderScanner() {
        func names(_ text: String) -> [String] { Placeholder.find(in: Array(text.unicodeScalars)).map(\.name) }
        XCTAssertEqual(names("{{a}} {{ b c }} {{}} {{ }} {{d"), ["a", "b c"])
        XCTAssertEqual(names("{{{x}}}"), ["x"])
        XCTAssertEqual(names("{{a{b}} {{" + String(repeating: "n", count: 201) + "}}"), [])
        XCTAssertEqual(Placeholder.find(in: Array("x{{k}}".unicodeScalars)).first?.range, 1..<6)
        XCTAssertEqual(String(String.UnicodeScalarView(XMLEntities.decode(ArraySlice("&lt;&amp;&gt;&quot;&apos;&#65;&#x42;&bogus;&#xZZ;&".utf8)))), "<&>\"'AB&bogus;&#xZZ;&")
    }

    func testTokenizerKeepsMarkupAndRejectsUnterminated() throws {
        let xml = Array("<?xml version=\"1.0\"?><!DOCTYPE x><a k=\"1>2\"><!-- c --><![CDATA[<b>]]><b/>t&amp;</a>".utf8)
        let tokens = try XMLTokenizer.tokenize(xml, part: "p")
        XCTAssertEqual(tokens.map(\.kind), [.other, .other, .open, .other, .other, .selfClosing, .text, .close])
        XCTAssertEqual(tokens.map { $0.range.count }.reduce(0, +), xml.count)
        for broken in ["<!-- open", "<![CDATA[x", "<?pi", "<!DOCTYPE", "<a k=\"v>", "< >"] {
            XCTAssertThrowsError(try XMLTokenizer.tokenize(Array(broken.utf8), part: "p"), broken)
        }
    }
}
