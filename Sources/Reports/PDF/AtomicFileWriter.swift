import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Errors raised while writing an output file.
public enum OutputError: Error, Equatable, CustomStringConvertible {
    /// The temporary file could not be created.
    case cannotCreate(path: String, errno: Int32)
    /// A write, flush or sync failed.
    case writeFailed(path: String, errno: Int32)
    /// The finished file could not be moved into place.
    case renameFailed(path: String, errno: Int32)
    /// The writer was used after `commit()` or `discard()`.
    case closed

    /// A one-line explanation.
    public var description: String {
        switch self {
        case let .cannotCreate(path, code): return "cannot create \(path): \(String(cString: strerror(code)))"
        case let .writeFailed(path, code): return "cannot write \(path): \(String(cString: strerror(code)))"
        case let .renameFailed(path, code): return "cannot move output into \(path): \(String(cString: strerror(code)))"
        case .closed: return "output already closed"
        }
    }
}

/// A destination for bytes that knows how many it has received (PDF needs byte offsets).
public protocol ByteSink: AnyObject {
    /// Total bytes written so far.
    var bytesWritten: Int { get }
    /// Appends bytes.
    func write(_ bytes: UnsafeRawBufferPointer) throws
}

extension ByteSink {
    /// Appends the contents of an array.
    public func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBytes { try write($0) }
    }
}

/// Collects bytes in memory; for tests and small outputs.
public final class MemorySink: ByteSink {
    /// Everything written so far.
    public private(set) var data: [UInt8] = []

    /// Creates an empty sink.
    public init() {}

    /// Total bytes written so far.
    public var bytesWritten: Int { data.count }

    /// Appends bytes.
    public func write(_ bytes: UnsafeRawBufferPointer) throws { data.append(contentsOf: bytes) }
}

/// Writes a file atomically: bytes go to a temporary file in the same directory, which is
/// flushed, fsync'ed and renamed over the destination only on `commit()`. Readers therefore
/// see either the old file or the complete new one, never a half-written report.
public final class AtomicFileWriter: ByteSink {
    /// The final destination.
    public let destination: URL
    private let temporaryPath: String
    private var file: UnsafeMutablePointer<FILE>?
    /// Total bytes written so far.
    public private(set) var bytesWritten = 0

    /// Opens a temporary file next to `destination`.
    public init(destination: URL) throws {
        self.destination = destination
        let directory = destination.deletingLastPathComponent().path
        let name = ".\(destination.lastPathComponent).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        temporaryPath = (directory.isEmpty ? "." : directory) + "/" + name
        guard let handle = fopen(temporaryPath, "wb") else {
            throw OutputError.cannotCreate(path: temporaryPath, errno: errno)
        }
        // A large stdio buffer turns many small page writes into few system calls.
        setvbuf(handle, nil, _IOFBF, 1 << 20)
        file = handle
    }

    deinit { discard() }

    /// Appends bytes to the temporary file.
    public func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard let file else { throw OutputError.closed }
        guard bytes.count > 0 else { return }
        let written = fwrite(bytes.baseAddress, 1, bytes.count, file)
        guard written == bytes.count else { throw OutputError.writeFailed(path: temporaryPath, errno: errno) }
        bytesWritten += bytes.count
    }

    /// Flushes, syncs and renames the temporary file onto the destination.
    public func commit() throws {
        guard let handle = file else { throw OutputError.closed }
        file = nil
        let flushFailed = fflush(handle) != 0 || fsync(fileno(handle)) != 0
        let code = errno
        let closeFailed = fclose(handle) != 0
        if flushFailed || closeFailed {
            unlink(temporaryPath)
            throw OutputError.writeFailed(path: temporaryPath, errno: flushFailed ? code : errno)
        }
        guard rename(temporaryPath, destination.path) == 0 else {
            let renameCode = errno
            unlink(temporaryPath)
            throw OutputError.renameFailed(path: destination.path, errno: renameCode)
        }
        syncDirectory()
    }

    /// Makes the rename itself durable. Best effort: some file systems refuse to sync a
    /// directory, and the file's own data is already on disk by then.
    private func syncDirectory() {
        let directory = destination.deletingLastPathComponent().path
        let descriptor = open(directory.isEmpty ? "." : directory, O_RDONLY)
        guard descriptor >= 0 else { return }
        _ = fsync(descriptor)
        close(descriptor)
    }

    /// Abandons the output: closes and deletes the temporary file. Safe to call twice.
    public func discard() {
        guard let handle = file else { return }
        file = nil
        fclose(handle)
        unlink(temporaryPath)
    }
}
