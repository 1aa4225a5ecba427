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
        for byte in bytes {
            if byte == UInt8(ascii: "\n") {
                // "\r\n": the line already ended at "\r" when bare CR counts as an end.
                if !(lastWasCR && acceptsBareCR) { lines.append(take()) }
                lastWasCR = false
            } else if byte == UInt8(ascii: "\r") {
                if acceptsBareCR { lines.append(take()) }
                lastWasCR = true
            } else {
                pending.append(byte)
                lastWasCR = false
            }
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
