import Foundation

/// Errors raised while reading a font file.
public enum FontError: Error, Equatable, CustomStringConvertible {
    /// The file could not be read.
    case unreadable(path: String)
    /// The data is not a TrueType font with glyf outlines (for example a CFF-based OpenType).
    case unsupportedFormat(String)
    /// A required table is missing.
    case missingTable(String)
    /// A table points outside the file or is too short.
    case malformed(String)
    /// The font's OS/2 fsType forbids embedding.
    case embeddingRestricted(name: String)

    /// A one-line explanation.
    public var description: String {
        switch self {
        case let .unreadable(path): return "cannot read font file \(path)"
        case let .unsupportedFormat(detail): return "unsupported font format: \(detail)"
        case let .missingTable(tag): return "font has no '\(tag)' table"
        case let .malformed(detail): return "malformed font: \(detail)"
        case let .embeddingRestricted(name): return "font \(name) does not allow embedding"
        }
    }
}

/// Bounds-checked big-endian reads over font bytes: malformed fonts raise `FontError`
/// instead of trapping.
struct FontDataReader {
    let bytes: [UInt8]

    func u8(_ offset: Int) throws -> UInt8 {
        guard offset >= 0, offset < bytes.count else { throw FontError.malformed("read past end at \(offset)") }
        return bytes[offset]
    }

    func u16(_ offset: Int) throws -> UInt16 {
        guard offset >= 0, offset + 2 <= bytes.count else { throw FontError.malformed("read past end at \(offset)") }
        return UInt16(bytes[offset]) << 8 | UInt16(bytes[offset + 1])
    }

    func i16(_ offset: Int) throws -> Int16 { Int16(bitPattern: try u16(offset)) }

    func u32(_ offset: Int) throws -> UInt32 {
        guard offset >= 0, offset + 4 <= bytes.count else { throw FontError.malformed("read past end at \(offset)") }
        return UInt32(bytes[offset]) << 24 | UInt32(bytes[offset + 1]) << 16
            | UInt32(bytes[offset + 2]) << 8 | UInt32(bytes[offset + 3])
    }

    func slice(_ offset: Int, _ length: Int) throws -> ArraySlice<UInt8> {
        guard offset >= 0, length >= 0, offset + length <= bytes.count else {
            throw FontError.malformed("range \(offset)+\(length) outside data")
        }
        return bytes[offset..<(offset + length)]
    }
}

/// Big-endian writers used when rebuilding font tables.
extension Array where Element == UInt8 {
    mutating func appendU16(_ value: UInt16) {
        append(UInt8(value >> 8))
        append(UInt8(value & 0xFF))
    }

    mutating func appendU32(_ value: UInt32) {
        append(UInt8(value >> 24))
        append(UInt8((value >> 16) & 0xFF))
        append(UInt8((value >> 8) & 0xFF))
        append(UInt8(value & 0xFF))
    }

    mutating func setU16(_ value: UInt16, at offset: Int) {
        guard offset >= 0, offset + 2 <= count else { return }
        self[offset] = UInt8(value >> 8)
        self[offset + 1] = UInt8(value & 0xFF)
    }

    mutating func setU32(_ value: UInt32, at offset: Int) {
        guard offset >= 0, offset + 4 <= count else { return }
        self[offset] = UInt8(value >> 24)
        self[offset + 1] = UInt8((value >> 16) & 0xFF)
        self[offset + 2] = UInt8((value >> 8) & 0xFF)
        self[offset + 3] = UInt8(value & 0xFF)
    }

    /// Pads with zeros to a multiple of four, as sfnt tables require.
    mutating func padToFour() {
        while count % 4 != 0 { append(0) }
    }
}

/// The sfnt table checksum: the sum of big-endian 32-bit words, zero-padded.
func sfntChecksum<C: Collection>(_ data: C) -> UInt32 where C.Element == UInt8, C.Index == Int {
    var sum: UInt32 = 0
    var index = data.startIndex
    while index < data.endIndex {
        var word: UInt32 = 0
        for lane in 0..<4 {
            let position = index + lane
            word = word << 8 | UInt32(position < data.endIndex ? data[position] : 0)
        }
        sum = sum &+ word
        index += 4
    }
    return sum
}
