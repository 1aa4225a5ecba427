import FormCore
import XCTest
@testable import Reports

final class EscapingTests: XCTestCase {
    func testLaTeXEscapesEverySpecialInOnePass() {
        XCTAssertEqual(LaTeXEscaper.escape(#"\input{/etc/passwd}"#), #"\textbackslash{}input\{/etc/passwd\}"#)
        XCTAssertEqual(LaTeXEscaper.escape("}\\write18{ls}"), #"\}\textbackslash{}write18\{ls\}"#)
        XCTAssertEqual(LaTeXEscaper.escape("^^5cinput"), #"\textasciicircum{}\textasciicircum{}5cinput"#)
        XCTAssertEqual(LaTeXEscaper.escape("$%&#_~<>|[]\""), ##"\$\%\&\#\_\textasciitilde{}\textless{}\textgreater{}\textbar{}{[}{]}\textquotedbl{}"##)
        XCTAssertEqual(LaTeXEscaper.escape("a--b"), "a-{}-b")
        XCTAssertEqual(LaTeXEscaper.escape("a\nb\u{00A0}c\td\u{0}\u{0C}"), #"a\par{}b~c d"#)
        XCTAssertEqual(LaTeXEscaper.escape("x\ny", newline: " "), "x y")
        XCTAssertEqual(LaTeXEscaper.escape("Ελληνικά Кириллица Türkçe"), "Ελληνικά Кириллица Türkçe")
    }

    func testHTMLAndMarkdownEscaping() {
        XCTAssertEqual(HTMLEscaper.escape("<script>alert('x')</script> & \"q\""), "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;")
        XCTAssertEqual(HTMLEscaper.escape("plain"), "plain")
        XCTAssertEqual(MarkdownRenderer.inline("<b>*x*</b> [l](u) `c` a|b"), #"&lt;b&gt;\*x\*&lt;/b&gt; \[l\](u) \`c\` a\|b"#)
        XCTAssertEqual(MarkdownRenderer.inline("# h\n- item\n1. one a-b"), "\\# h\n\\- item\n1\\. one a-b")
        XCTAssertEqual(MarkdownRenderer.cell("a\nb"), "a<br>b")
    }

    func testCSVCellsAreNeutralisedAndQuoted() {
        XCTAssertEqual(CSVResponsesWriter.cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"")
        XCTAssertEqual(CSVResponsesWriter.cell("+1"), "'+1")
        XCTAssertEqual(CSVResponsesWriter.cell("-2"), "'-2")
        XCTAssertEqual(CSVResponsesWriter.cell("@SUM(A1)"), "'@SUM(A1)")
        XCTAssertEqual(CSVResponsesWriter.cell("\tx"), "'\tx")
        XCTAssertEqual(CSVResponsesWriter.cell("\rx"), "\"'\nx\"")
        XCTAssertEqual(CSVResponsesWriter.cell("a,b"), "\"a,b\"")
        XCTAssertEqual(CSVResponsesWriter.cell("nul\u{0}ff\u{0C}"), "nulff")
        XCTAssertEqual(CSVResponsesWriter.cell("ok"), "ok")
    }

    func testSanitizerRemovesForbiddenControls() {
        XCTAssertEqual(TextSanitizer.clean("a\u{0}b\u{0C}c\u{1B}d\u{7F}e\u{85}f\u{FFFE}"), "abcdef")
        XCTAssertEqual(TextSanitizer.clean("l1\r\nl2\rl3\tt"), "l1\nl2\nl3\tt")
        let clean = "Ελληνικά"
        XCTAssertEqual(TextSanitizer.clean(clean), clean)
        let doc = ReportDocument(metadata: ReportMetadata(title: "t\u{0}", author: "a\u{0C}", subject: "s\u{0}", keywords: ["k\u{0}"]),
                                 blocks: [.heading(level: 1, text: "h\u{0}"), .bulletList(items: ["i\u{0}"]),
                                          .table(TableSpec(columns: [TableColumn(title: "c\u{0}")], rows: [["r\u{0}"]], caption: "cap\u{0}")),
                                          .chart(ChartSpec(kind: .bar, title: "t\u{0}", categories: ["x\u{0}"], series: [ChartSeries(name: "s\u{0}", values: [1])])),
                                          .pageBreak]).sanitized()
        XCTAssertEqual(doc.metadata.title, "t")
        XCTAssertEqual(doc.metadata.keywords, ["k"])
        XCTAssertEqual(doc.blocks[0], .heading(level: 1, text: "h"))
        XCTAssertEqual(doc.blocks[1], .bulletList(items: ["i"]))
        guard case .table(let t) = doc.blocks[2], case .chart(let c) = doc.blocks[3] else { return XCTFail("blocks changed kind") }
        XCTAssertEqual([t.columns[0].title, t.rows[0][0], t.caption], ["c", "r", "cap"])
        XCTAssertEqual([c.title, c.categories[0], c.series[0].name], ["t", "x", "s"])
    }

    func testNumbersFormatWithoutLocale() {
        XCTAssertEqual(ReportNumber.format(71.44), "71.4")
        XCTAssertEqual(ReportNumber.format(74, trim: true), "74")
        XCTAssertEqual(ReportNumber.format(-0.04), "0.0")
        XCTAssertEqual(ReportNumber.format(nil), "–")
        XCTAssertEqual(ReportNumber.format(.nan), "–")
        XCTAssertEqual(ReportNumber.percent(18.04), "18.0%")
    }
}
