@testable import Connectors
import FormCore
import ConnectorsTestSupport
import HTTPTestSupport
import Foundation
import XCTest

final class SheetPullTests: XCTestCase {
    var fake: FakeSheets!
    var client: SheetsClient!

    override func setUpWithError() throws {
        fake = try FakeSheets()
        fake.add("forms", sheet: "Form Responses 1", rows: SheetsFixtures.responseRows)
        client = SheetsClient(baseURL: fake.baseURL, sender: testSender("Google Sheets", clock: FakeClock()), token: { "sheets-token" })
    }

    override func tearDown() {
        fake.server.stop()
    }

    private func fetch() throws -> ValueRange {
        try client.values("forms", range: A1Range.range(sheet: "Form Responses 1"))
    }

    func testMapsByKeyAndLabelConvertsTypesAndReportsBadRows() throws {
        let plan = SheetPull.plan(try fetch(), form: SheetsFixtures.form, mapping: SheetColumnMapping(), imported: [])
        XCTAssertEqual(plan.rows.map(\.row), [2, 3, 6])
        XCTAssertEqual(plan.problems, [SheetRowProblem(row: 4, column: "score", message: "\"lots\" is not a number")])
        XCTAssertEqual(plan.problems.first?.description, "row 4: score: \"lots\" is not a number")
        XCTAssertEqual(plan.unmapped, ["Referrer"])
        XCTAssertTrue(plan.mapsAnyField)
        let ana = plan.rows[0]
        XCTAssertEqual(ana.answers["name"], .string("Ana"))
        XCTAssertEqual(ana.answers["score"], .number(42))
        XCTAssertEqual(ana.answers["visited"], .date(LocalDate(year: 2026, month: 11, day: 14)!))
        XCTAssertEqual(ana.answers["topics"], .list([.string("Food"), .string("Rooms")]))
        XCTAssertEqual(ana.answers["again"], .bool(true))
        XCTAssertEqual(ana.submittedAt, "2026-11-20T12:00:00")
        // A formula-looking answer is just text.
        XCTAssertEqual(plan.rows[1].answers["name"], .string("=HYPERLINK(\"http://x\")"))
        XCTAssertEqual(plan.rows[1].submittedAt, "2026-11-21T06:00:00")
        XCTAssertEqual(plan.rows[2].answers["topics"], .list([.string("Rooms"), .string("Staff")]))
        XCTAssertEqual(plan.rows[2].answers["visited"], .date(LocalDate(year: 2026, month: 11, day: 20)!))
    }

    func testIncrementalPullSkipsImportedRowsAndTellsIdenticalRowsApart() throws {
        let first = SheetPull.plan(try fetch(), form: SheetsFixtures.form, mapping: SheetColumnMapping(), imported: [])
        fake.state.update { state in
            state.spreadsheets["forms"]![0].rows.append([46_350, "Mo", 12, 46_343, "Food", false])
            state.spreadsheets["forms"]![0].rows.append([46_350, "Mo", 12, 46_343, "Food", false])
        }
        let second = SheetPull.plan(try fetch(), form: SheetsFixtures.form, mapping: SheetColumnMapping(), imported: Set(first.rows.map(\.fingerprint)))
        XCTAssertEqual(second.alreadyImported, 3)
        XCTAssertEqual(second.rows.map(\.row), [7, 8])
        XCTAssertNotEqual(second.rows[0].fingerprint, second.rows[1].fingerprint)
        XCTAssertEqual(second.problems.map(\.row), [4])
    }

    func testSavedMappingMapsUnknownHeaders() throws {
        let form = Form(id: "f", title: "F", pages: [Page(id: "p", title: "P", fields: [
            Field(id: "a", key: "source", type: .shortText, label: "Where did you hear of us"),
            Field(id: "b", key: "score", type: .integer, label: "Score"),
        ])])
        let range = ValueRange(range: "'S'!A1:C3", values: [[.string("Referrer"), .string("Score"), .string("Extra")],
                                                             [.string("friend"), .number(3), .string("x"), .string("beyond")]])
        let mapping = SheetColumnMapping(columns: ["Referrer": "source", "Extra": ""])
        let plan = SheetPull.plan(range, form: form, mapping: mapping, imported: [])
        XCTAssertEqual(plan.unmapped, [])
        XCTAssertEqual(plan.problems, [SheetRowProblem(row: 2, column: nil, message: "the row has a value in column D beyond the header")])
        let fixed = ValueRange(range: range.range, values: [range.values[0], [.string("friend"), .number(3)]])
        XCTAssertEqual(SheetPull.plan(fixed, form: form, mapping: mapping, imported: []).rows.first?.answers["source"], .string("friend"))
        XCTAssertEqual(SheetColumnMapping().adding(unmapped: ["Referrer"]).columns, ["Referrer": ""])
        let empty = SheetPull.plan(ValueRange(range: "A1", values: []), form: form, mapping: mapping, imported: [])
        XCTAssertFalse(empty.mapsAnyField)
    }

    func testSerialNumbersBecomeDatesAndTimes() throws {
        XCTAssertEqual(SheetRowReader.serialText(46_346.5, kind: .dateTime), "2026-11-20T12:00:00")
        XCTAssertEqual(SheetRowReader.serialText(46_346.75, kind: .time), "18:00:00")
        XCTAssertEqual(SheetRowReader.serialText(46_346.75, kind: .date), "2026-11-20")
        XCTAssertNil(SheetRowReader.serialText(3, kind: .number))
        XCTAssertEqual(SheetRowReader.timestamp(.string("11/20/2026 10:00:00")), "11/20/2026 10:00:00")
        XCTAssertNil(SheetRowReader.timestamp(.bool(true)))
    }

    func testMappingStoreRoundTripsAndReportsBadFiles() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("conn-sync-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let store = SheetMappingStore(directory: directory)
        XCTAssertEqual(try store.mapping(spreadsheet: "a/b", form: "f"), SheetColumnMapping())
        try store.save(SheetColumnMapping(columns: ["Referrer": "source"]), spreadsheet: "a/b", form: "f")
        XCTAssertEqual(try store.mapping(spreadsheet: "a/b", form: "f").columns, ["Referrer": "source"])
        XCTAssertTrue(store.mappingPath(spreadsheet: "a/b", form: "f").hasPrefix(directory.path))
        XCTAssertTrue(store.mappingPath(spreadsheet: "a/b", form: "f").hasSuffix("a_b--f.mapping.json"))
        try Data("{".utf8).write(to: URL(fileURLWithPath: store.mappingPath(spreadsheet: "a/b", form: "f")))
        XCTAssertThrowsError(try store.mapping(spreadsheet: "a/b", form: "f"))
    }
}

final class SheetPullValidationTests: XCTestCase {
    func testRowsBreakingTheFormsRulesBecomeProblems() throws {
        let form = Form(id: "v", title: "V", pages: [Page(id: "p", title: "P", fields: [
            Field(id: "a", key: "name", type: .shortText, label: "Name", required: true),
            Field(id: "b", key: "age", type: .integer, label: "Age"),
        ])])
        let range = ValueRange(range: "'S'!A1:B4", values: [[.string("name"), .string("age")],
                                                            [.string("Ana"), .number(30)], [.empty, .number(41)], [.string("Mo")]])
        let plan = try SheetPull.validate(SheetPull.plan(range, form: form, mapping: SheetColumnMapping(), imported: []), form: form)
        XCTAssertEqual(plan.rows.map(\.row), [2, 4])
        XCTAssertEqual(plan.problems.map(\.row), [3])
        XCTAssertEqual(plan.problems.first?.column, "name")
    }
}
