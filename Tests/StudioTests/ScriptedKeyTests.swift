import FormCore
import Studio
import TUIKit
import TUITesting
import XCTest

final class ScriptedKeyTests: XCTestCase {
    func testOpensBuilderAndShowsPanes() throws {
        let (driver, _) = try Fixtures.builder()
        print(driver.screen)
        XCTAssertEqual(driver.state.screen, .builder)
        XCTAssertTrue(driver.shows("Subscribe?"))
        XCTAssertTrue(driver.shows("Properties"))
    }
}
