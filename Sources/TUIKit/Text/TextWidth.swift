/// Display width of text in terminal cells, per grapheme, independent of the C locale.
///
/// glibc `wcwidth` answers -1 for `作` in the C locale, so snapshots would depend on the
/// environment; this table-driven equivalent gives the same answer everywhere. Rules:
/// controls and zero-width marks take 0 cells, East Asian Wide/Fullwidth and emoji-presentation
/// characters take 2, everything else 1. A grapheme (Swift `Character`) is measured as a whole:
/// combining marks join their base, and emoji sequences (ZWJ, skin-tone modifiers, VS16,
/// flags, keycaps) count as one 2-cell glyph.
public enum TextWidth {
    /// The width of one Unicode scalar on its own.
    public static func width(of scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x20 || (0x7F..<0xA0).contains(value) { return 0 }
        if value < 0x300 { return 1 }
        if isZeroWidth(scalar) { return 0 }
        if UnicodeTables.isWide(value) || scalar.properties.isEmojiPresentation { return 2 }
        return 1
    }

    /// The width of one grapheme cluster: 0, 1 or 2 cells.
    public static func width(of character: Character) -> Int {
        if let ascii = character.asciiValue {
            return ascii >= 0x20 && ascii != 0x7F ? 1 : 0
        }
        let scalars = character.unicodeScalars
        var iterator = scalars.makeIterator()
        guard let first = iterator.next() else { return 0 }
        guard iterator.next() != nil else { return width(of: first) }
        return sequenceWidth(scalars)
    }

    /// The total width of `text`, grapheme by grapheme.
    public static func width(of text: String) -> Int {
        var total = 0
        for character in text { total += width(of: character) }
        return total
    }

    /// The width of `text` (substring form).
    public static func width(of text: Substring) -> Int {
        var total = 0
        for character in text { total += width(of: character) }
        return total
    }

    /// True for scalars that never advance the cursor: combining marks, format characters and
    /// Hangul medial vowels / final consonants (which join a leading consonant).
    public static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value == 0xAD { return false }
        if (0x1160...0x11FF).contains(value) || (0xD7B0...0xD7FF).contains(value) { return true }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return true
        default: return false
        }
    }

    // Multi-scalar graphemes: find the base and the presentation selectors around it.
    private static func sequenceWidth(_ scalars: Character.UnicodeScalarView) -> Int {
        var base: Unicode.Scalar?
        var textPresentation = false, emojiPresentation = false
        for scalar in scalars {
            switch scalar.value {
            case 0xFE0E: textPresentation = true
            case 0xFE0F, 0x200D, 0x1F3FB...0x1F3FF, 0x20E3: emojiPresentation = true
            default:
                if base == nil, width(of: scalar) > 0 { base = scalar }
            }
        }
        guard let base else { return 0 }
        if textPresentation { return UnicodeTables.isWide(base.value) ? 2 : 1 }
        if emojiPresentation, base.properties.isEmoji { return 2 }
        return width(of: base)
    }
}
