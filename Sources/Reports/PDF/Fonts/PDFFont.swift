import Foundation

/// A font as the layout engine and the content streams see it: widths in 1/1000 em per
/// Unicode scalar, a way to encode text for a `Tj` operator, and the PDF objects describing it.
protocol PDFFont: AnyObject {
    /// The resource name used in content streams (`/F1`).
    var resourceName: String { get }

    /// Advance width of one scalar in 1/1000 em.
    func advance(_ scalar: Unicode.Scalar) -> Int

    /// Appends the hex string operand (`<…>`) that shows `text`, recording glyph use.
    func appendEncoded(_ text: Substring, into buffer: inout ByteBuffer)

    /// Writes the font's objects; `id` is the object number content streams' resources use.
    func writeObjects(id: Int, writer: PDFObjectWriter) throws
}

extension PDFFont {
    /// The width of `text` at `size` points.
    func width(of text: Substring, size: Double) -> Double {
        var total = 0
        for scalar in text.unicodeScalars { total += advance(scalar) }
        return Double(total) * size / 1000
    }

    /// The width of `text` at `size` points.
    func width(of text: String, size: Double) -> Double {
        width(of: Substring(text), size: size)
    }

    /// `text` if it fits `width`, else its longest prefix that fits followed by an ellipsis.
    func fitted(_ text: String, size: Double, width: Double) -> Substring {
        if self.width(of: text, size: size) <= width { return Substring(text) }
        let budget = width - self.width(of: "…", size: size)
        var used = 0.0
        let scalars = text.unicodeScalars
        var end = scalars.startIndex
        for index in scalars.indices {
            let advance = Double(self.advance(scalars[index])) * size / 1000
            if used + advance > budget { break }
            used += advance
            end = scalars.index(after: index)
        }
        return Substring(String(scalars[..<end]) + "…")
    }
}

/// A Standard 14 Helvetica font with WinAnsiEncoding; characters outside cp1252 print as '?'.
final class StandardPDFFont: PDFFont {
    let resourceName: String
    private let baseFont: String
    private let widths: [UInt16]

    /// Creates Helvetica or Helvetica-Bold.
    init(bold: Bool, resourceName: String) {
        baseFont = bold ? "Helvetica-Bold" : "Helvetica"
        widths = bold ? StandardFontMetrics.helveticaBold : StandardFontMetrics.helvetica
        self.resourceName = resourceName
    }

    /// The WinAnsi byte for a scalar; '?' when cp1252 has no such character.
    static func winAnsiCode(_ scalar: Unicode.Scalar) -> UInt8 {
        let value = scalar.value
        if (0x20..<0x7F).contains(value) || (0xA0...0xFF).contains(value) { return UInt8(value) }
        return StandardFontMetrics.cp1252High[value] ?? UInt8(ascii: "?")
    }

    func advance(_ scalar: Unicode.Scalar) -> Int {
        Int(widths[Int(StandardPDFFont.winAnsiCode(scalar))])
    }

    func appendEncoded(_ text: Substring, into buffer: inout ByteBuffer) {
        buffer.append(UInt8(ascii: "<"))
        for scalar in text.unicodeScalars { buffer.append(hex8: StandardPDFFont.winAnsiCode(scalar)) }
        buffer.append(UInt8(ascii: ">"))
    }

    func writeObjects(id: Int, writer: PDFObjectWriter) throws {
        try writer.writeObject(id, "<< /Type /Font /Subtype /Type1 /BaseFont /\(baseFont) /Encoding /WinAnsiEncoding >>")
    }
}
