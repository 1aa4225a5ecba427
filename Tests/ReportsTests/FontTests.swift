import Foundation
import XCTest
@testable import Reports

final class FontTests: XCTestCase {
    private func dejaVu() throws -> TrueTypeFont {
        guard let paths = FontLocator.dejaVuPaths() else { throw XCTSkip("DejaVu Sans is not installed") }
        return try FontLocator.load(path: paths.regular)
    }

    func testParsesDejaVuTables() throws {
        let font = try dejaVu()
        XCTAssertEqual(font.unitsPerEm, 2048)
        XCTAssertGreaterThan(font.glyphCount, 1000)
        XCTAssertEqual(font.postScriptName, "DejaVuSans")
        XCTAssertGreaterThan(font.ascender, 0)
        XCTAssertLessThan(font.descender, 0)
        XCTAssertGreaterThan(font.capHeight, 0)
        XCTAssertEqual(font.boundingBox.count, 4)
        XCTAssertFalse(font.isFixedPitch)
        XCTAssertEqual(font.italicAngle, 0)
        for scalar in "AΩЖğİ€".unicodeScalars {
            XCTAssertNotEqual(font.glyph(for: scalar), 0, "no glyph for \(scalar)")
        }
        XCTAssertEqual(font.glyph(for: "\u{E000}"), 0)
        XCTAssertGreaterThan(font.advance(of: font.glyph(for: "W")), font.advance(of: font.glyph(for: "i")))
        XCTAssertEqual(font.advance(of: 65535), 0)
        // FontLocator caches: the same instance comes back.
        XCTAssertTrue(try FontLocator.load(path: FontLocator.dejaVuPaths()?.regular ?? "") === font)
    }

    func testSubsetHoldsOnlyUsedGlyphsWithValidChecksums() throws {
        let font = try dejaVu()
        let embedded = EmbeddedPDFFont(font: font, resourceName: "F1")
        var buffer = ByteBuffer()
        embedded.appendEncoded("Hello Καλημέρα", into: &buffer)
        let distinct = Set("Hello Καλημέρα".unicodeScalars).count
        XCTAssertEqual(embedded.usedGlyphs.count, distinct + 1, "notdef plus one CID per distinct character")
        let subset = try TrueTypeSubsetter(font: font).subset(glyphs: embedded.usedGlyphs)
        let parsedSubset = try TrueTypeFont(data: subset.fontFile)
        XCTAssertEqual(parsedSubset.glyphCount, subset.glyphOrder.count)
        XCTAssertLessThanOrEqual(parsedSubset.glyphCount, distinct + 1 + 4, "only used glyphs and their components")
        for (newID, oldID) in subset.glyphOrder.enumerated() {
            XCTAssertEqual(parsedSubset.advance(of: UInt16(newID)), font.advance(of: oldID))
            XCTAssertEqual(parsedSubset.glyphData(UInt16(newID)).count, (font.glyphData(oldID).count + 3) / 4 * 4)
        }
        // Whole-file checksum must equal the magic once checkSumAdjustment is set.
        XCTAssertEqual(sfntChecksum(subset.fontFile), 0xB1B0_AFBA)
        XCTAssertLessThan(subset.fontFile.count, 20_000)
    }

    func testCompositeGlyphComponentsAreIncluded() throws {
        let font = try dejaVu()
        let subsetter = TrueTypeSubsetter(font: font)
        let composite = (0x00C0...0x024F).compactMap(Unicode.Scalar.init).map { font.glyph(for: $0) }
            .first { (try? subsetter.components(of: $0).isEmpty == false) ?? false }
        guard let glyph = composite else { throw XCTSkip("no composite glyph found") }
        let components = try subsetter.components(of: glyph)
        let result = try subsetter.subset(glyphs: [0, glyph])
        for component in components { XCTAssertTrue(result.glyphOrder.contains(component)) }
        let parsed = try TrueTypeFont(data: result.fontFile)
        // Component references were rewritten to new ids inside the subset.
        let rewritten = try TrueTypeSubsetter(font: parsed).components(of: 1)
        XCTAssertEqual(rewritten.map { result.glyphOrder[Int($0)] }, components)
    }

    func testMalformedFontsThrowInsteadOfCrashing() {
        XCTAssertThrowsError(try TrueTypeFont(data: [])) { XCTAssertTrue(($0 as? FontError).map { "\($0)" }?.contains("malformed") ?? false) }
        XCTAssertThrowsError(try TrueTypeFont(data: Array("OTTO".utf8) + [UInt8](repeating: 0, count: 20))) {
            XCTAssertEqual($0 as? FontError, .unsupportedFormat("CFF outlines (OTTO) need FontFile3"))
        }
        XCTAssertThrowsError(try TrueTypeFont(data: [0, 1, 0, 0, 0, 0] + [UInt8](repeating: 0, count: 20))) {
            XCTAssertEqual($0 as? FontError, .missingTable("head"))
        }
        XCTAssertThrowsError(try TrueTypeFont(data: [1, 2, 3, 4, 5, 6, 7, 8]))
        XCTAssertThrowsError(try TrueTypeFont(path: "/nonexistent/font.ttf")) {
            XCTAssertEqual($0 as? FontError, .unreadable(path: "/nonexistent/font.ttf"))
        }
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<50 {
            var bytes = [UInt8](repeating: 0, count: 400)
            for index in bytes.indices { bytes[index] = UInt8.random(in: 0...255, using: &generator) }
            bytes.replaceSubrange(0..<4, with: [0, 1, 0, 0])
            _ = try? TrueTypeFont(data: bytes)
        }
        for error in [FontError.malformed("x"), .missingTable("glyf"), .embeddingRestricted(name: "F"), .unsupportedFormat("y")] {
            XCTAssertFalse(error.description.isEmpty)
        }
    }

    func testRestrictedLicenseFontIsRefused() throws {
        let font = try dejaVu()
        var bytes = font.data
        let os2 = try XCTUnwrap(font.tables["OS/2"]?.lowerBound)
        bytes.setU16(0x0002, at: os2 + 8)
        XCTAssertThrowsError(try TrueTypeFont(data: bytes)) {
            XCTAssertEqual($0 as? FontError, .embeddingRestricted(name: "DejaVuSans"))
        }
    }

    func testTruncatedDejaVuThrows() throws {
        let font = try dejaVu()
        let truncated = Array(font.data.prefix(font.data.count / 3))
        XCTAssertThrowsError(try TrueTypeFont(data: truncated))
    }

    func testWinAnsiMapping() {
        XCTAssertEqual(StandardPDFFont.winAnsiCode("A"), 0x41)
        XCTAssertEqual(StandardPDFFont.winAnsiCode("é"), 0xE9)
        XCTAssertEqual(StandardPDFFont.winAnsiCode("€"), 0x80)
        XCTAssertEqual(StandardPDFFont.winAnsiCode("—"), 0x97)
        XCTAssertEqual(StandardPDFFont.winAnsiCode("😀"), UInt8(ascii: "?"))
        XCTAssertEqual(StandardPDFFont.winAnsiCode("漢"), UInt8(ascii: "?"))
        XCTAssertEqual(StandardPDFFont.winAnsiCode("\u{81}"), UInt8(ascii: "?"))
        let helvetica = StandardPDFFont(bold: false, resourceName: "F1")
        XCTAssertEqual(helvetica.width(of: "A", size: 1000), 667)
        XCTAssertEqual(StandardPDFFont(bold: true, resourceName: "F2").width(of: "A", size: 1000), 722)
    }
}

final class CmapTests: XCTestCase {
    /// DejaVu carries both a format 4 and a format 12 Unicode subtable: both readers must agree.
    func testFormat4AndFormat12Agree() throws {
        guard let path = FontLocator.dejaVuPaths()?.regular else { throw XCTSkip("DejaVu Sans is not installed") }
        let font = try FontLocator.load(path: path)
        let reader = FontDataReader(bytes: font.data)
        guard let cmap = font.tables["cmap"]?.lowerBound else { return XCTFail("no cmap") }
        var format4: Int?
        for index in 0..<Int(try reader.u16(cmap + 2)) {
            let subtable = cmap + Int(try reader.u32(cmap + 4 + index * 8 + 4))
            if try reader.u16(subtable) == 4 { format4 = subtable }
        }
        guard let format4 else { throw XCTSkip("no format 4 subtable") }
        var mapping = TrueTypeCmap.Mapping(bmp: [UInt16](repeating: 0, count: 0x10000), supplementary: [:])
        try TrueTypeCmap.readFormat4(reader, at: format4, into: &mapping)
        var differences = 0
        for code in 0x20..<0xFFFF where mapping.bmp[code] != font.bmpGlyphs[code] { differences += 1 }
        XCTAssertEqual(differences, 0)
        XCTAssertNotEqual(mapping.bmp[0x41], 0)
    }

    func testFontConfigLookupFindsAFile() throws {
        guard PDFTestSupport.tool("fc-match") != nil else { throw XCTSkip("fc-match is not installed") }
        let path = try XCTUnwrap(FontLocator.fcMatch("DejaVu Sans"))
        XCTAssertTrue(FileManager.default.isReadableFile(atPath: path))
    }
}
