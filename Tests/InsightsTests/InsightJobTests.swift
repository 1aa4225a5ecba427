import Foundation
import HTTP
@testable import Insights
import XCTest

final class InsightJobTests: XCTestCase {
    func testArgumentsRoundTripAndRunProducesSectionInsights() throws {
        let table = Fixture.table()
        let data = try InsightJob.arguments(for: table, provider: "openai")
        let arguments = try InsightJob.decodeArguments(data)
        XCTAssertEqual(arguments, InsightJob.Arguments(table: table, provider: "openai"))
        let result = try InsightJob.run(arguments: arguments, engine: InsightEngine(router: nil), cancellation: nil)
        let insights = try InsightJob.decodeResult(result)
        XCTAssertEqual(insights.section, "satisfaction")
        XCTAssertTrue(insights.paragraphs.allSatisfy { $0.source.isLocal })
        XCTAssertEqual(InsightJob.kind, "insight")
        XCTAssertEqual(InsightJob.queue, "ai")
        XCTAssertEqual(InsightJob.cacheVersion(), "insights-v1")
    }

    func testCancelledJobThrowsAndLinkedTokensFollowTheirCondition() {
        let flag = LockedFlag()
        let token = CancellationToken(linkedTo: { flag.value })
        XCTAssertFalse(token.isCancelled)
        flag.set()
        XCTAssertTrue(token.isCancelled)
        XCTAssertThrowsError(try InsightJob.run(arguments: InsightJob.Arguments(table: Fixture.table()), engine: InsightEngine(router: nil), cancellation: token)) {
            XCTAssertEqual($0 as? RouterError, .cancelled)
        }
        XCTAssertThrowsError(try InsightJob.decodeArguments(Data("{}".utf8)))
    }
}

/// A thread-safe flag.
final class LockedFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var flag = false

    var value: Bool {
        lock.lock()
        defer { lock.unlock() }
        return flag
    }

    func set() {
        lock.lock()
        flag = true
        lock.unlock()
    }
}
