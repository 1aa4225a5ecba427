import Foundation

/// Reads the Unicode mapping of a TrueType `cmap` table (formats 4 and 12).
enum TrueTypeCmap {
    /// Code point → glyph id, split into a dense BMP array and a sparse supplementary map.
    struct Mapping {
        var bmp: [UInt16]
        var supplementary: [UInt32: UInt16]
    }

    /// Picks the best Unicode subtable (full-repertoire format 12 first, then BMP format 4).
    static func parse(_ reader: FontDataReader, cmap: Int) throws -> Mapping {
        let count = Int(try reader.u16(cmap + 2))
        var format4: Int?, format12: Int?
        for index in 0..<count {
            let record = cmap + 4 + index * 8
            let platform = try reader.u16(record), encoding = try reader.u16(record + 2)
            let subtable = cmap + Int(try reader.u32(record + 4))
            let isUnicode = platform == 0 || (platform == 3 && (encoding == 1 || encoding == 10))
            guard isUnicode, let format = try? reader.u16(subtable) else { continue }
            if format == 12 && format12 == nil { format12 = subtable }
            if format == 4 && format4 == nil { format4 = subtable }
        }
        var mapping = Mapping(bmp: [UInt16](repeating: 0, count: 0x10000), supplementary: [:])
        if let subtable = format12 {
            try readFormat12(reader, at: subtable, into: &mapping)
        } else if let subtable = format4 {
            try readFormat4(reader, at: subtable, into: &mapping)
        } else {
            throw FontError.unsupportedFormat("no Unicode cmap subtable of format 4 or 12")
        }
        return mapping
    }

    /// Format 4: segments of BMP code points with a delta or a glyph id array.
    static func readFormat4(_ reader: FontDataReader, at table: Int, into mapping: inout Mapping) throws {
        let segments = Int(try reader.u16(table + 6)) / 2
        let ends = table + 14, starts = ends + segments * 2 + 2
        let deltas = starts + segments * 2, rangeOffsets = deltas + segments * 2
        for segment in 0..<segments {
            let end = Int(try reader.u16(ends + segment * 2)), start = Int(try reader.u16(starts + segment * 2))
            let delta = Int(try reader.u16(deltas + segment * 2))
            let rangeOffsetPosition = rangeOffsets + segment * 2
            let rangeOffset = Int(try reader.u16(rangeOffsetPosition))
            guard start <= end else { continue }
            for code in start...end where code != 0xFFFF {
                var glyph: Int
                if rangeOffset == 0 {
                    glyph = (code + delta) & 0xFFFF
                } else {
                    let address = rangeOffsetPosition + rangeOffset + (code - start) * 2
                    guard let raw = try? reader.u16(address) else { continue }
                    glyph = raw == 0 ? 0 : (Int(raw) + delta) & 0xFFFF
                }
                mapping.bmp[code] = UInt16(glyph)
            }
        }
    }

    /// Format 12: sequential groups covering all planes.
    static func readFormat12(_ reader: FontDataReader, at table: Int, into mapping: inout Mapping) throws {
        let groups = Int(try reader.u32(table + 12))
        for group in 0..<groups {
            let record = table + 16 + group * 12
            let start = try reader.u32(record), end = try reader.u32(record + 4), first = try reader.u32(record + 8)
            guard start <= end, end <= 0x10FFFF else { continue }
            for code in start...end {
                let glyph = UInt16(truncatingIfNeeded: first &+ (code - start))
                if code < 0x10000 { mapping.bmp[Int(code)] = glyph } else { mapping.supplementary[code] = glyph }
            }
        }
    }
}
