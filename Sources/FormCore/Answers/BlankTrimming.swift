import Foundation

/// Trimming the blanks around answer text. Foundation's `trimmingCharacters(in:)` costs
/// microseconds per call on Linux even when there is nothing to trim, which dominated reading
/// stored answers (every JSON string answer is read as text): about 1 s per 100,000 responses.
/// Text that neither starts nor ends with a blank is returned as it is; anything else still
/// goes through Foundation, so the result is always the same.
enum BlankTrimming {
    /// `text` without the spaces, tabs and other space separators at its ends.
    static func trimmed(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return text }
        guard isBlank(first) || isBlank(last) else { return text }
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// Whether `CharacterSet.whitespaces` holds `scalar` (asked of the set itself beyond ASCII:
    /// on Linux it also holds U+200B, which is not a space separator).
    static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar == " " || scalar == "\t" }
        return blanks.contains(scalar)
    }

    private static let blanks = CharacterSet.whitespaces
}
