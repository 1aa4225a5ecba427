import Foundation

/// An incremental parser for newline-delimited JSON (Ollama's native stream): feed it bytes in
/// chunks split anywhere and it returns each complete, non-blank line as its own `Data`.
/// It does not decode the JSON: the caller knows the shape.
public struct NDJSONParser: Sendable {
    private var lines = LineSplitter(acceptsBareCR: false)

    /// An empty parser.
    public init() {}

    /// Feeds bytes and returns every complete non-blank line.
    public mutating func feed(_ bytes: Data) -> [Data] {
        lines.feed(bytes).compactMap(Self.record)
    }

    /// Ends the stream and returns the last line if it had no newline after it.
    public mutating func finish() -> [Data] {
        lines.finish().flatMap(Self.record).map { [$0] } ?? []
    }

    private static func record(_ line: String) -> Data? {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? nil : Data(trimmed.utf8)
    }
}

/// Splits a byte stream into lines. Bytes are kept until their line ends, so a multi-byte
/// UTF-8 character split across chunks decodes correctly.
struct LineSplitter: Sendable {
    let acceptsBareCR: Bool
    private var pending: [UInt8] = []
    private var lastWasCR = false

    init(acceptsBareCR: Bool) {
        self.acceptsBareCR = acceptsBareCR
    }

    mutating func feed(_ bytes: Data) -> [String] {
        var lines: [String] = []
        bytes.withUnsafeBytes { raw in
            let buffer = raw.bindMemory(to: UInt8.self)
            var start = 0
            for index in 0..<buffer.count {
                let byte = buffer[index]
                guard byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") else { continue }
                // Bytes since the last line end are copied in one go, not one at a time.
                pending.append(contentsOf: buffer[start..<index])
                start = index + 1
                // A CR right before this byte (in this chunk or at the end of the last one).
                let afterCR = index > 0 ? buffer[index - 1] == UInt8(ascii: "\r") : lastWasCR
                if byte == UInt8(ascii: "\r") {
                    if acceptsBareCR { lines.append(take()) }
                } else if !(afterCR && acceptsBareCR) {
                    // "\r\n": the line already ended at "\r" when bare CR counts as an end.
                    lines.append(take())
                }
            }
            if start < buffer.count { pending.append(contentsOf: buffer[start..<buffer.count]) }
            if let last = buffer.last { lastWasCR = last == UInt8(ascii: "\r") }
        }
        return lines
    }

    mutating func finish() -> String? {
        pending.isEmpty ? nil : take()
    }

    private mutating func take() -> String {
        defer { pending.removeAll(keepingCapacity: true) }
        return String(decoding: pending, as: UTF8.self)
    }
}
