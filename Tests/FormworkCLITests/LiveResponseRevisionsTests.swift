@testable import formwork
import FormCore
import Foundation
import Studio
import XCTest

/// The live Responses service's revision history over a real workspace.
final class LiveResponseRevisionsTests: CLITestCase {
    var workspace: URL { directory.appendingPathComponent("ws") }

    func testAnEditIsListedWithTheFieldsItChanged() throws {
        let form = Self.samples.appendingPathComponent("site-inspection.form.json").path
        XCTAssertEqual(try run(["forms", "import", "--workspace", workspace.path, form]).status, 0)
        XCTAssertEqual(try run(["responses", "import", "--workspace", workspace.path, "site-inspection",
                                Self.samples.appendingPathComponent("site-inspection.csv").path]).status, 0)
        let services = try LiveServices.services(try WorkspaceOptions.parse(["--workspace", workspace.path]))
        let responses = try XCTUnwrap(services.responses)
        let id = try XCTUnwrap(try responses.index(ResponseQuery(formID: "site-inspection")).ids.first)
        let detail = try responses.read(id)
        var answers = detail.answers
        answers["inspector"] = .string("Grace Hopper")
        XCTAssertEqual(try responses.save(id, answers: answers, expectedRevision: detail.revision), detail.revision + 1)

        let versions = try responses.revisions(id)
        XCTAssertEqual(versions.map(\.revision), [1, 2])
        XCTAssertEqual(versions.last?.answers["inspector"], .string("Grace Hopper"))
        XCTAssertEqual(versions.first?.answers, detail.answers)
        XCTAssertEqual(ResponseDiff.changedPaths(versions[0].answers, versions[1].answers), ["inspector"])
        XCTAssertThrowsError(try responses.revisions(999_999)) { error in
            XCTAssertEqual(error as? ResponseServiceError, .notFound(999_999))
        }
    }
}
