import Foundation

/// Replaces placeholders in the paragraphs of a token range, also when Word has split a
/// placeholder over several runs (`{{na` in one run, `me}}` in the next).
///
/// The text nodes (`w:t`) of a paragraph are read as one string; each placeholder's value
/// goes into the node where the placeholder starts, so it keeps that run's formatting, and
/// the placeholder's remaining characters are removed from the following nodes. Runs and
/// everything else in the paragraph stay as they were.
enum ParagraphFiller {
    /// A `w:t` element: tokens `first...last` and its decoded text.
    private struct TextNode {
        let first: Int
        let last: Int
        let text: [Unicode.Scalar]
    }

    private static let paragraphName = Array("w:p".utf8)
    private static let textName = Array("w:t".utf8)

    /// Appends the bytes of `tokens[range]` to `output`, with placeholders filled.
    static func fill(_ bytes: [UInt8], tokens: [XMLToken], range: Range<Int>, context: inout PlaceholderContext, output: inout [UInt8]) {
        var replacements: [Int: (last: Int, bytes: [UInt8])] = [:]
        for group in textNodesByParagraph(bytes, tokens: tokens, range: range) {
            rewrite(group, context: &context, into: &replacements)
        }
        var index = range.lowerBound
        while index < range.upperBound {
            if let replacement = replacements[index] {
                output.append(contentsOf: replacement.bytes)
                index = replacement.last + 1
            } else {
                output.append(contentsOf: bytes[tokens[index].range])
                index += 1
            }
        }
    }

    /// The text nodes of each paragraph, paragraphs in document order. Text outside any
    /// paragraph in this range (not valid WordprocessingML) forms its own group.
    private static func textNodesByParagraph(_ bytes: [UInt8], tokens: [XMLToken], range: Range<Int>) -> [[TextNode]] {
        var groups: [[TextNode]] = []
        var groupOfParagraph: [Int: Int] = [:]
        var paragraphs: [Int] = []
        var index = range.lowerBound
        while index < range.upperBound {
            let token = tokens[index]
            if token.isTag(paragraphName) {
                if token.kind == .open { paragraphs.append(index) } else if token.kind == .close { _ = paragraphs.popLast() }
            } else if token.isTag(textName), let node = textNode(bytes, tokens: tokens, at: index, limit: range.upperBound) {
                let key = paragraphs.last ?? -1
                if let group = groupOfParagraph[key] {
                    groups[group].append(node)
                } else {
                    groupOfParagraph[key] = groups.count
                    groups.append([node])
                }
                index = node.last
            }
            index += 1
        }
        return groups
    }

    /// The `w:t` starting at `index`: `<w:t/>`, `<w:t></w:t>` or `<w:t>text</w:t>`.
    private static func textNode(_ bytes: [UInt8], tokens: [XMLToken], at index: Int, limit: Int) -> TextNode? {
        let token = tokens[index]
        if token.kind == .selfClosing { return TextNode(first: index, last: index, text: []) }
        guard token.kind == .open, index + 1 < limit else { return nil }
        if tokens[index + 1].isTag(textName), tokens[index + 1].kind == .close {
            return TextNode(first: index, last: index + 1, text: [])
        }
        guard tokens[index + 1].kind == .text, index + 2 < limit,
              tokens[index + 2].isTag(textName), tokens[index + 2].kind == .close else { return nil }
        return TextNode(first: index, last: index + 2, text: XMLEntities.decode(bytes[tokens[index + 1].range]))
    }

    /// Computes the new text of every node of one paragraph and records the rewritten ones.
    private static func rewrite(_ nodes: [TextNode], context: inout PlaceholderContext, into replacements: inout [Int: (last: Int, bytes: [UInt8])]) {
        let combined = nodes.flatMap(\.text)
        let placeholders = Placeholder.find(in: combined)
        guard !placeholders.isEmpty else { return }
        var nodeStart = 0
        var nextPlaceholder = 0
        for node in nodes {
            let nodeEnd = nodeStart + node.text.count
            var text = String.UnicodeScalarView()
            var position = nodeStart
            while position < nodeEnd {
                // Skip placeholders that ended before this position.
                while nextPlaceholder < placeholders.count, placeholders[nextPlaceholder].range.upperBound <= position { nextPlaceholder += 1 }
                if nextPlaceholder < placeholders.count, placeholders[nextPlaceholder].range.contains(position) {
                    let placeholder = placeholders[nextPlaceholder]
                    if placeholder.range.lowerBound == position { text.append(contentsOf: context.resolve(placeholder.name).unicodeScalars) }
                    position = min(nodeEnd, placeholder.range.upperBound)
                } else {
                    text.append(combined[position])
                    position += 1
                }
            }
            let touched = placeholders.contains { $0.range.overlaps(nodeStart..<nodeEnd) }
            if touched {
                var xml = XMLBuffer(capacity: text.count + 32)
                xml.appendRunText(String(text))
                replacements[node.first] = (node.last, xml.bytes)
            }
            nodeStart = nodeEnd
        }
    }
}
