import Foundation

/// Fills one XML part of a template: repeated table rows first, then placeholders.
///
/// Row convention (docs/reports-docx.md): a table row whose text contains `{{#rows}}` starts
/// a repeated block that ends with the row containing `{{/rows}}` (the same row when both
/// markers are in it); a row with `{{row.key}}` placeholders and no markers is a block by
/// itself. The block is written once per data row, with `{{row.key}}` taken from that row.
enum TemplatePartFiller {
    /// A run of sibling table rows to repeat, as an inclusive token range.
    struct RowBlock: Equatable {
        let first: Int
        let last: Int
    }

    /// What filling one part did.
    struct Result {
        /// The part's new bytes.
        let bytes: [UInt8]
        /// Repeated blocks found.
        let blockCount: Int
    }

    private static let rowName = Array("w:tr".utf8)
    private static let tableName = Array("w:tbl".utf8)
    private static let textName = Array("w:t".utf8)

    /// Fills `bytes` (the part named `part`) using `context`; `rows` are the repeated rows.
    static func fill(_ bytes: [UInt8], part: String, rows: [[String: String]], context: inout PlaceholderContext) throws -> Result {
        let tokens = try XMLTokenizer.tokenize(bytes, part: part)
        let blocks = rowBlocks(bytes, tokens: tokens)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 4)
        var position = 0
        for block in blocks {
            ParagraphFiller.fill(bytes, tokens: tokens, range: position..<block.first, context: &context, output: &output)
            for row in rows {
                context.row = row
                ParagraphFiller.fill(bytes, tokens: tokens, range: block.first..<(block.last + 1), context: &context, output: &output)
            }
            context.row = nil
            position = block.last + 1
        }
        ParagraphFiller.fill(bytes, tokens: tokens, range: position..<tokens.count, context: &context, output: &output)
        return Result(bytes: output, blockCount: blocks.count)
    }

    /// An innermost table row: its token range, the placeholder names in it, and the
    /// table it belongs to (the index of its enclosing `w:tbl` open tag).
    private struct Row {
        let first: Int
        let last: Int
        let names: [String]
        let table: Int
    }

    /// The repeated blocks of a part, in document order and not overlapping.
    static func rowBlocks(_ bytes: [UInt8], tokens: [XMLToken]) -> [RowBlock] {
        let rows = innermostRows(bytes, tokens: tokens)
        var blocks: [RowBlock] = []
        var index = 0
        while index < rows.count {
            let row = rows[index]
            if row.names.contains(Placeholder.rowsStart) {
                // The block runs to the first row of the same table holding the end marker;
                // without one, the start row alone repeats.
                var end = index
                if !row.names.contains(Placeholder.rowsEnd) {
                    end = rows[(index + 1)...].firstIndex { $0.table == row.table && $0.names.contains(Placeholder.rowsEnd) } ?? index
                }
                blocks.append(RowBlock(first: row.first, last: rows[end].last))
                index = end + 1
            } else if row.names.contains(where: { $0.hasPrefix(Placeholder.rowPrefix) }) {
                blocks.append(RowBlock(first: row.first, last: row.last))
                index += 1
            } else {
                index += 1
            }
        }
        return blocks
    }

    /// Rows that contain no nested table rows, with the placeholder names of their text.
    private static func innermostRows(_ bytes: [UInt8], tokens: [XMLToken]) -> [Row] {
        var rows: [Row] = []
        var openRows: [(index: Int, hasNested: Bool)] = []
        var openTables: [Int] = []
        for (index, token) in tokens.enumerated() {
            if token.isTag(tableName) {
                if token.kind == .open { openTables.append(index) } else if token.kind == .close { _ = openTables.popLast() }
            }
            guard token.isTag(rowName) else { continue }
            if token.kind == .open {
                if !openRows.isEmpty { openRows[openRows.count - 1].hasNested = true }
                openRows.append((index, false))
            } else if token.kind == .close, let open = openRows.popLast() {
                if !openRows.isEmpty { openRows[openRows.count - 1].hasNested = true }
                guard !open.hasNested else { continue }
                let names = Placeholder.find(in: rowText(bytes, tokens: tokens, range: open.index..<index)).map(\.name)
                rows.append(Row(first: open.index, last: index, names: names, table: openTables.last ?? -1))
            }
        }
        return rows
    }

    /// The concatenated text of every `w:t` in the range (placeholders never span cells in a
    /// meaningful way, so cell boundaries need no separator for marker detection).
    private static func rowText(_ bytes: [UInt8], tokens: [XMLToken], range: Range<Int>) -> [Unicode.Scalar] {
        var text: [Unicode.Scalar] = []
        var index = range.lowerBound
        while index + 2 < range.upperBound {
            if tokens[index].isTag(textName), tokens[index].kind == .open, tokens[index + 1].kind == .text {
                text.append(contentsOf: XMLEntities.decode(bytes[tokens[index + 1].range]))
            }
            index += 1
        }
        return text
    }
}
