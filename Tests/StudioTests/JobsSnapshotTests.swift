import Studio
import TUIKit
import TUITesting
import XCTest

/// The Jobs screen as text at 80×24 and 120×40, plus 60×20 where the columns give way
/// (RECORD_SNAPSHOTS=1 re-records).
final class JobsSnapshotTests: XCTestCase {
    static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40), Size(width: 60, height: 20)]

    func each(_ name: String, service: () -> InMemoryJobService = JobsFixtures.service, _ setUp: (StudioDriver) throws -> Void,
              file: StaticString = #filePath, line: UInt = #line) throws {
        for size in JobsSnapshotTests.sizes {
            let driver = JobsFixtures.driver(service(), size: size)
            try setUp(driver)
            assertSnapshot(driver.screen, named: "\(name)-\(size.width)x\(size.height)", group: "Jobs", file: file, line: line)
        }
    }

    func testQueuesAndRunningWithProgress() throws { try each("queues") { _ in } }

    func testJobDetailWithAttempts() throws { try each("detail") { try $0.press("j j enter") } }

    func testEmptyQueue() throws { try each("empty", service: { InMemoryJobService() }) { _ in } }

    func testCancelConfirmation() throws { try each("cancel-confirm") { try $0.press("j c") } }

    func testQueuesFocusedAndPaused() throws { try each("queues-paused") { try $0.press("tab p") } }
}
