import Foundation

/// One lexical piece of an XML part, as a byte range of the original.
struct XMLToken {
    /// What the piece is.
    enum Kind: Equatable {
        /// `<name ...>`
        case open
        /// `</name>`
        case close
        /// `<name .../>`
        case selfClosing
        /// Character data between tags (still escaped).
        case text
        /// Declarations, processing instructions, comments, CDATA: copied through untouched.
        case other
    }

    /// What the piece is.
    let kind: Kind
    /// The element's qualified name for tags ("w:t"); empty otherwise.
    let name: ArraySlice<UInt8>
    /// Where the piece is in the part's bytes.
    let range: Range<Int>

    /// Whether this is a tag (open, close or self-closing) for the qualified name `qname`.
    func isTag(_ qname: [UInt8]) -> Bool {
        kind != .text && kind != .other && name.elementsEqual(qname)
    }
}

/// Splits an XML part into tags and text without building a tree.
///
/// Template filling only needs to find `w:p`, `w:t` and `w:tr` boundaries and rewrite a few
/// text nodes; keeping everything else as original byte ranges means the user's markup
/// (namespaces, extensions, unknown elements) is written back exactly as it was.
enum XMLTokenizer {
    /// The tokens of `bytes`; throws on an unterminated tag, comment or other markup.
    static func tokenize(_ bytes: [UInt8], part: String) throws -> [XMLToken] {
        var tokens: [XMLToken] = []
        tokens.reserveCapacity(bytes.count / 16)
        var index = 0
        let count = bytes.count
        while index < count {
            guard bytes[index] == UInt8(ascii: "<") else {
                var end = index
                while end < count, bytes[end] != UInt8(ascii: "<") { end += 1 }
                tokens.append(XMLToken(kind: .text, name: [], range: index..<end))
                index = end
                continue
            }
            let token = try markup(in: bytes, at: index, part: part)
            tokens.append(token)
            index = token.range.upperBound
        }
        return tokens
    }

    /// The markup token starting at `start` (which holds `<`).
    private static func markup(in bytes: [UInt8], at start: Int, part: String) throws -> XMLToken {
        if starts(bytes, at: start, with: "<!--") {
            return XMLToken(kind: .other, name: [], range: start..<(try find(bytes, "-->", from: start + 4, part: part)))
        }
        if starts(bytes, at: start, with: "<![CDATA[") {
            return XMLToken(kind: .other, name: [], range: start..<(try find(bytes, "]]>", from: start + 9, part: part)))
        }
        if starts(bytes, at: start, with: "<?") {
            return XMLToken(kind: .other, name: [], range: start..<(try find(bytes, "?>", from: start + 2, part: part)))
        }
        if starts(bytes, at: start, with: "<!") {
            return XMLToken(kind: .other, name: [], range: start..<(try find(bytes, ">", from: start + 2, part: part)))
        }
        let isClose = start + 1 < bytes.count && bytes[start + 1] == UInt8(ascii: "/")
        let nameStart = start + (isClose ? 2 : 1)
        var nameEnd = nameStart
        while nameEnd < bytes.count, !isNameTerminator(bytes[nameEnd]) { nameEnd += 1 }
        guard nameEnd > nameStart else { throw DOCXError.malformedPart(part: part, reason: "tag without a name at byte \(start)") }
        let end = try tagEnd(bytes, from: nameEnd, part: part)
        let kind: XMLToken.Kind = isClose ? .close : (bytes[end - 2] == UInt8(ascii: "/") ? .selfClosing : .open)
        return XMLToken(kind: kind, name: bytes[nameStart..<nameEnd], range: start..<end)
    }

    /// The index just past the `>` that ends a tag, skipping quoted attribute values.
    private static func tagEnd(_ bytes: [UInt8], from start: Int, part: String) throws -> Int {
        var index = start
        var quote: UInt8?
        while index < bytes.count {
            let byte = bytes[index]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                return index + 1
            }
            index += 1
        }
        throw DOCXError.malformedPart(part: part, reason: "unterminated tag at byte \(start)")
    }

    private static func isNameTerminator(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/")
            || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private static func starts(_ bytes: [UInt8], at index: Int, with prefix: StaticString) -> Bool {
        prefix.withUTF8Buffer { pattern in
            index + pattern.count <= bytes.count && bytes[index..<(index + pattern.count)].elementsEqual(pattern)
        }
    }

    /// The index just past the first `terminator` at or after `start`.
    private static func find(_ bytes: [UInt8], _ terminator: StaticString, from start: Int, part: String) throws -> Int {
        var index = start
        while index < bytes.count {
            if starts(bytes, at: index, with: terminator) { return index + terminator.utf8CodeUnitCount }
            index += 1
        }
        throw DOCXError.malformedPart(part: part, reason: "unterminated markup at byte \(start)")
    }
}
