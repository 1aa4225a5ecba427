import Foundation

/// A growable byte buffer with allocation-free appenders for the tokens PDF needs.
///
/// Content streams are built here instead of in `String`s so that writing a glyph, a number
/// or an operator never allocates; the buffer is cleared and reused between pages.
public struct ByteBuffer: Sendable {
    /// The bytes written so far.
    public private(set) var bytes: [UInt8]

    /// Creates an empty buffer with room for `capacity` bytes.
    public init(capacity: Int = 4096) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// Number of bytes written.
    public var count: Int { bytes.count }

    /// Empties the buffer but keeps its storage for reuse.
    public mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }

    /// Appends one byte.
    @inline(__always) public mutating func append(_ byte: UInt8) { bytes.append(byte) }

    /// Appends raw bytes.
    public mutating func append<S: Sequence>(contentsOf other: S) where S.Element == UInt8 {
        bytes.append(contentsOf: other)
    }

    /// Appends the UTF-8 bytes of a string (PDF syntax is ASCII, so this is the token text).
    public mutating func append(_ text: String) {
        var copy = text
        copy.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// Appends a decimal integer.
    public mutating func append(int value: Int) {
        if value < 0 {
            bytes.append(UInt8(ascii: "-"))
            appendMagnitude(UInt64(value.magnitude))
        } else {
            appendMagnitude(UInt64(value))
        }
    }

    /// Appends a PDF real with at most two decimals and no trailing zeros ("12.5", "-3", "0.07").
    public mutating func append(number value: Double) {
        guard value.isFinite else { bytes.append(UInt8(ascii: "0")); return }
        // PDF readers only promise about ±32767 for reals; clamping far beyond that keeps the
        // Int64 conversion from trapping on absurd coordinates from bad input.
        let hundredths = Int64((min(max(value, -1e12), 1e12) * 100).rounded())
        if hundredths < 0 { bytes.append(UInt8(ascii: "-")) }
        let magnitude = hundredths.magnitude
        appendMagnitude(magnitude / 100)
        let fraction = magnitude % 100
        guard fraction != 0 else { return }
        bytes.append(UInt8(ascii: "."))
        bytes.append(UInt8(ascii: "0") + UInt8(fraction / 10))
        if fraction % 10 != 0 { bytes.append(UInt8(ascii: "0") + UInt8(fraction % 10)) }
    }

    /// Appends numbers separated by single spaces, followed by a space.
    public mutating func append(numbers values: Double...) {
        for value in values {
            append(number: value)
            bytes.append(UInt8(ascii: " "))
        }
    }

    /// Appends a 16-bit value as four uppercase hex digits (a 2-byte CID in a hex string).
    @inline(__always) public mutating func append(hex16 value: UInt16) {
        bytes.append(ByteBuffer.hexDigits[Int(value >> 12)])
        bytes.append(ByteBuffer.hexDigits[Int((value >> 8) & 0xF)])
        bytes.append(ByteBuffer.hexDigits[Int((value >> 4) & 0xF)])
        bytes.append(ByteBuffer.hexDigits[Int(value & 0xF)])
    }

    /// Appends a byte as two uppercase hex digits.
    @inline(__always) public mutating func append(hex8 value: UInt8) {
        bytes.append(ByteBuffer.hexDigits[Int(value >> 4)])
        bytes.append(ByteBuffer.hexDigits[Int(value & 0xF)])
    }

    /// Appends an unsigned integer left-padded with zeros to `width` digits (xref offsets).
    public mutating func append(zeroPadded value: Int, width: Int) {
        var digits = [UInt8](repeating: UInt8(ascii: "0"), count: width)
        var rest = max(0, value)
        var index = width - 1
        while rest > 0 && index >= 0 {
            digits[index] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
            index -= 1
        }
        bytes.append(contentsOf: digits)
    }

    private mutating func appendMagnitude(_ value: UInt64) {
        if value < 10 {
            bytes.append(UInt8(ascii: "0") + UInt8(value))
            return
        }
        var scratch: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                      UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var length = 0
        var rest = value
        withUnsafeMutableBytes(of: &scratch) { raw in
            while rest > 0 {
                raw[length] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                length += 1
            }
            for index in stride(from: length - 1, through: 0, by: -1) {
                bytes.append(raw[index])
            }
        }
    }

    private static let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)
}
