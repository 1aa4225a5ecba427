import Foundation

/// One CSV record: its cells and the line it starts on (1-based, counting the line breaks
/// inside quoted cells, so it matches what an editor shows).
struct CSVRecord: Equatable {
    let line: Int
    let cells: [String]
}

/// A malformed CSV file: what and where.
struct CSVSyntaxError: Error, Equatable, CustomStringConvertible {
    let line: Int
    let message: String
    var description: String { "line \(line): \(message)" }
}

/// An RFC 4180 reader: comma-separated, double-quoted cells that may hold commas, doubled
/// quotes and line breaks; CRLF, LF or CR line ends; a leading byte-order mark is skipped.
/// Blank lines are skipped.
final class CSVReader {
    private let source: ByteSource
    private var line = 1
    private var cell: [UInt8] = []

    init(source: ByteSource) {
        self.source = source
        source.skipByteOrderMark()
    }

    /// The next record, or nil at the end of the file.
    func next() throws -> CSVRecord? {
        while true {
            guard source.peek() != nil else { return nil }
            let start = line
            let cells = try readRecord()
            if cells.count == 1, cells[0].isEmpty { continue }
            return CSVRecord(line: start, cells: cells)
        }
    }

    private func readRecord() throws -> [String] {
        var cells: [String] = []
        let start = line
        cell.removeAll(keepingCapacity: true)
        var quoted = false, wasQuoted = false
        while let byte = source.next() {
            if quoted {
                if byte == UInt8(ascii: "\"") {
                    if source.peek() == UInt8(ascii: "\"") { _ = source.next(); cell.append(byte) } else { quoted = false }
                } else {
                    if byte == UInt8(ascii: "\n") || (byte == UInt8(ascii: "\r") && source.peek() != UInt8(ascii: "\n")) { line += 1 }
                    cell.append(byte)
                }
                continue
            }
            switch byte {
            case UInt8(ascii: ","):
                cells.append(finishCell()); wasQuoted = false
            case UInt8(ascii: "\""):
                // A quote opens a quoted cell only at the start of the cell; elsewhere it is text.
                if cell.isEmpty && !wasQuoted { quoted = true; wasQuoted = true } else { cell.append(byte) }
            case UInt8(ascii: "\r"):
                if source.peek() == UInt8(ascii: "\n") { _ = source.next() }
                line += 1
                cells.append(finishCell())
                return cells
            case UInt8(ascii: "\n"):
                line += 1
                cells.append(finishCell())
                return cells
            default:
                cell.append(byte)
            }
        }
        if quoted { throw CSVSyntaxError(line: start, message: "a quoted cell is never closed") }
        cells.append(finishCell())
        return cells
    }

    private func finishCell() -> String {
        defer { cell.removeAll(keepingCapacity: true) }
        return String(decoding: cell, as: UTF8.self)
    }
}

/// Lines of a JSON Lines file with their numbers; blank lines are skipped.
final class LineReader {
    private let source: ByteSource
    private var line = 0
    private var buffer: [UInt8] = []

    init(source: ByteSource) {
        self.source = source
        source.skipByteOrderMark()
    }

    /// The next non-blank line and its 1-based number, or nil at the end.
    func next() -> (line: Int, text: String)? {
        while source.peek() != nil {
            buffer.removeAll(keepingCapacity: true)
            line += 1
            while let byte = source.next(), byte != UInt8(ascii: "\n") { buffer.append(byte) }
            if buffer.last == UInt8(ascii: "\r") { buffer.removeLast() }
            let text = String(decoding: buffer, as: UTF8.self)
            if !text.allSatisfy(\.isWhitespace) { return (line, text) }
        }
        return nil
    }
}
