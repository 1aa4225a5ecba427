import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes files so that readers see either the old content or the new, never a mix: a
/// temporary file in the same directory is written, flushed to disk, and renamed over the
/// target; then the directory is flushed so the rename itself survives a power cut.
public enum AtomicFile {
    /// Replaces the file at `url` with `data`; the file gets `mode` (0600 for files with keys:
    /// the temporary file is 0600 from its creation, so no other user ever sees the content).
    public static func write(_ data: Data, to url: URL, mode: mode_t = 0o644) throws {
        try write(to: url, mode: mode) { sink in try sink.write(data) }
    }

    /// Replaces the file at `url` with what `body` writes to the sink. If `body` throws, the
    /// target is untouched and the temporary file removed.
    public static func write(to url: URL, mode: mode_t = 0o644, _ body: (FileSink) throws -> Void) throws {
        let directory = url.deletingLastPathComponent().path
        var template = Array("\(directory)/.\(url.lastPathComponent).XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw failure(url.path, "cannot create a temporary file in \(directory)") }
        let tempPath = String(cString: template)
        var committed = false
        defer { if !committed { unlink(tempPath) } }
        let sink = FileSink(fd: fd, path: url.path)
        do {
            try body(sink)
            try sink.flush()
            guard fchmod(fd, mode) == 0, fsync(fd) == 0 else { throw failure(url.path, "cannot flush the file to disk") }
        } catch {
            close(fd)
            throw error
        }
        guard close(fd) == 0 else { throw failure(url.path, "cannot close the file") }
        guard rename(tempPath, url.path) == 0 else { throw failure(url.path, "cannot replace the file") }
        committed = true
        syncDirectory(directory)
    }

    /// Flushes a directory entry; some filesystems refuse fsync on directories, which is harmless.
    private static func syncDirectory(_ path: String) {
        let dirFD = open(path, O_RDONLY)
        guard dirFD >= 0 else { return }
        _ = fsync(dirFD)
        close(dirFD)
    }

    /// The error for the current `errno`, with a full disk reported as such.
    static func failure(_ path: String, _ what: String) -> WorkspaceError {
        let code = errno
        if code == ENOSPC || code == EDQUOT { return .diskFull(path: path) }
        return .io(path: path, message: "\(what): \(String(cString: strerror(code)))")
    }
}

/// A buffered writer into a file descriptor, handed to `AtomicFile.write(to:_:)`.
public final class FileSink {
    private let fd: Int32
    private let path: String
    private var buffer: [UInt8] = []
    private static let capacity = 1 << 16

    init(fd: Int32, path: String) {
        self.fd = fd
        self.path = path
        buffer.reserveCapacity(Self.capacity)
    }

    /// Appends UTF-8 text.
    public func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.capacity { try flush() }
    }

    /// Appends bytes.
    public func write(_ data: Data) throws {
        buffer.append(contentsOf: data)
        if buffer.count >= Self.capacity { try flush() }
    }

    /// Writes everything buffered so far to the file.
    func flush() throws {
        var offset = 0
        while offset < buffer.count {
            let written = buffer.withUnsafeBytes { raw in
                systemWrite(fd, raw.baseAddress! + offset, raw.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw AtomicFile.failure(path, "cannot write the file")
            }
            offset += written
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

#if canImport(Glibc)
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
private let systemWrite = Darwin.write
#endif
