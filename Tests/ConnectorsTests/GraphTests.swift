@testable import Connectors
import ConnectorsTestSupport
import HTTPTestSupport
import Foundation
import HTTP
import XCTest

final class GraphTests: XCTestCase {
    var fake: FakeGraph!
    let clock = FakeClock()
    var graph: GraphClient!

    override func setUpWithError() throws {
        fake = try FakeGraph()
        graph = GraphClient(baseURL: fake.baseURL, sender: testSender("Microsoft Graph", clock: clock), token: { "graph-token" },
                            fragmentSize: 327_680)
    }

    override func tearDown() {
        fake.server.stop()
        fake.downloads.stop()
    }

    private func bytes(_ count: Int) -> Data {
        Data((0..<count).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
    }

    func testSimpleUploadConflictsAndDownloadWithoutBearerOnRedirect() throws {
        let data = bytes(1000)
        let item = try graph.upload(data, folder: "/Reports/", name: "Q4 2026.docx")
        XCTAssertEqual(item.name, "Q4 2026.docx")
        XCTAssertEqual(item.size, 1000)
        XCTAssertTrue(fake.server.requests.last?.target.contains("/root:/Reports/Q4%202026.docx:/content") == true)
        XCTAssertEqual(fake.server.requests.last?.decodedQuery["@microsoft.graph.conflictBehavior"], "rename")

        let renamed = try graph.upload(data, folder: "Reports", name: "Q4 2026.docx", conflict: .rename)
        XCTAssertEqual(renamed.name, "Q4 2026 1.docx")
        XCTAssertThrowsError(try graph.upload(data, folder: "Reports", name: "Q4 2026.docx", conflict: .fail)) { error in
            guard case .api(_, 409, "nameAlreadyExists", _)? = error as? ConnectorError else { return XCTFail("\(error)") }
        }
        _ = try graph.upload(bytes(10), folder: "Reports", name: "Q4 2026.docx", conflict: .replace)

        XCTAssertEqual(try graph.download(path: "/Reports/Q4 2026 1.docx"), data)
        XCTAssertEqual(try graph.download(path: "/Reports/Q4 2026.docx"), bytes(10))
        let pdf = try graph.downloadPDF(path: "/Reports/Q4 2026 1.docx")
        XCTAssertTrue(pdf.starts(with: Data("%PDF-".utf8)))
        XCTAssertEqual(fake.server.requests.last?.decodedQuery["format"], "pdf")
        XCTAssertEqual(fake.state.read(\.downloadAuthorization), [nil, nil, nil])
        XCTAssertThrowsError(try graph.download(path: "/Reports/none.docx")) { error in
            guard case .api(_, 404, "itemNotFound", _)? = error as? ConnectorError else { return XCTFail("\(error)") }
        }
    }

    func testUploadSessionSendsMultiplesOf320KiBWithoutAuthorization() throws {
        let data = bytes(GraphClient.simpleUploadLimit + 100_000)
        let item = try graph.upload(data, folder: "/Reports", name: "big.docx")
        XCTAssertEqual(item.size, data.count)
        XCTAssertEqual(fake.state.read { $0.files["/Reports/big.docx"] }, data)
        let ranges = fake.state.read(\.fragmentRanges)
        XCTAssertEqual(ranges.first, "bytes 0-327679/\(data.count)")
        XCTAssertEqual(ranges.count, (data.count + 327_679) / 327_680)
        let create = try XCTUnwrap(fake.server.requests.first { $0.path.hasSuffix("createUploadSession") }?.jsonBody)
        XCTAssertEqual((create["item"] as? [String: Any])?["name"] as? String, "big.docx")
        for request in fake.server.requests where request.path.hasPrefix("/upload/") {
            XCTAssertNil(request.header("Authorization"))
        }
    }

    func testUploadSessionFollowsNextExpectedRangesAndResumesAfterFailures() throws {
        fake.state.update { state in
            state.truncateFragments = [2]
            state.failFragments = [4]
        }
        let data = bytes(327_680 * 4 + 5)
        let session = try graph.createSession(path: "/Reports/r.docx", name: "r.docx", conflict: .fail)
        let item = try graph.resume(session, data: data)
        XCTAssertEqual(item.size, data.count)
        XCTAssertEqual(fake.state.read { $0.files["/Reports/r.docx"] }, data)
        let ranges = fake.state.read(\.fragmentRanges)
        // Fragment 2 was half kept, so the third fragment restarts from its middle.
        XCTAssertEqual(ranges[2], "bytes \(327_680 + 163_840)-\(327_680 + 163_840 + 327_679)/\(data.count)")
        XCTAssertTrue(fake.server.requests.contains { $0.method == "GET" && $0.path.hasPrefix("/upload/") })
    }

    func testDuplicateRangeAnswered416IsResumedFromTheServersOffset() throws {
        let data = bytes(327_680 + 10)
        let session = try graph.createSession(path: "/r2.docx", name: "r2.docx", conflict: .rename)
        // The server already holds the first fragment (sent before a crash); we start again at 0.
        fake.state.update { $0.sessions["s1"]?.received = data.prefix(327_680) }
        XCTAssertEqual(try graph.status(session.uploadURL), 327_680)
        let item = try graph.resume(session, data: data)
        XCTAssertEqual(item.size, data.count)
        XCTAssertEqual(fake.state.read(\.fragmentRanges), ["bytes 0-327679/\(data.count)", "bytes 327680-327689/\(data.count)"])
    }

    func testNameConflictAtCommitAndCancel() throws {
        _ = try graph.upload(bytes(10), folder: "/", name: "taken.docx")
        let session = try graph.createSession(path: "/taken.docx", name: "taken.docx", conflict: .fail)
        XCTAssertThrowsError(try graph.resume(session, data: bytes(20))) { error in
            guard case .api(_, 409, "nameAlreadyExists", _)? = error as? ConnectorError else { return XCTFail("\(error)") }
        }
        try graph.cancel(session.uploadURL)
        XCTAssertThrowsError(try graph.status(session.uploadURL))
    }

    func testThrottlingHonoursRetryAfter() throws {
        fake.state.update { state in
            state.throttleNext = 2
            state.retryAfter = "7"
        }
        _ = try graph.upload(bytes(5), folder: "/", name: "t.docx")
        XCTAssertEqual(clock.sleeps, [7, 7])
        fake.state.update { state in
            state.throttleNext = 1
            state.throttleStatus = 503
            state.retryAfter = "3"
        }
        XCTAssertEqual(try graph.download(path: "/t.docx"), bytes(5))
        XCTAssertEqual(clock.sleeps, [7, 7, 3])
    }

    func testDrivePaths() {
        XCTAssertEqual(DrivePath.join(folder: "Reports/", name: "a.docx"), "/Reports/a.docx")
        XCTAssertEqual(DrivePath.join(folder: "/", name: "a.docx"), "/a.docx")
        XCTAssertEqual(DrivePath.join(folder: "/a//b/", name: "c.docx"), "/a/b/c.docx")
        XCTAssertEqual(DrivePath.firstExpected(["12-55", "77-"]), 12)
        XCTAssertNil(DrivePath.firstExpected([]))
        XCTAssertEqual(GraphClient(baseURL: "x", sender: testSender("g", clock: clock), token: { "" }, fragmentSize: 400_000).fragmentSize, 327_680)
    }
}

final class ResumableUploadTests: XCTestCase {
    func testASavedSessionResumesInALaterRun() throws {
        let fake = try FakeGraph()
        defer {
            fake.server.stop()
            fake.downloads.stop()
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("conn-uploads-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let sessions = UploadSessionStore(directory: directory)
        var graph = GraphClient(baseURL: fake.baseURL, sender: testSender("Microsoft Graph", clock: FakeClock()), token: { "graph-token" },
                                fragmentSize: 327_680 * 4, maxResumes: 1)
        let data = Data((0..<(GraphClient.simpleUploadLimit + 5)).map { UInt8(truncatingIfNeeded: $0) })
        // The first run loses the network after two fragments.
        fake.state.update { $0.failFragments = [3, 4, 5] }
        XCTAssertThrowsError(try graph.upload(data, folder: "/Reports", name: "big.docx", conflict: .rename, sessions: sessions))
        let key = UploadSessionStore.key(path: "/Reports/big.docx", data: data)
        XCTAssertNotNil(sessions.load(key))
        let mode = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: directory.appendingPathComponent("\(key).json").path)[.posixPermissions] as? Int)
        XCTAssertEqual(mode & 0o777, 0o600)

        fake.state.update { $0.failFragments = [] }
        graph.maxResumes = 5
        let item = try graph.upload(data, folder: "/Reports", name: "big.docx", conflict: .rename, sessions: sessions)
        XCTAssertEqual(item.size, data.count)
        XCTAssertEqual(fake.state.read { $0.files["/Reports/big.docx"] }, data)
        // The second run continued at byte 2 × 1280 KiB instead of starting over.
        let ranges = fake.state.read(\.fragmentRanges)
        XCTAssertEqual(ranges[2], "bytes \(327_680 * 8)-\(327_680 * 12 - 1)/\(data.count)")
        XCTAssertEqual(fake.state.read { $0.sessions.count }, 1)
        XCTAssertNil(sessions.load(key))
        // Small files never use a session.
        XCTAssertEqual(try graph.upload(Data("x".utf8), folder: "/", name: "s.txt", conflict: .replace, sessions: sessions).size, 1)
    }
}
