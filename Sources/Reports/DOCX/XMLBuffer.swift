import Foundation

/// A growable UTF-8 byte buffer for writing XML parts.
///
/// Parts are built here rather than in `String`s so that a 70,000-cell table costs byte
/// appends, not string allocations. Every piece of user text goes through `appendText`,
/// `appendAttribute` or `appendRunText`, which escape XML's special characters and drop the
/// control characters XML 1.0 forbids.
struct XMLBuffer {
    /// The bytes written so far.
    private(set) var bytes: [UInt8]

    /// Creates an empty buffer with room for `capacity` bytes.
    init(capacity: Int = 4096) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// Appends literal markup. Only for trusted, compile-time text.
    @inline(__always) mutating func append(_ markup: StaticString) {
        markup.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Appends bytes prepared earlier (a cached cell prefix, for example).
    @inline(__always) mutating func append(bytes other: [UInt8]) {
        bytes.append(contentsOf: other)
    }

    /// Appends a decimal integer.
    mutating func append(int value: Int) {
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { raw in
            repeat {
                raw[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            for index in stride(from: count - 1, through: 0, by: -1) { bytes.append(raw[index]) }
        }
    }

    /// Appends a number for chart caches: integers without a decimal point, others with up to
    /// 15 significant digits (what a double reliably holds); non-finite values become 0, as
    /// the model says they are drawn.
    mutating func append(number value: Double) {
        guard value.isFinite else { bytes.append(UInt8(ascii: "0")); return }
        if value == value.rounded(), abs(value) < 1e15 {
            append(int: Int(value))
            return
        }
        appendText(String(format: "%.15g", value))
    }

    /// Appends escaped character data: `&`, `<`, `>` become entities; forbidden control
    /// characters are dropped; CRLF and a lone CR become LF (what an XML reader would make of
    /// them anyway), so CRLF text does not gain blank lines.
    mutating func appendText(_ text: String) {
        XMLEscaper.escape(text, into: &bytes, mode: .text)
    }

    /// Appends an escaped attribute value (quotes and whitespace controls become references).
    mutating func appendAttribute(_ text: String) {
        XMLEscaper.escape(text, into: &bytes, mode: .attribute)
    }

    /// Appends the content of a `w:r` for `text`: `w:t` pieces, with `\t` as `w:tab` and
    /// `\n` (or `\r\n`, `\r`) as `w:br`. Writes nothing for empty text.
    mutating func appendRunText(_ text: String) {
        XMLEscaper.escape(text, into: &bytes, mode: .run)
    }

    /// Appends a complete run (`w:r`) with optional run properties; nothing for empty text.
    mutating func appendRun(_ text: String, properties: StaticString? = nil) {
        guard !text.isEmpty else { return }
        append("<w:r>")
        if let properties { append(properties) }
        appendRunText(text)
        append("</w:r>")
    }

    /// Appends the standard XML declaration.
    mutating func appendDeclaration() {
        append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n")
    }
}
