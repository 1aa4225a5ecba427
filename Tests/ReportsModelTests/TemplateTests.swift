import FormCore
import XCTest
@testable import Reports

final class TemplateTests: XCTestCase {
    func testBuiltInsResolveAndUnknownNamesExplainThemselves() throws {
        for name in TemplateLibrary.builtInNames {
            XCTAssertEqual(try TemplateLibrary.resolve(name, workspace: nil).name, name)
        }
        XCTAssertThrowsError(try TemplateLibrary.resolve("nope", workspace: nil)) {
            XCTAssertTrue("\($0)".contains("built in: summary, full, per-response"))
        }
    }

    func testWorkspaceTemplateIsFoundAndDecoded() throws {
        let dir = try ReportFixture.temporaryDirectory()
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("templates"), withIntermediateDirectories: true)
        let json = """
        {"format": "formwork.report-template", "name": "brief", "title": "Brief: {{form.title}}",
         "sections": [{"type": "text", "title": "Note", "text": "Mean {{stats.score.mean}}.\\n\\nSecond {{missing.value}}."},
                      {"type": "fields", "fields": ["site"], "chart": "pie"}, {"type": "crossTab", "rows": "site", "columns": "severity"}]}
        """
        _ = try ReportFixture.write(json, to: dir.appendingPathComponent("templates"), name: "brief.json")
        let template = try TemplateLibrary.resolve("brief", workspace: dir)
        XCTAssertEqual(template.sections.map(\.type), [.text, .fields, .crossTab])
        XCTAssertEqual(template.sections[1].chart, "pie")
        let byPath = try TemplateLibrary.resolve(dir.appendingPathComponent("templates/brief.json").path, workspace: nil)
        XCTAssertEqual(byPath, template)

        let form = try ReportFixture.form()
        let plan = ReportPlan(template: template, form: form, now: Date(timeIntervalSince1970: 0))
        XCTAssertEqual(plan.buildOptions.crossTabs, [CrossTabRequest(rows: "site", columns: "severity")])
        let model = try ReportFixture.model(form, [ReportFixture.answers(score: 10, site: "A", severity: "low"), ReportFixture.answers(score: 20, site: "B")],
                                            options: plan.buildOptions)
        let document = try DocumentMapper(template: plan.template, model: model).document()
        XCTAssertEqual(document.metadata.title, "Brief: Test form")
        XCTAssertTrue(document.blocks.contains(.paragraph(text: "Mean 15.0.", style: .body)))
        XCTAssertTrue(document.blocks.contains(.paragraph(text: "Second .", style: .body)))
        XCTAssertTrue(document.blocks.contains { if case .chart(let c) = $0 { return c.kind == .pie } else { return false } })
        XCTAssertTrue(document.blocks.contains { if case .chart(let c) = $0 { return c.kind == .stackedBar } else { return false } })
    }

    func testInvalidTemplatesAreOneLineErrors() throws {
        let cases: [(String, String)] = [
            ("{", "template bad.json:"),
            ("{\"name\": \"x\", \"title\": \"t\"}", "missing \"sections\""),
            ("{\"name\": \"x\", \"title\": \"t\", \"sections\": [{\"type\": \"pie\"}]}", "template bad.json:"),
            ("{\"format\": \"other\", \"name\": \"x\", \"title\": \"t\", \"sections\": []}", "expected \"formwork.report-template\""),
            ("{\"name\": 3, \"title\": \"t\", \"sections\": []}", "name"),
        ]
        for (json, expected) in cases {
            XCTAssertThrowsError(try TemplateLibrary.decode(Data(json.utf8), source: "bad.json"), json) {
                XCTAssertTrue("\($0)".contains(expected), "\($0)")
                XCTAssertFalse("\($0)".contains("\n"))
            }
        }
        XCTAssertThrowsError(try MustacheText.render("{{#open}}", context: [:])) { XCTAssertTrue("\($0)".hasPrefix("template text:")) }
        XCTAssertThrowsError(try TemplateLibrary.load(URL(fileURLWithPath: "/nonexistent/t.json")))
    }

    func testCrossTabSectionPicksFieldsOrDropsItself() throws {
        let form = try ReportFixture.form()
        let auto = ReportPlan(template: TemplateLibrary.summary, form: form, now: Date())
        XCTAssertEqual(auto.buildOptions.crossTabs, [CrossTabRequest(rows: "site", columns: "severity")])
        XCTAssertTrue(auto.buildOptions.validate)
        XCTAssertFalse(auto.buildOptions.includeTable)
        let lonely = try FormFile.decode("""
        {"format": "formwork.form", "schemaVersion": 1, "id": "l", "title": "L", "pages": [{"id": "p", "title": "P", "fields": [
          {"id": "a", "key": "a", "type": "integer"}]}]}
        """)
        let plan = ReportPlan(template: TemplateLibrary.full, form: lonely, now: Date())
        XCTAssertFalse(plan.template.sections.contains { $0.type == .crossTab })
        XCTAssertTrue(plan.buildOptions.includeTable)
    }

    func testMustacheContextOffersStatistics() throws {
        let form = try ReportFixture.form()
        let model = try ReportFixture.model(form, [ReportFixture.answers(name: "Ana", score: 4, site: "A", date: "2026-01-02"),
                                                   ReportFixture.answers(score: 6, site: "A", date: "2026-02-03")])
        let context = MustacheText.context(for: model, templateName: "summary")
        let text = "{{form.title}} v{{form.version}}: {{responses.count}} · {{stats.score.median}} · {{stats.site.mode}} {{stats.site.counts.A}} · {{stats.date.earliest}}–{{stats.date.latest}} · {{#stats.name.sample}}{{.}}{{/stats.name.sample}} · {{report.date}} <b>"
        XCTAssertEqual(try MustacheText.render(text, context: context), "Test form v2: 2 · 5 · A 2 · 2026-01-02–2026-02-03 · Ana · 2023-11-14 <b>")
        XCTAssertEqual(try MustacheText.render("plain", context: context), "plain")
    }
}
