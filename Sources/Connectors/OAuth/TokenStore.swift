#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Stored sign-ins, one JSON file per provider and account in a folder only the owner can
/// read (0700), each file 0600. Files are written to a temporary name and renamed, so a crash
/// never leaves half a token behind.
public struct TokenStore: Sendable {
    /// The folder holding the files (`<workspace>/credentials`).
    public let directory: URL

    /// A store in `directory`; nothing is created until the first save.
    public init(directory: URL) {
        self.directory = directory
    }

    /// Saves (or replaces) a credential.
    public func save(_ credential: StoredCredential) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        let data = try encoder.encode(credential)
        let target = file(credential.provider, credential.account)
        let temporary = directory.appendingPathComponent(".\(target.lastPathComponent).\(getpid()).tmp")
        // Create the file with 0600 before any secret is written to it.
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { throw ConnectorError.invalidInput("cannot write \(temporary.path): \(String(cString: strerror(errno)))") }
        let written = data.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        fsync(fd)
        close(fd)
        guard written == data.count, rename(temporary.path, target.path) == 0 else {
            unlink(temporary.path)
            throw ConnectorError.invalidInput("cannot save the credential in \(directory.path)")
        }
    }

    /// The credential for a provider: the named account, or the only one stored.
    public func load(_ provider: ConnectorProvider, account: String? = nil) throws -> StoredCredential? {
        if let account {
            let url = file(provider, account)
            guard FileManager.default.fileExists(atPath: url.path) else { return nil }
            return try read(url)
        }
        return try list().first { $0.provider == provider }
    }

    /// Every stored credential, ordered by provider then account.
    public func list() throws -> [StoredCredential] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return [] }
        return try names.sorted().filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }
            .map { try read(directory.appendingPathComponent($0)) }
    }

    /// Removes a stored credential; returns whether there was one.
    @discardableResult
    public func delete(_ provider: ConnectorProvider, account: String) throws -> Bool {
        let url = file(provider, account)
        guard FileManager.default.fileExists(atPath: url.path) else { return false }
        try FileManager.default.removeItem(at: url)
        return true
    }

    /// The file for an account; the name is reduced to safe characters so an account can
    /// never name a path outside the folder.
    func file(_ provider: ConnectorProvider, _ account: String) -> URL {
        let safe = String(account.map { $0.isLetter || $0.isNumber || "@.-_".contains($0) ? $0 : "_" })
        return directory.appendingPathComponent("\(provider.rawValue)-\(safe.isEmpty ? "default" : safe).json")
    }

    private func read(_ url: URL) throws -> StoredCredential {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do {
            return try decoder.decode(StoredCredential.self, from: Data(contentsOf: url))
        } catch {
            throw ConnectorError.invalidInput("\(url.path) is not a stored sign-in; remove it with `formwork auth logout`")
        }
    }
}
