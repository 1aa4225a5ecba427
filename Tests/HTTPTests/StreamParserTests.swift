import Foundation
import HTTP
import XCTest

final class StreamParserTests: XCTestCase {
    func testSSEEventsWithNamesIdsCommentsAndMultilineData() {
        var parser = SSEParser()
        let stream = "\u{FEFF}: keep-alive\nevent: message_start\ndata: {\"a\":1}\n\nid: 7\ndata: line one\ndata:line two\n\nretry: 10\n\n"
        let events = parser.feed(Data(stream.utf8)) + parser.finish()
        XCTAssertEqual(events, [
            SSEEvent(event: "message_start", data: "{\"a\":1}"),
            SSEEvent(event: nil, data: "line one\nline two", id: "7"),
        ])
    }

    func testSSEChunksSplitAnywhereIncludingInsideCRLFAndUTF8() {
        let stream = Data("data: caf\u{00E9}\r\n\r\nevent: e\r\ndata: [DONE]\r\n\r\n".utf8)
        for split in 1..<stream.count {
            var parser = SSEParser()
            let events = parser.feed(stream.prefix(split)) + parser.feed(stream.dropFirst(split)) + parser.finish()
            XCTAssertEqual(events, [SSEEvent(data: "caf\u{00E9}"), SSEEvent(event: "e", data: "[DONE]")], "split at \(split)")
        }
    }

    func testSSEBareCarriageReturnsAndFieldWithoutColon() {
        var parser = SSEParser()
        let events = parser.feed(Data("data: a\r\rdata\r\rdata: b\rdata: c\n\n".utf8))
        XCTAssertEqual(events, [SSEEvent(data: "a"), SSEEvent(data: ""), SSEEvent(data: "b\nc")])
    }

    func testSSEOpenEventAtEndOfStreamIsFlushed() {
        var parser = SSEParser()
        XCTAssertEqual(parser.feed(Data("data: {\"x\":1}\n\ndata: {\"last\":true}".utf8)), [SSEEvent(data: "{\"x\":1}")])
        XCTAssertEqual(parser.finish(), [SSEEvent(data: "{\"last\":true}")])
        XCTAssertEqual(parser.finish(), [])
    }

    func testSSEEventWithoutDataIsNotDispatched() {
        var parser = SSEParser()
        XCTAssertEqual(parser.feed(Data("event: ping\n\n".utf8)), [])
    }

    func testNDJSONLinesAcrossChunks() {
        var parser = NDJSONParser()
        var lines = parser.feed(Data("{\"a\":1}\n{\"b\"".utf8))
        lines += parser.feed(Data(":2}\r\n\n  \n{\"c\":3}".utf8))
        lines += parser.finish()
        XCTAssertEqual(lines.map { String(decoding: $0, as: UTF8.self) }, ["{\"a\":1}", "{\"b\":2}", "{\"c\":3}"])
        XCTAssertEqual(parser.finish(), [])
    }
}
