import Foundation

/// A TrueType font embedded as a subset: Type0 / Identity-H over a CIDFontType2, with CIDs
/// assigned in order of first use so they equal the subset's glyph ids.
final class EmbeddedPDFFont: PDFFont {
    let resourceName: String
    let font: TrueTypeFont
    /// Width of every original glyph in 1/1000 em, rounded once so layout and /W agree.
    private let glyphWidths: [UInt16]
    /// CID for each original glyph id; 0 means "not used yet".
    private var cidForGlyph: [UInt16]
    /// Original glyph id for each CID, starting with .notdef.
    private(set) var usedGlyphs: [UInt16] = [0]
    /// The first scalar that produced each CID, for the ToUnicode map.
    private var scalarsForCID: [Unicode.Scalar] = ["\u{0}"]
    /// Shown for characters the font lacks: U+FFFD when the font has it, else '?', so a
    /// missing character stays visible and extracts as a replacement instead of vanishing.
    private let replacement: (scalar: Unicode.Scalar, glyph: UInt16)

    /// Wraps a parsed font.
    init(font: TrueTypeFont, resourceName: String) {
        self.font = font
        let scale = 1000 / Double(font.unitsPerEm)
        glyphWidths = (0..<font.glyphCount).map { UInt16(min(65535, (Double(font.advance(of: UInt16($0))) * scale).rounded())) }
        cidForGlyph = [UInt16](repeating: 0, count: font.glyphCount)
        self.resourceName = resourceName
        let diamond = font.glyph(for: "\u{FFFD}")
        replacement = diamond != 0 ? ("\u{FFFD}", diamond) : ("?", font.glyph(for: "?"))
    }

    func advance(_ scalar: Unicode.Scalar) -> Int {
        var glyph = Int(font.glyph(for: scalar))
        if glyph == 0 { glyph = Int(replacement.glyph) }
        return glyph < glyphWidths.count ? Int(glyphWidths[glyph]) : 0
    }

    func appendEncoded(_ text: Substring, into buffer: inout ByteBuffer) {
        buffer.append(UInt8(ascii: "<"))
        for scalar in text.unicodeScalars { buffer.append(hex16: cid(for: scalar)) }
        buffer.append(UInt8(ascii: ">"))
    }

    /// The CID for a scalar, assigning the next free one on first use.
    @inline(__always) private func cid(for original: Unicode.Scalar) -> UInt16 {
        var scalar = original, glyph = font.glyph(for: original)
        if glyph == 0 { (scalar, glyph) = replacement }
        guard glyph != 0, Int(glyph) < cidForGlyph.count else { return 0 }
        let existing = cidForGlyph[Int(glyph)]
        if existing != 0 { return existing }
        guard usedGlyphs.count < 0xFFFF else { return 0 }
        let assigned = UInt16(usedGlyphs.count)
        cidForGlyph[Int(glyph)] = assigned
        usedGlyphs.append(glyph)
        scalarsForCID.append(scalar)
        return assigned
    }

    func writeObjects(id: Int, writer: PDFObjectWriter) throws {
        let subset = try TrueTypeSubsetter(font: font).subset(glyphs: usedGlyphs)
        let descendant = writer.reserve(), descriptor = writer.reserve()
        let fontFile = writer.reserve(), toUnicode = writer.reserve()
        let name = subsetTag() + "+" + font.postScriptName
        try writer.writeObject(id, "<< /Type /Font /Subtype /Type0 /BaseFont /\(name) /Encoding /Identity-H "
            + "/DescendantFonts [\(descendant) 0 R] /ToUnicode \(toUnicode) 0 R >>")
        try writer.writeObject(descendant, "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /\(name) "
            + "/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
            + "/FontDescriptor \(descriptor) 0 R /DW 1000 /W \(widthsArray()) /CIDToGIDMap /Identity >>")
        try writer.writeObject(descriptor, descriptorDictionary(name: name, fontFile: fontFile))
        try writer.writeStream(fontFile, data: subset.fontFile, extraEntries: "/Length1 \(subset.fontFile.count)")
        try writer.writeStream(toUnicode, data: Array(toUnicodeCMap().utf8))
    }

    /// `[0 [w0 w1 …]]`: CIDs are consecutive from 0, so one run covers them all.
    private func widthsArray() -> String {
        var buffer = ByteBuffer(capacity: usedGlyphs.count * 5 + 8)
        buffer.append("[0 [")
        for (index, glyph) in usedGlyphs.enumerated() {
            if index > 0 { buffer.append(UInt8(ascii: " ")) }
            buffer.append(int: Int(glyphWidths[Int(glyph)]))
        }
        buffer.append("]]")
        return String(decoding: buffer.bytes, as: UTF8.self)
    }

    private func descriptorDictionary(name: String, fontFile: Int) -> String {
        let scale = 1000 / Double(font.unitsPerEm)
        let box = font.boundingBox.map { String(Int((Double($0) * scale).rounded())) }.joined(separator: " ")
        func scaled(_ value: Int) -> Int { Int((Double(value) * scale).rounded()) }
        let flags = 32 + (font.isFixedPitch ? 1 : 0) + (font.italicAngle != 0 ? 64 : 0)
        let stemV = font.weightClass >= 600 ? 120 : 80
        return "<< /Type /FontDescriptor /FontName /\(name) /Flags \(flags) /FontBBox [\(box)] "
            + "/ItalicAngle \(Int(font.italicAngle.rounded())) /Ascent \(scaled(font.ascender)) "
            + "/Descent \(scaled(font.descender)) /CapHeight \(scaled(font.capHeight)) /StemV \(stemV) "
            + "/FontFile2 \(fontFile) 0 R >>"
    }

    /// Maps each CID back to UTF-16BE so viewers can search and copy the text.
    private func toUnicodeCMap() -> String {
        var lines = ["/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
                     "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
                     "/CMapName /Adobe-Identity-UCS def", "/CMapType 2 def",
                     "1 begincodespacerange", "<0000> <FFFF>", "endcodespacerange"]
        let entries = Array(scalarsForCID.enumerated().dropFirst())
        var start = 0
        while start < entries.count {
            let chunk = entries[start..<min(entries.count, start + 100)]
            lines.append("\(chunk.count) beginbfchar")
            for (cid, scalar) in chunk {
                var buffer = ByteBuffer(capacity: 20)
                buffer.append(UInt8(ascii: "<"))
                buffer.append(hex16: UInt16(cid))
                buffer.append("> <")
                for unit in String(scalar).utf16 { buffer.append(hex16: unit) }
                buffer.append(UInt8(ascii: ">"))
                lines.append(String(decoding: buffer.bytes, as: UTF8.self))
            }
            lines.append("endbfchar")
            start += 100
        }
        lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
        return lines.joined(separator: "\n") + "\n"
    }

    /// Six uppercase letters derived from the glyph set, so the same subset gets the same tag.
    private func subsetTag() -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(resourceName.utf8.count)
        for glyph in usedGlyphs { hash = (hash ^ UInt64(glyph)) &* 0x0000_0100_0000_01B3 }
        for byte in resourceName.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        var tag = ""
        for _ in 0..<6 {
            tag.unicodeScalars.append(Unicode.Scalar(UInt8(ascii: "A") + UInt8(hash % 26)))
            hash /= 26
        }
        return tag
    }
}
