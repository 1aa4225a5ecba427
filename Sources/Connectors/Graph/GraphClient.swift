import Foundation
import HTTP

/// Microsoft Graph file calls on the signed-in person's OneDrive: upload (simple, or an
/// upload session for large files), download, and conversion to PDF. Throttled calls (429,
/// 503) wait for `Retry-After`.
public struct GraphClient: Sendable {
    static let service = "Microsoft Graph"
    /// Files up to this size go in one PUT; larger ones use an upload session.
    public static let simpleUploadLimit = 4 << 20
    /// Upload session fragments must be multiples of 320 KiB.
    public static let fragmentUnit = 327_680
    /// The API base, up to and including `/v1.0`.
    public var baseURL: String
    /// Sends the requests, retrying throttled ones.
    public var sender: RetryingSender
    /// Supplies the bearer token.
    public var token: @Sendable () throws -> String
    /// Upload session fragment size: a multiple of 320 KiB (10 × 320 KiB by default).
    public var fragmentSize: Int
    /// How many times an interrupted upload session is resumed before giving up.
    public var maxResumes: Int

    /// A client for the API at `baseURL`.
    public init(baseURL: String, sender: RetryingSender, token: @escaping @Sendable () throws -> String,
                fragmentSize: Int = 10 * 327_680, maxResumes: Int = 5) {
        self.baseURL = baseURL
        self.sender = sender
        self.token = token
        self.fragmentSize = max(1, fragmentSize / Self.fragmentUnit) * Self.fragmentUnit
        self.maxResumes = maxResumes
    }

    /// Uploads `data` as `folder/name`; small files in one PUT, large ones through a session.
    public func upload(_ data: Data, folder: String, name: String, conflict: ConflictBehavior = .rename) throws -> DriveItem {
        let path = DrivePath.join(folder: folder, name: name)
        if data.count <= Self.simpleUploadLimit {
            return try simpleUpload(data, path: path, conflict: conflict)
        }
        let session = try createSession(path: path, name: name, conflict: conflict)
        return try resume(session, data: data)
    }

    /// `PUT /me/drive/root:/path:/content` with the conflict behaviour.
    public func simpleUpload(_ data: Data, path: String, conflict: ConflictBehavior) throws -> DriveItem {
        let url = try Endpoint.join(baseURL, DrivePath.item(path) + "/content?@microsoft.graph.conflictBehavior=\(conflict.rawValue)")
        var request = try authorized(.put, url)
        request.headers.set("Content-Type", "application/octet-stream")
        request.body = data
        return try DriveItem(json: try expectJSON(sender.send(request)))
    }

    /// `POST …:/createUploadSession`; the session starts at byte 0.
    public func createSession(path: String, name: String, conflict: ConflictBehavior) throws -> UploadSession {
        let url = try Endpoint.join(baseURL, DrivePath.item(path) + "/createUploadSession")
        var request = try authorized(.post, url)
        request.headers.set("Content-Type", "application/json")
        request.body = try JSONBody.data(["item": ["@microsoft.graph.conflictBehavior": conflict.rawValue, "name": name]])
        let object = try expectJSON(sender.send(request))
        guard let text = object["uploadUrl"] as? String, let upload = URL(string: text) else {
            throw ConnectorError.badResponse(service: Self.service, detail: "the upload session has no uploadUrl")
        }
        return UploadSession(uploadURL: upload, nextOffset: 0)
    }

    /// Sends `data` from the session's next offset on, fragment by fragment, resuming from
    /// the server's `nextExpectedRanges` after an interruption or a 416.
    public func resume(_ session: UploadSession, data: Data) throws -> DriveItem {
        var offset = session.nextOffset
        var resumes = 0
        while true {
            let end = min(offset + fragmentSize, data.count)
            let outcome: FragmentOutcome
            do {
                outcome = try sendFragment(session.uploadURL, data: data, from: offset, to: end)
            } catch let error as HTTPError {
                guard resumes < maxResumes else { throw error }
                outcome = .interrupted
            }
            switch outcome {
            case .done(let item): return item
            case .next(let next): offset = next
            case .interrupted:
                resumes += 1
                guard resumes <= maxResumes else {
                    throw ConnectorError.badResponse(service: Self.service, detail: "the upload kept failing after \(maxResumes) resumes")
                }
                offset = try status(session.uploadURL)
            }
        }
    }

    /// The next byte an upload session expects (`GET uploadUrl`).
    public func status(_ uploadURL: URL) throws -> Int {
        let object = try expectJSON(sender.send(HTTPRequest(method: .get, url: uploadURL)))
        guard let next = DrivePath.firstExpected((object["nextExpectedRanges"] as? [String]) ?? []) else {
            throw ConnectorError.badResponse(service: Self.service, detail: "the upload session reports no expected range")
        }
        return next
    }

    /// Cancels an upload session (`DELETE uploadUrl`).
    public func cancel(_ uploadURL: URL) throws {
        let response = try sender.send(HTTPRequest(method: .delete, url: uploadURL))
        guard response.head.isSuccess else { throw JSONBody.apiError(response.body, service: Self.service, status: response.status) }
    }

    private enum FragmentOutcome {
        case done(DriveItem)
        case next(Int)
        case interrupted
    }

    private func sendFragment(_ url: URL, data: Data, from start: Int, to end: Int) throws -> FragmentOutcome {
        // No Authorization header: the upload URL is pre-authenticated, and Graph may answer
        // 401 to a bearer token here.
        var headers = HTTPHeaders()
        headers.set("Content-Range", "bytes \(start)-\(end - 1)/\(data.count)")
        headers.set("Content-Type", "application/octet-stream")
        let request = HTTPRequest(method: .put, url: url, headers: headers, body: data.subdata(in: start..<end),
                                  timeouts: HTTPTimeouts(connect: 10, total: 300, idle: 60))
        let response = try sender.send(request)
        switch response.status {
        case 200, 201: return .done(try DriveItem(json: JSONBody.object(response.body, service: Self.service)))
        case 202:
            let object = try JSONBody.object(response.body, service: Self.service)
            return .next(DrivePath.firstExpected((object["nextExpectedRanges"] as? [String]) ?? []) ?? end)
        case 416, 500...599: return .interrupted
        default: throw JSONBody.apiError(response.body, service: Self.service, status: response.status)
        }
    }

    func authorized(_ method: HTTPMethod, _ url: URL) throws -> HTTPRequest {
        var headers = HTTPHeaders()
        headers.set("Authorization", "Bearer \(try token())")
        headers.set("Accept", "application/json")
        return HTTPRequest(method: method, url: url, headers: headers, timeouts: HTTPTimeouts(connect: 10, total: 300, idle: 60))
    }

    func expectJSON(_ response: HTTPResponse) throws -> [String: Any] {
        guard response.head.isSuccess else { throw JSONBody.apiError(response.body, service: Self.service, status: response.status) }
        return try JSONBody.object(response.body, service: Self.service)
    }
}
