import FormCore
import Foundation
import Studio
import TUIKit
import TUITesting
import XCTest

final class FormsScreenTests: XCTestCase {
    func testEmptyWorkspaceInvitesToCreate() {
        let driver = StudioDriver(repository: InMemoryFormRepository())
        XCTAssertTrue(driver.shows("No forms yet"))
    }

    func testNewFormOpensTheBuilder() throws {
        let repository = InMemoryFormRepository()
        let driver = StudioDriver(repository: repository)
        try driver.press("n")
        driver.type("Customer survey")
        try driver.press("enter")
        XCTAssertEqual(driver.state.screen, .builder)
        XCTAssertEqual(driver.form?.id, "customer-survey")
        XCTAssertTrue(driver.shows("Empty form"))
        XCTAssertNotNil(repository.storedDraft("customer-survey"))
        try driver.press("a enter")
        XCTAssertEqual(driver.form?.pages[0].fields.first?.type, .shortText)
        driver.tick(3)
        XCTAssertEqual(repository.storedDraft("customer-survey")?.pages[0].fields.count, 1, "autosaved")
        XCTAssertTrue(driver.shows("saved"))
        try driver.press("P")
        XCTAssertEqual(repository.publishedVersions("customer-survey").count, 1)
        XCTAssertTrue(driver.shows("published version 1"))
        try driver.press("q")
        XCTAssertEqual(driver.state.screen, .forms)
        XCTAssertTrue(driver.shows("published"))
    }

    func testRenameDuplicateDeleteAndFilter() throws {
        let repository = InMemoryFormRepository(forms: [Fixtures.contact])
        repository.setResponseCount(12, for: "contact")
        let driver = StudioDriver(repository: repository)
        XCTAssertTrue(driver.shows("12"))
        try driver.press("r ctrl+u")
        driver.type("Contacts")
        try driver.press("enter")
        XCTAssertTrue(driver.shows("Contacts"))
        try driver.press("y ctrl+u")
        driver.type("Copy")
        try driver.press("enter")
        XCTAssertTrue(driver.shows("copy"))
        try driver.press("/")
        driver.type("cop")
        try driver.press("enter")
        XCTAssertTrue(driver.shows("Copy"))
        XCTAssertFalse(driver.shows("Contacts"))
        try driver.press("d")
        XCTAssertTrue(driver.shows("Delete \"Copy\""))
        try driver.press("left enter")
        XCTAssertEqual(try repository.list().map(\.id), ["contact"])
        try driver.press("esc")
        XCTAssertTrue(driver.shows("Contacts"))
        try driver.press("d")
        XCTAssertTrue(driver.shows("its 12 responses"))
    }

    func testImportReportsErrorsAndImports() throws {
        let repository = InMemoryFormRepository()
        let driver = StudioDriver(repository: repository)
        try driver.press("i")
        driver.type("/nonexistent/x.form.json")
        try driver.press("enter")
        XCTAssertEqual(driver.state.toast?.kind, .error)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("studio-import-\(UUID().uuidString).form.json")
        try FormFile.encode(Fixtures.contact).write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        try driver.press("i")
        driver.send(.paste(url.path))
        try driver.press("enter")
        XCTAssertTrue(driver.shows("imported contact"))
        XCTAssertTrue(driver.shows("Contact"))
    }

    func testSaveConflictIsReported() throws {
        let (driver, repository) = try Fixtures.builder()
        _ = try repository.saveDraft(Fixtures.contact, expectedRevision: 1)
        try driver.press("ctrl+j ctrl+s")
        XCTAssertTrue(driver.shows("changed elsewhere"))
        XCTAssertTrue(driver.shows("unsaved"))
    }
}
