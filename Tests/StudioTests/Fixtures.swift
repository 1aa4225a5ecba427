import FormCore
import Foundation
import Studio
import TUIKit
import TUITesting
import XCTest

/// Forms and helpers shared by the studio tests.
enum Fixtures {
    /// A contact form: a yes/no, a group with two fields, an email shown only when subscribed.
    static var contact: Form {
        let subscribe = Field(id: "f_subscribe", key: "subscribe", type: .yesNo, label: "Subscribe?")
        let name = Field(id: "f_name", key: "name", type: .shortText, label: "Name", required: true)
        let phone = Field(id: "f_phone", key: "phone", type: .phone, label: "Phone")
        let details = Field(id: "f_details", key: "details", type: .group, label: "Details", children: [name, phone])
        let email = Field(id: "f_email", key: "email", type: .email, label: "Email")
        let color = Field(id: "f_color", key: "color", type: .singleChoice, label: "Colour",
                          choices: .list([Choice(value: "red", label: "Red"), Choice(value: "blue", label: "Blue")]))
        let rule = Rule(id: "r1", when: .row(ConditionRow(sourceFieldId: "f_subscribe", condition: .equals, value: .bool(true))),
                        action: .show, targetFieldIds: ["f_email"])
        return Form(id: "contact", title: "Contact", pages: [Page(id: "p1", title: "Contact", fields: [subscribe, details, email, color])],
                    rules: [rule])
    }

    /// A driver with the contact form opened in the builder.
    static func builder(size: Size = Size(width: 120, height: 40), form: Form = contact) throws -> (StudioDriver, InMemoryFormRepository) {
        let repository = InMemoryFormRepository(forms: [form])
        let driver = StudioDriver(repository: repository, size: size)
        try driver.press("enter")
        return (driver, repository)
    }

    /// The directory of this file's snapshots.
    static func snapshotDirectory(_ group: String, file: StaticString = #filePath) -> URL {
        URL(fileURLWithPath: "\(file)").deletingLastPathComponent().appendingPathComponent("__Snapshots__").appendingPathComponent(group)
    }

    /// Top-level field keys of the first page, in order.
    static func topKeys(_ form: Form?) -> [String] { form?.pages.first?.fields.map(\.key) ?? [] }
}

/// Asserts the screen equals the stored snapshot (RECORD_SNAPSHOTS=1 re-records).
func assertSnapshot(_ text: String, named name: String, group: String, file: StaticString = #filePath, line: UInt = #line) {
    switch SnapshotAssertion.check(text, named: name, in: Fixtures.snapshotDirectory(group)) {
    case .matched: break
    case .recorded(let path): print("recorded snapshot \(path)")
    case .mismatch(let diff): XCTFail("snapshot \(group)/\(name) differs:\n\(diff)", file: file, line: line)
    }
}
