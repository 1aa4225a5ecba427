import Foundation

/// A OneDrive file as Graph describes it.
public struct DriveItem: Equatable, Sendable {
    /// The item id.
    public var id: String
    /// The file name (after any conflict rename).
    public var name: String
    /// The size in bytes.
    public var size: Int
    /// The address to open it in a browser.
    public var webURL: String?
    /// The entity tag, for `If-Match`.
    public var eTag: String?

    init(json object: [String: Any]) throws {
        guard let id = object["id"] as? String else {
            throw ConnectorError.badResponse(service: GraphClient.service, detail: "the driveItem has no id")
        }
        self.id = id
        name = (object["name"] as? String) ?? ""
        size = (object["size"] as? Int) ?? 0
        webURL = object["webUrl"] as? String
        eTag = object["eTag"] as? String
    }
}

/// What happens when the upload's name is taken.
public enum ConflictBehavior: String, CaseIterable, Sendable {
    /// Keep both: OneDrive renames the new file.
    case rename
    /// Overwrite the existing file.
    case replace
    /// Refuse with 409 `nameAlreadyExists`.
    case fail
}

/// An upload session in progress: where to send the bytes, and what the server still needs.
public struct UploadSession: Codable, Equatable, Sendable {
    /// The pre-authenticated URL the fragments go to (no bearer token).
    public var uploadURL: URL
    /// The next byte the server expects.
    public var nextOffset: Int
}

/// OneDrive paths in Graph's `root:/path:` addressing.
enum DrivePath {
    /// `/Reports/Q4 2026.docx` → `/Reports/Q4%202026.docx`, each segment escaped.
    static func encode(_ path: String) -> String {
        let segments = path.split(separator: "/").map { FormBody.escape(String($0)) }
        return "/" + segments.joined(separator: "/")
    }

    /// The item address for a path (`/me/drive/root:/a/b.docx:`).
    static func item(_ path: String) -> String {
        "/me/drive/root:\(encode(path)):"
    }

    /// A folder and a file name joined; a folder ending in `/` takes the file's own name.
    static func join(folder: String, name: String) -> String {
        let trimmed = folder.split(separator: "/").joined(separator: "/")
        return trimmed.isEmpty ? "/" + name : "/" + trimmed + "/" + name
    }

    /// The first byte offset in a `nextExpectedRanges` list (`["26-"]`, `["0-25", "60-"]`).
    static func firstExpected(_ ranges: [String]) -> Int? {
        ranges.compactMap { Int($0.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false).first ?? "") }.min()
    }
}
