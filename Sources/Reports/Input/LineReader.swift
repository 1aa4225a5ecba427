import Foundation

/// Reads a file line by line (LF or CRLF) in 64 KiB chunks, for JSON Lines.
final class LineReader {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var position = 0
    private var exhausted = false
    /// 1-based number of the line last returned.
    private(set) var lineNumber = 0

    init(url: URL) throws {
        guard let handle = FileHandle(forReadingAtPath: url.path) else {
            throw ResponseReadError.unreadable(path: url.path)
        }
        self.handle = handle
    }

    deinit { try? handle.close() }

    /// The next line without its terminator, or nil at the end.
    func next() -> String? {
        var line: [UInt8] = []
        while true {
            if position >= buffer.count {
                if exhausted { break }
                let chunk = handle.readData(ofLength: 65_536)
                if chunk.isEmpty { exhausted = true; break }
                buffer = [UInt8](chunk)
                position = 0
            }
            if let newline = buffer[position...].firstIndex(of: 0x0A) {
                line.append(contentsOf: buffer[position..<newline])
                position = newline + 1
                return finish(line)
            }
            line.append(contentsOf: buffer[position...])
            position = buffer.count
        }
        return line.isEmpty ? nil : finish(line)
    }

    private func finish(_ bytes: [UInt8]) -> String {
        lineNumber += 1
        var bytes = bytes[...]
        if bytes.last == 0x0D { bytes = bytes.dropLast() }
        return String(decoding: bytes, as: UTF8.self)
    }
}
