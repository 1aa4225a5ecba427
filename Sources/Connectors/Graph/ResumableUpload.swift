import Crypto
import Foundation

/// Upload sessions saved between runs, so a large upload cut off by a crash or a dropped
/// network resumes where the server stopped instead of starting over. One small JSON file per
/// destination and content in `<workspace>/uploads/`.
public struct UploadSessionStore: Sendable {
    /// The folder holding the files.
    public let directory: URL

    /// A store in `directory`, created on the first save.
    public init(directory: URL) {
        self.directory = directory
    }

    /// The saved session for an upload, if any.
    public func load(_ key: String) -> UploadSession? {
        guard let data = FileManager.default.contents(atPath: file(key).path) else { return nil }
        return try? JSONDecoder().decode(UploadSession.self, from: data)
    }

    /// Saves a session (owner-only: the upload URL is a credential for this one file).
    public func save(_ session: UploadSession, key: String) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        try JSONEncoder().encode(session).write(to: file(key), options: .atomic)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file(key).path)
    }

    /// Forgets a session.
    public func delete(_ key: String) {
        try? FileManager.default.removeItem(at: file(key))
    }

    /// The key of an upload: its destination and a hash of its bytes, so a changed file never
    /// resumes the session of an older one.
    public static func key(path: String, data: Data) -> String {
        let digest = SHA256.hash(data: Data(path.utf8) + data)
        return digest.prefix(16).map { String(format: "%02x", $0) }.joined()
    }

    private func file(_ key: String) -> URL {
        directory.appendingPathComponent("\(key).json")
    }
}

extension GraphClient {
    /// Uploads like `upload(_:folder:name:conflict:)`, but a large file's session is saved in
    /// `sessions` until it completes: a later call with the same file and destination resumes it
    /// from the server's next expected byte.
    public func upload(_ data: Data, folder: String, name: String, conflict: ConflictBehavior, sessions: UploadSessionStore) throws -> DriveItem {
        let path = DrivePath.join(folder: folder, name: name)
        guard data.count > Self.simpleUploadLimit else { return try simpleUpload(data, path: path, conflict: conflict) }
        let key = UploadSessionStore.key(path: path, data: data)
        var session: UploadSession
        if let saved = sessions.load(key), let next = try? status(saved.uploadURL) {
            session = saved
            session.nextOffset = next
        } else {
            session = try createSession(path: path, name: name, conflict: conflict)
            try sessions.save(session, key: key)
        }
        let item = try resume(session, data: data)
        sessions.delete(key)
        return item
    }
}
