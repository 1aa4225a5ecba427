@testable import formwork
import FormCore
import Studio
import XCTest

/// `LiveFillService` over a real workspace: the newest published version, one draft updated in
/// place, validation before storing, the draft turned into the submitted response.
final class LiveFillServiceTests: CLITestCase {
    var workspace: String { directory.appendingPathComponent("ws").path }

    func service() throws -> FillService {
        let options = try WorkspaceOptions.parse(["--workspace", workspace])
        return try XCTUnwrap(try LiveServices.services(options).fill)
    }

    func testDraftsThenProblemsThenTheStoredResponse() throws {
        XCTAssertEqual(try run(["forms", "import", sample("customer-survey.form.json"), "--workspace", workspace]).status, 0)
        XCTAssertEqual(try run(["forms", "publish", "customer-survey", "--workspace", workspace]).status, 0)
        let fill = try service()
        var session = try fill.open("customer-survey")
        XCTAssertEqual(session.version, 2)
        XCTAssertNil(session.draft)

        let id = try fill.saveDraft(formID: "customer-survey", version: 2, draftID: nil, answers: Answers(values: ["product": .string("api")]))
        let answers = Answers(values: ["product": .string("api"), "nps": .number(10)])
        XCTAssertEqual(try fill.saveDraft(formID: "customer-survey", version: 2, draftID: id, answers: answers), id)
        session = try fill.open("customer-survey")
        XCTAssertEqual(session.draft?.id, id)
        XCTAssertEqual(session.draft?.answers.values["nps"], .number(10))

        guard case .problems(let problems) = try fill.submit(formID: "customer-survey", version: 2, draftID: id,
                                                             answers: Answers(values: ["product": .string("api")])) else {
            return XCTFail("a missing score must be refused")
        }
        XCTAssertEqual(problems.map(\.path), ["nps"])
        XCTAssertEqual(try fill.submit(formID: "customer-survey", version: 2, draftID: id, answers: answers), .stored(id))
        XCTAssertNil(try fill.open("customer-survey").draft, "the draft became the response")

        let listed = try run(["responses", "list", "customer-survey", "--status", "submitted", "--json", "--workspace", workspace])
        XCTAssertTrue(listed.stdout.contains("\"nps\": 10"), listed.stdout)
    }

    func testUnknownAndUnpublishedFormsAreNamed() throws {
        let fill = try service()
        XCTAssertThrowsError(try fill.open("nope")) { error in
            XCTAssertEqual(error as? FillServiceError, .notFound("nope"))
        }
        XCTAssertEqual(try run(["forms", "import", sample("site-inspection.form.json"), "--workspace", workspace]).status, 0)
        XCTAssertThrowsError(try fill.saveDraft(formID: "site-inspection", version: 1, draftID: 999, answers: Answers())) { error in
            guard case .failed? = error as? FillServiceError else { return XCTFail("\(error)") }
        }
    }
}
