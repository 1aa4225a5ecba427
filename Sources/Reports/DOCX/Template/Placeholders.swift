import Foundation

/// A `{{name}}` found in a paragraph's text, as a range of Unicode scalars.
struct Placeholder: Equatable {
    /// Where the whole `{{...}}` is, in scalars of the paragraph text.
    let range: Range<Int>
    /// The trimmed name between the braces.
    let name: String

    /// The section markers that delimit a repeated block of table rows.
    static let rowsStart = "#rows"
    static let rowsEnd = "/rows"
    /// Names with this prefix take their value from the current repeated row.
    static let rowPrefix = "row."

    /// Every placeholder in `text`, left to right. A name is 1–200 characters without braces;
    /// anything else between `{{` and `}}` is left as literal text.
    static func find(in text: [Unicode.Scalar]) -> [Placeholder] {
        var found: [Placeholder] = []
        var index = 0
        let open: Unicode.Scalar = "{", close: Unicode.Scalar = "}"
        while index + 3 < text.count {
            guard text[index] == open, text[index + 1] == open else { index += 1; continue }
            var end = index + 2
            while end < text.count, end - index < 202, text[end] != open, text[end] != close { end += 1 }
            if end + 1 < text.count, text[end] == close, text[end + 1] == close {
                var name = String(String.UnicodeScalarView(text[(index + 2)..<end]))
                name = name.trimmingCharacters(in: .whitespaces)
                if !name.isEmpty {
                    found.append(Placeholder(range: index..<(end + 2), name: name))
                    index = end + 2
                    continue
                }
            }
            index += 1
        }
        return found
    }
}

/// Looks up placeholder values and keeps the tally for the fill report.
struct PlaceholderContext {
    /// Document-wide values.
    let values: [String: String]
    /// The current repeated row's values, inside a repeated block.
    var row: [String: String]?
    /// Names that had no value.
    private(set) var missing: Set<String> = []
    /// Placeholders replaced (including those replaced by empty text because they were missing).
    private(set) var replaced = 0

    /// Creates a context for `values`.
    init(values: [String: String]) { self.values = values }

    /// The text for a placeholder: its value, empty for section markers, empty (and noted as
    /// missing) when there is no value.
    mutating func resolve(_ name: String) -> String {
        if name == Placeholder.rowsStart || name == Placeholder.rowsEnd { return "" }
        replaced += 1
        if name.hasPrefix(Placeholder.rowPrefix), let row {
            let key = String(name.dropFirst(Placeholder.rowPrefix.count))
            if let value = row[key] ?? row[name] { return value }
            missing.insert(name)
            return ""
        }
        if let value = values[name] { return value }
        missing.insert(name)
        return ""
    }
}

/// Decodes the five predefined entities and numeric character references of XML text.
enum XMLEntities {
    /// The characters of escaped XML text as scalars. Unknown entities stay literal.
    static func decode(_ bytes: ArraySlice<UInt8>) -> [Unicode.Scalar] {
        let text = String(decoding: bytes, as: UTF8.self)
        guard bytes.contains(UInt8(ascii: "&")) else { return Array(text.unicodeScalars) }
        var result: [Unicode.Scalar] = []
        let scalars = Array(text.unicodeScalars)
        var index = 0
        while index < scalars.count {
            if scalars[index] == "&", let end = scalars[index...].prefix(12).firstIndex(of: ";"),
               let decoded = entity(String(String.UnicodeScalarView(scalars[(index + 1)..<end]))) {
                result.append(decoded)
                index = end + 1
            } else {
                result.append(scalars[index])
                index += 1
            }
        }
        return result
    }

    private static func entity(_ name: String) -> Unicode.Scalar? {
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        default:
            guard name.hasPrefix("#") else { return nil }
            let digits = name.dropFirst()
            let value = digits.hasPrefix("x") || digits.hasPrefix("X") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            return value.flatMap(Unicode.Scalar.init)
        }
    }
}
