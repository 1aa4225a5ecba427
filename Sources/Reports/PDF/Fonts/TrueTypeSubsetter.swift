import Foundation

/// Builds a TrueType font that holds only the requested glyphs, renumbered consecutively.
///
/// New glyph id `i` is `glyphs[i]` of the original font; components of composite glyphs are
/// appended after the requested ones and the composite references are rewritten. The PDF uses
/// the new glyph ids as CIDs (CIDToGIDMap /Identity), so no cmap is needed in the subset.
struct TrueTypeSubsetter {
    let font: TrueTypeFont

    /// The subset font file and the final glyph order (requested glyphs, then components).
    struct Result {
        var fontFile: [UInt8]
        var glyphOrder: [UInt16]
    }

    private static let flagWords: UInt16 = 0x0001, flagScale: UInt16 = 0x0008, flagMore: UInt16 = 0x0020
    private static let flagXYScale: UInt16 = 0x0040, flagTwoByTwo: UInt16 = 0x0080

    /// Subsets to `glyphs` (the first entry should be 0, .notdef).
    func subset(glyphs requested: [UInt16]) throws -> Result {
        var order = requested.isEmpty ? [0] : requested
        var newID: [UInt16: UInt16] = [:]
        for (index, glyph) in order.enumerated() where newID[glyph] == nil { newID[glyph] = UInt16(index) }
        // Composite closure: components may themselves be composite, so scan until no new glyph.
        var cursor = 0
        while cursor < order.count {
            for component in try components(of: order[cursor]) where newID[component] == nil {
                guard order.count < 0xFFFF else { throw FontError.malformed("subset exceeds 65535 glyphs") }
                newID[component] = UInt16(order.count)
                order.append(component)
            }
            cursor += 1
        }
        var glyf: [UInt8] = [], loca: [UInt8] = []
        for glyph in order {
            loca.appendU32(UInt32(glyf.count))
            glyf.append(contentsOf: try remapped(glyph, newID: newID))
            glyf.padToFour()
        }
        loca.appendU32(UInt32(glyf.count))
        var tables: [String: [UInt8]] = ["glyf": glyf, "loca": loca]
        tables["hmtx"] = order.flatMap { glyph -> [UInt8] in
            var metric: [UInt8] = []
            metric.appendU16(UInt16(font.advance(of: glyph)))
            metric.appendU16(UInt16(bitPattern: leftSideBearing(glyph)))
            return metric
        }
        tables["head"] = try patched("head") { $0.setU32(0, at: 8); $0.setU16(1, at: 50) }
        tables["hhea"] = try patched("hhea") { $0.setU16(UInt16(order.count), at: 34) }
        tables["maxp"] = try patched("maxp") { $0.setU16(UInt16(order.count), at: 4) }
        // post version 3: no glyph names, which the PDF never needs.
        if let post = font.tableData("post"), post.count >= 32 {
            var table = [UInt8](post.prefix(32))
            table.setU32(0x0003_0000, at: 0)
            tables["post"] = table
        }
        for tag in ["cvt ", "fpgm", "prep", "OS/2"] {
            if let data = font.tableData(tag) { tables[tag] = [UInt8](data) }
        }
        return Result(fontFile: assemble(tables), glyphOrder: order)
    }

    /// Glyph ids referenced by a composite glyph (empty for simple glyphs).
    func components(of glyph: UInt16) throws -> [UInt16] {
        let data = [UInt8](font.glyphData(glyph))
        guard data.count >= 10 else { return [] }
        let reader = FontDataReader(bytes: data)
        guard try reader.i16(0) < 0 else { return [] }
        var result: [UInt16] = []
        var offset = 10
        while true {
            let flags = try reader.u16(offset)
            result.append(try reader.u16(offset + 2))
            offset += TrueTypeSubsetter.componentLength(flags)
            if flags & TrueTypeSubsetter.flagMore == 0 { break }
        }
        return result
    }

    private static func componentLength(_ flags: UInt16) -> Int {
        var length = 4 + (flags & flagWords != 0 ? 4 : 2)
        if flags & flagScale != 0 { length += 2 } else if flags & flagXYScale != 0 { length += 4 } else if flags & flagTwoByTwo != 0 { length += 8 }
        return length
    }

    /// The glyph's bytes with composite component ids rewritten to the new numbering.
    private func remapped(_ glyph: UInt16, newID: [UInt16: UInt16]) throws -> [UInt8] {
        var data = [UInt8](font.glyphData(glyph))
        guard data.count >= 10 else { return [] }
        let reader = FontDataReader(bytes: data)
        guard try reader.i16(0) < 0 else { return data }
        var offset = 10
        while true {
            let flags = try reader.u16(offset)
            let component = try reader.u16(offset + 2)
            data.setU16(newID[component] ?? 0, at: offset + 2)
            offset += TrueTypeSubsetter.componentLength(flags)
            if flags & TrueTypeSubsetter.flagMore == 0 { break }
        }
        return data
    }

    /// The left side bearing: xMin of the outline, which TrueType fonts keep equal to lsb.
    private func leftSideBearing(_ glyph: UInt16) -> Int16 {
        let data = font.glyphData(glyph)
        guard data.count >= 4 else { return 0 }
        let start = data.startIndex
        return Int16(bitPattern: UInt16(data[start + 2]) << 8 | UInt16(data[start + 3]))
    }

    private func patched(_ tag: String, _ change: (inout [UInt8]) -> Void) throws -> [UInt8] {
        guard let source = font.tableData(tag) else { throw FontError.missingTable(tag) }
        var table = [UInt8](source)
        change(&table)
        return table
    }

    /// Writes the sfnt: offset table, directory sorted by tag, 4-byte aligned tables with
    /// checksums, then head.checkSumAdjustment = 0xB1B0AFBA − checksum(file).
    private func assemble(_ tables: [String: [UInt8]]) -> [UInt8] {
        let tags = tables.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        var power = 1, log = 0
        while power * 2 <= tags.count { power *= 2; log += 1 }
        var file: [UInt8] = []
        file.appendU32(0x0001_0000)
        file.appendU16(UInt16(tags.count))
        file.appendU16(UInt16(power * 16))
        file.appendU16(UInt16(log))
        file.appendU16(UInt16(tags.count * 16 - power * 16))
        var offset = 12 + tags.count * 16
        var body: [UInt8] = []
        var headOffset = 0
        for tag in tags {
            let table = tables[tag] ?? []
            file.append(contentsOf: Array(tag.utf8))
            file.appendU32(sfntChecksum(table))
            file.appendU32(UInt32(offset))
            file.appendU32(UInt32(table.count))
            if tag == "head" { headOffset = offset }
            body.append(contentsOf: table)
            body.padToFour()
            offset = 12 + tags.count * 16 + body.count
        }
        file.append(contentsOf: body)
        file.setU32(0xB1B0_AFBA &- sfntChecksum(file), at: headOffset + 8)
        return file
    }
}
