import Foundation

/// A parsed TrueType (glyf-outline) font: the metrics a PDF needs plus the raw tables the
/// subsetter copies. Immutable after loading, so one instance can be shared across renders.
public final class TrueTypeFont: @unchecked Sendable {
    /// The PostScript name (name ID 6), sanitised for use as a PDF name.
    public let postScriptName: String
    /// Design units per em (2048 for DejaVu).
    public let unitsPerEm: Int
    /// Number of glyphs (maxp).
    public let glyphCount: Int
    /// Typographic ascender in font units (hhea).
    public let ascender: Int
    /// Typographic descender in font units, negative below the baseline (hhea).
    public let descender: Int
    /// Capital height in font units (OS/2 v2+, else the ascender).
    public let capHeight: Int
    /// Italic angle in degrees (post).
    public let italicAngle: Double
    /// Whether the font is monospaced (post).
    public let isFixedPitch: Bool
    /// Font bounding box in font units: xMin, yMin, xMax, yMax (head).
    public let boundingBox: [Int]
    /// Weight class from OS/2 (400 regular, 700 bold).
    public let weightClass: Int

    let data: [UInt8]
    let tables: [String: Range<Int>]
    /// Advance width of every glyph in font units.
    let advances: [UInt16]
    /// Glyph id for each BMP code point (0 = not mapped); a flat array makes lookup one load.
    let bmpGlyphs: [UInt16]
    /// Glyph ids for code points above U+FFFF.
    let supplementaryGlyphs: [UInt32: UInt16]
    private let glyphOffsets: [Int]

    /// Parses a font file's bytes.
    public init(data: [UInt8]) throws {
        self.data = data
        let reader = FontDataReader(bytes: data)
        let directory = try TrueTypeFont.readDirectory(reader)
        tables = directory
        func table(_ tag: String) throws -> Int {
            guard let range = directory[tag] else { throw FontError.missingTable(tag) }
            return range.lowerBound
        }
        let head = try table("head"), hhea = try table("hhea"), maxp = try table("maxp")
        unitsPerEm = max(16, Int(try reader.u16(head + 18)))
        boundingBox = try [36, 38, 40, 42].map { Int(try reader.i16(head + $0)) }
        let longOffsets = try reader.i16(head + 50) == 1
        glyphCount = Int(try reader.u16(maxp + 4))
        ascender = Int(try reader.i16(hhea + 4))
        descender = Int(try reader.i16(hhea + 6))
        let metricsCount = Int(try reader.u16(hhea + 34))
        advances = try TrueTypeFont.readAdvances(reader, hmtx: try table("hmtx"), metrics: metricsCount, glyphs: glyphCount)
        glyphOffsets = try TrueTypeFont.readLoca(reader, loca: try table("loca"), glyphs: glyphCount, long: longOffsets,
                                                 glyfLength: directory["glyf"]?.count ?? 0)
        _ = try table("glyf")
        // Subsets (ours included) may omit cmap: a PDF maps CIDs itself. Such a font maps nothing.
        let cmap = try directory["cmap"].map { try TrueTypeCmap.parse(reader, cmap: $0.lowerBound) }
            ?? TrueTypeCmap.Mapping(bmp: [UInt16](repeating: 0, count: 0x10000), supplementary: [:])
        bmpGlyphs = cmap.bmp
        supplementaryGlyphs = cmap.supplementary
        let name = TrueTypeFont.readPostScriptName(reader, name: directory["name"]?.lowerBound) ?? "EmbeddedFont"
        let style = try StyleMetrics(reader, post: directory["post"]?.lowerBound, os2: directory["OS/2"]?.lowerBound,
                                     ascender: ascender)
        // fsType 2 alone means "restricted license embedding": the font may not be embedded at all.
        if style.fsType & 0x000F == 0x0002 { throw FontError.embeddingRestricted(name: name) }
        postScriptName = name
        italicAngle = style.italicAngle
        isFixedPitch = style.isFixedPitch
        capHeight = style.capHeight
        weightClass = style.weightClass
    }

    /// Style fields from the optional `post` and `OS/2` tables, with neutral defaults.
    private struct StyleMetrics {
        var italicAngle = 0.0, isFixedPitch = false
        var capHeight: Int, weightClass = 400
        var fsType: UInt16 = 0

        init(_ reader: FontDataReader, post: Int?, os2: Int?, ascender: Int) throws {
            capHeight = ascender
            if let post {
                italicAngle = Double(try reader.i16(post + 4)) + Double(try reader.u16(post + 6)) / 65536
                isFixedPitch = try reader.u32(post + 12) != 0
            }
            if let os2 {
                weightClass = Int(try reader.u16(os2 + 4))
                fsType = try reader.u16(os2 + 8)
                // sCapHeight exists from OS/2 version 2 on.
                if try reader.u16(os2) >= 2, let value = try? reader.i16(os2 + 88), value > 0 { capHeight = Int(value) }
            }
        }
    }

    /// Reads and parses a font file.
    public convenience init(path: String) throws {
        guard let contents = FileManager.default.contents(atPath: path) else { throw FontError.unreadable(path: path) }
        try self.init(data: [UInt8](contents))
    }

    /// The glyph id mapped to a code point, or 0 (.notdef) when the font lacks it.
    @inline(__always) public func glyph(for scalar: Unicode.Scalar) -> UInt16 {
        let value = scalar.value
        if value < 0x10000 { return bmpGlyphs[Int(value)] }
        return supplementaryGlyphs[value] ?? 0
    }

    /// The advance width of a glyph in font units (0 for out-of-range ids).
    public func advance(of glyph: UInt16) -> Int {
        Int(glyph) < advances.count ? Int(advances[Int(glyph)]) : 0
    }

    /// The raw `glyf` bytes of one glyph (empty for blank glyphs such as the space).
    func glyphData(_ glyph: UInt16) -> ArraySlice<UInt8> {
        let index = Int(glyph)
        guard index + 1 < glyphOffsets.count, let glyf = tables["glyf"] else { return [] }
        let start = glyf.lowerBound + glyphOffsets[index], end = glyf.lowerBound + glyphOffsets[index + 1]
        guard start <= end, end <= glyf.upperBound else { return [] }
        return data[start..<end]
    }

    /// A whole table's bytes, if present.
    func tableData(_ tag: String) -> ArraySlice<UInt8>? {
        tables[tag].map { data[$0] }
    }

    private static func readDirectory(_ reader: FontDataReader) throws -> [String: Range<Int>] {
        let version = try reader.u32(0)
        if version == 0x4F54_544F { throw FontError.unsupportedFormat("CFF outlines (OTTO) need FontFile3") }
        guard version == 0x0001_0000 || version == 0x7472_7565 else {
            throw FontError.unsupportedFormat(String(format: "sfnt version 0x%08X", version))
        }
        let count = Int(try reader.u16(4))
        var result: [String: Range<Int>] = [:]
        for index in 0..<count {
            let record = 12 + index * 16
            let tagBytes = try reader.slice(record, 4)
            let tag = String(decoding: tagBytes, as: UTF8.self)
            let offset = Int(try reader.u32(record + 8)), length = Int(try reader.u32(record + 12))
            _ = try reader.slice(offset, length)
            result[tag] = offset..<(offset + length)
        }
        return result
    }

    private static func readAdvances(_ reader: FontDataReader, hmtx: Int, metrics: Int, glyphs: Int) throws -> [UInt16] {
        guard metrics > 0 else { throw FontError.malformed("hhea.numberOfHMetrics is 0") }
        var result = [UInt16](repeating: 0, count: glyphs)
        var last: UInt16 = 0
        for glyph in 0..<glyphs {
            if glyph < metrics { last = try reader.u16(hmtx + glyph * 4) }
            result[glyph] = last
        }
        return result
    }

    private static func readLoca(_ reader: FontDataReader, loca: Int, glyphs: Int, long: Bool, glyfLength: Int) throws -> [Int] {
        var offsets = [Int](repeating: 0, count: glyphs + 1)
        for index in 0...glyphs {
            let value = long ? Int(try reader.u32(loca + index * 4)) : Int(try reader.u16(loca + index * 2)) * 2
            offsets[index] = min(value, glyfLength)
        }
        return offsets
    }

    private static func readPostScriptName(_ reader: FontDataReader, name: Int?) -> String? {
        guard let name, let count = try? reader.u16(name + 2), let storage = try? reader.u16(name + 4) else { return nil }
        for index in 0..<Int(count) {
            let record = name + 6 + index * 12
            guard let platform = try? reader.u16(record), let nameID = try? reader.u16(record + 6),
                  let length = try? reader.u16(record + 8), let offset = try? reader.u16(record + 10),
                  nameID == 6,
                  let raw = try? reader.slice(name + Int(storage) + Int(offset), Int(length)) else { continue }
            let text: String
            if platform == 3 || platform == 0 {
                let units = stride(from: raw.startIndex, to: raw.endIndex - 1, by: 2).map { UInt16(raw[$0]) << 8 | UInt16(raw[$0 + 1]) }
                text = String(decoding: units, as: UTF16.self)
            } else {
                text = String(decoding: raw, as: UTF8.self)
            }
            let cleaned = String(text.unicodeScalars.filter { $0.value > 0x20 && $0.value < 0x7F && !"()<>[]{}/%#".unicodeScalars.contains($0) })
            if !cleaned.isEmpty { return cleaned }
        }
        return nil
    }
}
