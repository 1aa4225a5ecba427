import Foundation

/// Reads RFC 4180 CSV records one at a time from a file, in bounded memory.
///
/// Quoted cells may hold commas, doubled quotes and line breaks (CRLF or LF). The file is read
/// in 64 KiB chunks, so a million-row file never sits in memory at once.
public final class CSVRecordReader {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var position = 0
    private var exhausted = false
    /// 1-based line number where the record last returned by `next()` started.
    public private(set) var recordLine = 0
    private var line = 1

    /// Opens `url` for reading; throws `ResponseReadError.unreadable` when it cannot.
    public init(url: URL) throws {
        guard let handle = FileHandle(forReadingAtPath: url.path) else {
            throw ResponseReadError.unreadable(path: url.path)
        }
        self.handle = handle
    }

    deinit { try? handle.close() }

    /// The next record's cells, or nil at the end of the file. A trailing empty line is not a record.
    public func next() throws -> [String]? {
        guard try fill() else { return nil }
        recordLine = line
        var cells: [String] = []
        var cell: [UInt8] = []
        var quoted = false
        var afterQuote = false
        while true {
            guard try fill() else {
                if quoted { throw ResponseReadError.malformed(line: recordLine, message: "a quoted cell is never closed") }
                cells.append(Self.string(cell))
                return cells
            }
            let byte = buffer[position]
            position += 1
            if quoted {
                if byte == 0x22 {
                    if try fill(), buffer[position] == 0x22 { cell.append(0x22); position += 1 } else { quoted = false; afterQuote = true }
                } else {
                    if byte == 0x0A { line += 1 }
                    cell.append(byte)
                }
                continue
            }
            switch byte {
            case 0x2C:
                cells.append(Self.string(cell)); cell.removeAll(keepingCapacity: true); afterQuote = false
            case 0x0A:
                line += 1
                cells.append(Self.string(cell))
                return cells
            case 0x0D:
                continue
            case 0x22 where cell.isEmpty && !afterQuote:
                quoted = true
            default:
                cell.append(byte)
            }
        }
    }

    /// Makes sure at least one unread byte is buffered; false at the end of the file.
    private func fill() throws -> Bool {
        if position < buffer.count { return true }
        if exhausted { return false }
        let chunk = handle.readData(ofLength: 65_536)
        if chunk.isEmpty { exhausted = true; return false }
        buffer = [UInt8](chunk)
        position = 0
        return true
    }

    /// Decodes a cell as UTF-8, dropping a byte-order mark; invalid bytes become U+FFFD.
    private static func string(_ bytes: [UInt8]) -> String {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            return String(decoding: bytes[3...], as: UTF8.self)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// A problem reading a responses file.
public enum ResponseReadError: Error, Equatable, CustomStringConvertible {
    /// The file does not exist or cannot be opened.
    case unreadable(path: String)
    /// The file is not valid CSV / JSON Lines at the given line.
    case malformed(line: Int, message: String)
    /// The CSV header names no field of the form.
    case noKnownColumns(path: String)

    /// A one-line explanation.
    public var description: String {
        switch self {
        case let .unreadable(path): return "cannot read responses file \(path)"
        case let .malformed(line, message): return "responses line \(line): \(message)"
        case let .noKnownColumns(path): return "\(path): no column header matches a field key or label of the form"
        }
    }
}
