import Foundation

/// Escapes text for XML 1.0 in one pass over its UTF-8 bytes.
///
/// Runs of ordinary bytes are copied in bulk; only the few special bytes branch. Characters
/// XML 1.0 cannot carry at all (C0 controls other than tab/newline/return, U+FFFE, U+FFFF)
/// are removed, because no escape makes them legal and Word refuses files containing them.
enum XMLEscaper {
    /// Where the escaped text goes.
    enum Mode {
        /// Element content (`<dc:title>`, `<c:v>`, ...).
        case text
        /// A double-quoted attribute value.
        case attribute
        /// The inside of a WordprocessingML run: `w:t`, `w:tab`, `w:br` elements.
        case run
    }

    /// What each byte needs: 0 copy, 1 drop, 2 escape, 3 whitespace control, 4 possible
    /// U+FFFE/U+FFFF lead byte.
    private static let classes: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 256)
        for byte in 0..<0x20 { table[byte] = 1 }
        for byte in [0x09, 0x0A, 0x0D] { table[byte] = 3 }
        for byte: UInt8 in [0x26, 0x3C, 0x3E, 0x22, 0x27] { table[Int(byte)] = 2 }  // & < > " '
        table[0xEF] = 4
        return table
    }()

    /// Appends `text` escaped for `mode` to `output`.
    static func escape(_ text: String, into output: inout [UInt8], mode: Mode) {
        var copy = text
        copy.withUTF8 { source in
            var state = RunState(mode: mode)
            var start = 0
            var index = 0
            let count = source.count
            while index < count {
                let byte = source[index]
                let kind = classes[Int(byte)]
                if kind == 0 { index += 1; continue }
                if kind == 4 {
                    // U+FFFE and U+FFFF are EF BF BE / EF BF BF; any other EF sequence is text.
                    let isNonCharacter = index + 2 < count && source[index + 1] == 0xBF && source[index + 2] >= 0xBE
                    if !isNonCharacter { index += 1; continue }
                }
                state.flush(source, start, index, into: &output)
                switch kind {
                case 2: state.appendEntity(byte, into: &output)
                case 3:
                    let isCRLF = byte == 0x0D && index + 1 < count && source[index + 1] == 0x0A
                    if !isCRLF { state.appendWhitespace(byte, into: &output) }
                case 4: index += 2
                default: break
                }
                index += 1
                start = index
            }
            state.flush(source, start, count, into: &output)
            state.finish(into: &output)
        }
    }

    /// Tracks whether a `w:t` element is open while writing run content.
    private struct RunState {
        let mode: Mode
        var textOpen = false

        init(mode: Mode) { self.mode = mode }

        /// Copies source[start..<end], opening a `w:t` first in run mode.
        mutating func flush(_ source: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, into output: inout [UInt8]) {
            guard end > start else { return }
            openText(into: &output)
            output.append(contentsOf: UnsafeBufferPointer(rebasing: source[start..<end]))
        }

        mutating func openText(into output: inout [UInt8]) {
            guard mode == .run, !textOpen else { return }
            textOpen = true
            append("<w:t xml:space=\"preserve\">", into: &output)
        }

        mutating func appendEntity(_ byte: UInt8, into output: inout [UInt8]) {
            openText(into: &output)
            switch byte {
            case UInt8(ascii: "&"): append("&amp;", into: &output)
            case UInt8(ascii: "<"): append("&lt;", into: &output)
            case UInt8(ascii: ">"): append("&gt;", into: &output)
            case UInt8(ascii: "\""): append(mode == .attribute ? "&quot;" : "\"", into: &output)
            default: append(mode == .attribute ? "&apos;" : "'", into: &output)
            }
        }

        /// Tab, newline or carriage return (a CR directly before LF was already skipped).
        mutating func appendWhitespace(_ byte: UInt8, into output: inout [UInt8]) {
            switch mode {
            case .text:
                // A lone CR would be read back as LF; keep the line break, drop the CR byte.
                output.append(byte == 0x0D ? 0x0A : byte)
            case .attribute:
                append(byte == 0x09 ? "&#9;" : "&#10;", into: &output)
            case .run:
                if textOpen { append("</w:t>", into: &output); textOpen = false }
                append(byte == 0x09 ? "<w:tab/>" : "<w:br/>", into: &output)
            }
        }

        mutating func finish(into output: inout [UInt8]) {
            if textOpen { append("</w:t>", into: &output); textOpen = false }
        }

        private func append(_ markup: StaticString, into output: inout [UInt8]) {
            markup.withUTF8Buffer { output.append(contentsOf: $0) }
        }
    }
}
