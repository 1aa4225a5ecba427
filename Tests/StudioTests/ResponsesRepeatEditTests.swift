import FormCore
import Foundation
import Studio
import TUIKit
import TUITesting
import XCTest

/// Answers inside repeat groups are edited like the others: one text field per entry's field.
final class ResponsesRepeatEditTests: XCTestCase {
    /// A household: a name and repeated kids (name, age 0–17) with repeated toys.
    static var household: Form {
        let toy = Field(id: "f_toy", key: "toy", type: .shortText, label: "Toy")
        let kid = [Field(id: "f_kid", key: "kid", type: .shortText, label: "Kid"),
                   Field(id: "f_kage", key: "kid_age", type: .integer, label: "Age", validation: FieldValidation(min: 0, max: 17)),
                   Field(id: "f_toys", key: "toys", type: .repeatGroup, label: "Toys", children: [toy])]
        return Form(id: "household", title: "Household", version: 1, state: .published, pages: [Page(id: "p", title: "P", fields: [
            Field(id: "f_name", key: "name", type: .shortText, label: "Name"),
            Field(id: "f_kids", key: "kids", type: .repeatGroup, label: "Kids", children: kid),
        ])])
    }

    func driver() -> (StudioDriver, InMemoryResponseService) {
        let service = InMemoryResponseService()
        service.addForm(Self.household)
        let lego = Answers(values: ["toy": .string("Lego")])
        service.add(Answers(values: ["name": .string("Silva")], repeats: ["kids": [
            Answers(values: ["kid": .string("Rui"), "kid_age": .number(7)], repeats: ["toys": [lego]]),
            Answers(values: ["kid": .string("Ana"), "kid_age": .number(4)]),
        ]]), formID: "household", submittedAt: Date(timeIntervalSince1970: 1_780_000_000))
        var draft = Self.household
        draft.state = .draft
        let repository = InMemoryFormRepository(forms: [draft])
        _ = try? repository.publish("household")
        let driver = StudioDriver(services: StudioServices(forms: repository, responses: service), size: Size(width: 120, height: 40))
        driver.send(.command("forms.responses"))
        return (driver, service)
    }

    func testEveryEntrysFieldsAreEditsInFormOrder() throws {
        let (driver, _) = driver()
        try driver.press("enter e")
        let edits = try XCTUnwrap(driver.state.responses.detail?.edits)
        XCTAssertEqual(edits.map(\.name), ["Name", "Kids #1 › Kid", "Kids #1 › Age", "Kids #1 › Toys #1 › Toy", "Kids #2 › Kid", "Kids #2 › Age"])
        XCTAssertEqual(edits.map(\.text.text), ["Silva", "Rui", "7", "Lego", "Ana", "4"])
        XCTAssertEqual(edits[3].keys, ["kids", "toys"])
        XCTAssertEqual(edits[3].path, [0, 0])
        XCTAssertTrue(driver.shows("Kids #1 › Toys #1 › Toy"), driver.screen)
    }

    func testEditsInsideEntriesAreCheckedAndSavedAsANewRevision() throws {
        let (driver, service) = driver()
        try driver.press("enter e tab tab ctrl+u")
        driver.type("x")
        XCTAssertEqual(driver.state.responses.detail?.edits?[2].error != nil, true, "typed per field type inside entries too")
        try driver.press("ctrl+s")
        XCTAssertTrue(driver.state.responses.detail?.problems.first?.hasPrefix("Kids #1 › Age") ?? false,
                      "\(driver.state.responses.detail?.problems ?? [])")
        try driver.press("ctrl+u")
        driver.type("30")
        try driver.press("ctrl+s")
        XCTAssertTrue(driver.state.responses.detail?.problems.first?.contains("kids[1].kid_age") ?? false,
                      "the form's range applies inside entries: \(driver.state.responses.detail?.problems ?? [])")
        XCTAssertEqual(service.log, [])
        try driver.press("ctrl+u")
        driver.type("8")
        try driver.press("tab ctrl+u")
        driver.type("Blocks")
        try driver.press("ctrl+s")
        XCTAssertEqual(service.log, ["save 1"])
        let saved = try XCTUnwrap(service.history(1).last)
        XCTAssertEqual(saved.repeats["kids"]?[0]["kid_age"], .number(8))
        XCTAssertEqual(saved.repeats["kids"]?[0].repeats["toys"]?[0]["toy"], .string("Blocks"))
        XCTAssertEqual(saved.repeats["kids"]?[1]["kid"], .string("Ana"), "the other entry is kept")
        XCTAssertEqual(saved["name"], .string("Silva"))
        XCTAssertTrue(driver.shows("Blocks"), "the read view shows the saved entry")
    }

    func testClearingAnAnswerInsideAnEntryRemovesIt() throws {
        let (driver, service) = driver()
        try driver.press("enter e tab ctrl+u ctrl+s")
        XCTAssertEqual(service.log, ["save 1"])
        XCTAssertNil(try XCTUnwrap(service.history(1).last).repeats["kids"]?[0].values["kid"])
    }
}
