import Foundation

/// Bytes of a file (or of memory) read in large chunks, one byte at a time for parsers, so
/// that files of any size are read in constant memory.
final class ByteSource {
    private let handle: FileHandle?
    private var chunk: [UInt8]
    private var index = 0
    private static let chunkSize = 1 << 20

    /// Reads the file at `path`.
    init(path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot be read" : "no such file"
            throw WorkspaceError.io(path: path, message: reason)
        }
        self.handle = handle
        self.chunk = []
    }

    /// Reads bytes held in memory.
    init(bytes: [UInt8]) {
        self.handle = nil
        self.chunk = bytes
    }

    deinit { try? handle?.close() }

    /// The next byte, or nil at the end.
    @inline(__always)
    func next() -> UInt8? {
        if index < chunk.count {
            defer { index += 1 }
            return chunk[index]
        }
        guard refill() else { return nil }
        defer { index += 1 }
        return chunk[index]
    }

    /// The next byte without consuming it.
    func peek() -> UInt8? {
        if index < chunk.count { return chunk[index] }
        return refill() ? chunk[index] : nil
    }

    /// Skips a UTF-8 byte-order mark at the very start.
    func skipByteOrderMark() {
        guard peek() == 0xEF, chunk.count - index >= 3, chunk[index + 1] == 0xBB, chunk[index + 2] == 0xBF else { return }
        index += 3
    }

    private func refill() -> Bool {
        guard let handle, let data = try? handle.read(upToCount: Self.chunkSize), !data.isEmpty else { return false }
        chunk = [UInt8](data)
        index = 0
        return true
    }
}
