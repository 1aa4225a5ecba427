import Connectors
import Foundation
import HTTPTestSupport

/// A fake Microsoft Graph drive: simple uploads, upload sessions with `nextExpectedRanges`,
/// downloads and PDF conversion answered with 302 to a second server that refuses bearer
/// tokens, conflict behaviours, and scripted throttling and failures.
public final class FakeGraph: @unchecked Sendable {
    public struct Session {
        public var path: String
        public var conflict: String
        public var received = Data()
    }

    public struct State {
        public var files: [String: Data] = [:]
        public var sessions: [String: Session] = [:]
        public var throttleNext = 0
        public var retryAfter = "1"
        /// 429, or 503 as SharePoint/OneDrive also send with Retry-After.
        public var throttleStatus = 429
        /// Fragment numbers (counted across the fake's life) answered with 500.
        public var failFragments: Set<Int> = []
        /// Fragment numbers of which only the first half is kept (answered 202 with the real next range).
        public var truncateFragments: Set<Int> = []
        public var fragments = 0
        public var fragmentRanges: [String] = []
        public var downloadAuthorization: [String?] = []
    }

    public let state = Locked(State())
    public private(set) var server: LoopbackServer!
    public private(set) var downloads: LoopbackServer!
    public let token = "graph-token"

    public init() throws {
        downloads = try LoopbackServer { [unowned self] request in self.serveDownload(request) }
        server = try LoopbackServer { [unowned self] request in self.handle(request) }
    }

    public var baseURL: String { server.url("/v1.0").absoluteString }

    private func handle(_ request: LoopbackRequest) -> LoopbackResponse {
        if request.path.hasPrefix("/upload/") { return fragment(request) }
        guard request.header("Authorization") == "Bearer \(token)" else { return error(401, "InvalidAuthenticationToken", "Access token is empty.") }
        let throttled = state.update { state -> (String, Int)? in
            guard state.throttleNext > 0 else { return nil }
            state.throttleNext -= 1
            return (state.retryAfter, state.throttleStatus)
        }
        if let (wait, status) = throttled {
            return jsonResponse(status, ["error": ["code": "activityLimitReached", "message": "throttled"]], headers: [("Retry-After", wait)])
        }
        let decoded = request.decodedPath
        let prefix = "/v1.0/me/drive/root:"
        guard decoded.hasPrefix(prefix) else { return error(404, "itemNotFound", "no such route") }
        let rest = String(decoded.dropFirst(prefix.count))
        if rest.hasSuffix(":/content") {
            let path = String(rest.dropLast(9))
            return request.method == "PUT" ? put(path, request) : get(path, pdf: request.decodedQuery["format"] == "pdf")
        }
        if rest.hasSuffix(":/createUploadSession"), request.method == "POST" {
            return createSession(String(rest.dropLast(21)), request)
        }
        return error(404, "itemNotFound", "no such route")
    }

    public func error(_ status: Int, _ code: String, _ message: String) -> LoopbackResponse {
        jsonResponse(status, ["error": ["code": code, "message": message, "innerError": ["request-id": "req-1"]]])
    }

    private func item(_ path: String, _ data: Data) -> [String: Any] {
        let name = String(path.split(separator: "/").last ?? "")
        return ["id": "id-\(abs(path.hashValue))", "name": name, "size": data.count, "eTag": "\"e1\"", "webUrl": "https://onedrive.example\(path)"]
    }

    /// Where a new file goes under a conflict behaviour, or nil when `fail` meets a taken name.
    private func destination(_ path: String, conflict: String) -> String? {
        let taken = state.read { $0.files[path] != nil }
        guard taken else { return path }
        switch conflict {
        case "fail": return nil
        case "replace": return path
        default:
            let dot = path.lastIndex(of: ".") ?? path.endIndex
            return path[..<dot] + " 1" + path[dot...]
        }
    }

    private func put(_ path: String, _ request: LoopbackRequest) -> LoopbackResponse {
        let conflict = request.decodedQuery["@microsoft.graph.conflictBehavior"] ?? "fail"
        let existed = state.read { $0.files[path] != nil }
        guard let target = destination(path, conflict: conflict) else { return error(409, "nameAlreadyExists", "The specified item name already exists.") }
        state.update { $0.files[target] = request.body }
        return jsonResponse(existed && target == path ? 200 : 201, item(target, request.body))
    }

    private func get(_ path: String, pdf: Bool) -> LoopbackResponse {
        guard state.read({ $0.files[path] != nil }) else { return error(404, "itemNotFound", "The resource could not be found.") }
        let location = downloads.url("/dl?path=\(FormBody.escape(path))\(pdf ? "&format=pdf" : "")").absoluteString
        return LoopbackResponse(status: 302, headers: [("Location", location)], steps: [])
    }

    private func serveDownload(_ request: LoopbackRequest) -> LoopbackResponse {
        state.update { $0.downloadAuthorization.append(request.header("Authorization")) }
        // The pre-authenticated URL must not receive the bearer token.
        if request.header("Authorization") != nil { return error(401, "unauthenticated", "bearer token sent to a pre-authenticated URL") }
        let path = request.decodedQuery["path"] ?? ""
        guard let data = state.read({ $0.files[path] }) else { return error(404, "itemNotFound", "gone") }
        let body = request.decodedQuery["format"] == "pdf" ? Data("%PDF-1.7\n% converted from \(path)\n".utf8) + data.prefix(16) : data
        return LoopbackResponse(status: 200, headers: [("Content-Type", "application/octet-stream")], steps: [.send(body)])
    }

    private func createSession(_ path: String, _ request: LoopbackRequest) -> LoopbackResponse {
        let item = (request.jsonBody?["item"] as? [String: Any]) ?? [:]
        let conflict = (item["@microsoft.graph.conflictBehavior"] as? String) ?? "fail"
        let id = "s\(state.read { $0.sessions.count + 1 })"
        state.update { $0.sessions[id] = Session(path: path, conflict: conflict) }
        return jsonResponse(200, ["uploadUrl": server.url("/upload/\(id)").absoluteString, "expirationDateTime": "2026-11-28T00:00:00Z"])
    }

    private func fragment(_ request: LoopbackRequest) -> LoopbackResponse {
        if request.header("Authorization") != nil { return error(401, "unauthenticated", "no Authorization header on upload URLs") }
        let id = String(request.path.dropFirst("/upload/".count))
        guard var session = state.read({ $0.sessions[id] }) else { return error(404, "itemNotFound", "no such session") }
        if request.method == "GET" { return jsonResponse(200, ["nextExpectedRanges": ["\(session.received.count)-"]]) }
        if request.method == "DELETE" {
            state.update { _ = $0.sessions.removeValue(forKey: id) }
            return LoopbackResponse(status: 204)
        }
        let (number, fail, truncate) = state.update { state -> (Int, Bool, Bool) in
            state.fragments += 1
            return (state.fragments, state.failFragments.contains(state.fragments), state.truncateFragments.contains(state.fragments))
        }
        _ = number
        if fail { return error(500, "generalException", "fragment lost") }
        let header = request.header("Content-Range") ?? ""
        state.update { $0.fragmentRanges.append(header) }
        let numbers = header.dropFirst(6).split(whereSeparator: { $0 == "-" || $0 == "/" }).compactMap { Int($0) }
        guard numbers.count == 3, numbers[0] == session.received.count, numbers[1] - numbers[0] + 1 == request.body.count else {
            return error(416, "invalidRange", "expected bytes from \(session.received.count)")
        }
        let isLast = numbers[1] + 1 == numbers[2]
        if !isLast && request.body.count % 327_680 != 0 { return error(400, "invalidRequest", "fragment not a multiple of 320 KiB") }
        session.received += truncate ? request.body.prefix(request.body.count / 2) : request.body
        state.update { $0.sessions[id] = session }
        if session.received.count < numbers[2] {
            return jsonResponse(202, ["expirationDateTime": "2026-11-28T00:00:00Z", "nextExpectedRanges": ["\(session.received.count)-"]])
        }
        guard let target = destination(session.path, conflict: session.conflict) else {
            return error(409, "nameAlreadyExists", "The specified item name already exists.")
        }
        state.update { $0.files[target] = session.received }
        return jsonResponse(201, item(target, session.received))
    }
}
