import Foundation

/// One laid-out line: the text and its width in points.
struct WrappedLine {
    var text: Substring
    var width: Double
}

/// Greedy word wrapping with measured glyph advances.
///
/// Lines break at spaces (which are dropped) or after hyphens; a word wider than the line is
/// broken between characters, so nothing ever overflows. `\n` forces a break.
enum TextWrapper {
    static func wrap(_ text: String, font: PDFFont, size: Double, maxWidth: Double) -> [WrappedLine] {
        let scalars = text.unicodeScalars
        let scale = size / 1000
        let units = (max(0, maxWidth) / scale).rounded(.down)
        let limit = units.isFinite ? Int(min(units, 1e9)) : 1_000_000_000
        var lines: [WrappedLine] = []
        var lineStart = scalars.startIndex, lineWidth = 0
        var breakEnd: String.UnicodeScalarView.Index?, breakWidth = 0
        var resume = lineStart, resumeWidth = 0
        var afterWrap = false
        var index = lineStart

        func emit(_ end: String.UnicodeScalarView.Index, _ width: Int) {
            var stop = end, trimmed = width
            while stop > lineStart, scalars[scalars.index(before: stop)] == " " {
                stop = scalars.index(before: stop)
                trimmed -= font.advance(" ")
            }
            lines.append(WrappedLine(text: Substring(scalars[lineStart..<stop]), width: Double(trimmed) * scale))
        }

        while index < scalars.endIndex {
            let scalar = scalars[index]
            if scalar == "\n" {
                emit(index, lineWidth)
                index = scalars.index(after: index)
                lineStart = index; lineWidth = 0; breakEnd = nil; afterWrap = false
                continue
            }
            if scalar == " " {
                if afterWrap && index == lineStart {
                    // Spaces that would start a wrapped line are absorbed by the break.
                    index = scalars.index(after: index)
                    lineStart = index
                    continue
                }
                if index > lineStart { breakEnd = index; breakWidth = lineWidth }
                lineWidth += font.advance(scalar)
                index = scalars.index(after: index)
                resume = index; resumeWidth = lineWidth
                continue
            }
            let advance = font.advance(scalar)
            if lineWidth + advance > limit && index > lineStart {
                afterWrap = true
                if let end = breakEnd {
                    emit(end, breakWidth)
                    lineStart = resume; lineWidth -= resumeWidth; breakEnd = nil
                } else {
                    emit(index, lineWidth)
                    lineStart = index; lineWidth = 0
                }
                continue
            }
            lineWidth += advance
            index = scalars.index(after: index)
            if scalar == "-" { breakEnd = index; breakWidth = lineWidth; resume = index; resumeWidth = lineWidth }
        }
        if lineStart < scalars.endIndex || lines.isEmpty {
            emit(scalars.endIndex, lineWidth)
        }
        return lines
    }

    /// Replaces characters that cannot be shown: tabs become spaces, CR/CRLF become LF, other
    /// control characters are dropped. Returns the input unchanged (no copy) in the common case.
    static func sanitized(_ text: String) -> String {
        let needsWork = text.utf8.contains { $0 < 0x20 && $0 != 0x0A || $0 == 0x7F }
        guard needsWork else { return text }
        var result = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\t": result.append(" ")
            case "\r": result.append("\n")
            case "\n": if !previousWasCR { result.append("\n") }
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value) { continue }
                result.append(scalar)
            }
        }
        return String(result)
    }
}
