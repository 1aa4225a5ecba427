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

    /// What `CharacterSet.whitespaces` holds: tab and the space separators (Unicode Zs).
    static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar == " " || scalar == "\t" }
        return scalar.properties.generalCategory == .spaceSeparator
    }
}
