@testable import formwork
import Foundation
@testable import JobQueue
import Studio
import TUITesting
import XCTest

/// The studio's in-process worker keeps the errors it recovers from (the terminal is in
/// curses mode meanwhile) and prints each distinct one after the studio exits.
final class StudioWorkerTests: CLITestCase {
    var workspace: URL { directory.appendingPathComponent("ws") }

    func testStoreErrorsAreKeptAndPrintedOnceAfterStop() throws {
        let options = try WorkspaceOptions.parse(["--workspace", workspace.path])
        let services = try LiveServices.services(options)
        let live = try XCTUnwrap(services.jobs as? LiveJobService)
        let worker = try XCTUnwrap(try StudioWorker.start(services: services, workspace: options))
        // Break the table the pool re-reads for paused queues: every refresh now fails in the store.
        try live.store.write { try $0.execute(sql: "DROP TABLE job_queue_state") }
        let deadline = Date().addingTimeInterval(30)
        while worker.keptErrors.isEmpty, Date() < deadline { usleep(20_000) }
        var printed: [String] = []
        let lines = worker.stop { printed.append($0) }
        XCTAssertEqual(printed, lines)
        XCTAssertFalse(printed.isEmpty, "the store error was kept")
        XCTAssertEqual(Set(printed).count, printed.count, "a recurring error is printed once: \(printed)")
        XCTAssertTrue(printed.allSatisfy { $0.hasPrefix("worker: ") }, "\(printed)")
        XCTAssertTrue(printed.contains { $0.contains("no such table: job_queue_state") }, "\(printed)")
    }

    func testNoWorkerWithoutAJobQueue() throws {
        let options = try WorkspaceOptions.parse(["--workspace", workspace.path])
        let services = StudioServices(forms: InMemoryFormRepository())
        XCTAssertNil(try StudioWorker.start(services: services, workspace: options))
    }
}
