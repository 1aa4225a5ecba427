import Foundation

/// The usage ledger as an append-only JSON Lines file (`ai-usage.jsonl` in the workspace). Each
/// record is one `write` of a whole line followed by `fsync`, so a crash loses at most the
/// record being written and never corrupts earlier ones; unreadable lines are skipped on read.
public final class JSONLinesUsageLedger: UsageLedger, @unchecked Sendable {
    /// The file's path.
    public let path: String
    private let lock = NSLock()

    /// A ledger at `path` (created with mode 0600 on the first record).
    public init(path: String) {
        self.path = path
    }

    /// Appends a record and syncs it to disk.
    public func record(_ entry: UsageRecord) throws {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        var line = try encoder.encode(entry)
        line.append(UInt8(ascii: "\n"))
        lock.lock()
        defer { lock.unlock() }
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw LedgerError.cannotOpen(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        let written = line.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard written == line.count, fsync(fd) == 0 else { throw LedgerError.cannotWrite(path: path, reason: String(cString: strerror(errno))) }
    }

    /// Every readable record at or after `since`.
    public func records(since: Date?) throws -> [UsageRecord] {
        lock.lock()
        let data = FileManager.default.contents(atPath: path)
        lock.unlock()
        guard let data else { return [] }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return data.split(separator: UInt8(ascii: "\n")).compactMap { line in
            guard let record = try? decoder.decode(UsageRecord.self, from: Data(line)) else { return nil }
            return since.map { record.date >= $0 } ?? true ? record : nil
        }
    }
}

/// The ledger file could not be written.
public enum LedgerError: Error, Equatable, CustomStringConvertible {
    /// Opening failed.
    case cannotOpen(path: String, reason: String)
    /// Writing or syncing failed.
    case cannotWrite(path: String, reason: String)

    /// One line.
    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason): return "cannot open usage ledger \(path): \(reason)"
        case .cannotWrite(let path, let reason): return "cannot write usage ledger \(path): \(reason)"
        }
    }
}
