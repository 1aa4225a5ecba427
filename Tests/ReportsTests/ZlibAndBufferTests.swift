import Foundation
import XCTest
@testable import Reports

final class ZlibAndBufferTests: XCTestCase {
    func testRoundTrip() throws {
        var generator = SystemRandomNumberGenerator()
        let random = (0..<100_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let text = Array(String(repeating: "BT /F1 9 Tf 56 700 Td <0001000200030004> Tj ET\n", count: 2000).utf8)
        for input in [random, text, []] {
            let packed = try Zlib.compress(input)
            // RFC 1950 header: CMF 0x78 (deflate, 32K window); PDF readers require it.
            XCTAssertEqual(packed.first, 0x78)
            XCTAssertEqual(try Zlib.decompress(packed), input)
        }
        XCTAssertLessThan(try Zlib.compress(text).count, text.count / 10)
    }

    func testCompressIntoReusesBuffer() throws {
        var output = [UInt8](repeating: 9, count: 10)
        try Zlib.compress(Array("abc".utf8), into: &output)
        XCTAssertEqual(try Zlib.decompress(output), Array("abc".utf8))
    }

    func testDecompressRejectsGarbageTruncationAndOversize() throws {
        XCTAssertThrowsError(try Zlib.decompress([1, 2, 3, 4, 5]))
        let packed = try Zlib.compress(Array(repeating: 65, count: 10_000))
        XCTAssertThrowsError(try Zlib.decompress(Array(packed.prefix(packed.count / 2))))
        XCTAssertThrowsError(try Zlib.decompress(packed, limit: 100)) { error in
            XCTAssertEqual(error as? ZlibError, .outputTooLarge(limit: 100))
        }
        XCTAssertTrue(ZlibError.failed(operation: "inflate", status: -3).description.contains("inflate"))
        XCTAssertTrue(ZlibError.outputTooLarge(limit: 5).description.contains("5"))
    }

    func testNumberFormatting() {
        var buffer = ByteBuffer()
        buffer.append(number: 12.5); buffer.append(UInt8(ascii: " "))
        buffer.append(number: -3); buffer.append(UInt8(ascii: " "))
        buffer.append(number: 0.07); buffer.append(UInt8(ascii: " "))
        buffer.append(number: 595.28); buffer.append(UInt8(ascii: " "))
        buffer.append(number: -0.004); buffer.append(UInt8(ascii: " "))
        buffer.append(number: .nan); buffer.append(UInt8(ascii: " "))
        buffer.append(int: -42); buffer.append(UInt8(ascii: " "))
        buffer.append(int: 1_234_567_890)
        XCTAssertEqual(String(decoding: buffer.bytes, as: UTF8.self), "12.5 -3 0.07 595.28 0 0 -42 1234567890")
    }

    func testHexAndPadding() {
        var buffer = ByteBuffer()
        buffer.append(hex16: 0x0A1F)
        buffer.append(hex8: 0xE9)
        buffer.append(zeroPadded: 4711, width: 10)
        buffer.append(contentsOf: [0x21])
        XCTAssertEqual(String(decoding: buffer.bytes, as: UTF8.self), "0A1FE90000004711!")
        XCTAssertEqual(buffer.count, 17)
        buffer.removeAll()
        XCTAssertEqual(buffer.count, 0)
    }
}
