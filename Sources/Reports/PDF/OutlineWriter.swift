import Foundation

/// Writes the bookmark tree (/Outlines, ISO 32000-1 §12.3.3), nesting headings by level.
struct OutlineWriter {
    let writer: PDFObjectWriter
    let pageID: (Int) -> Int

    private final class Node {
        let entry: OutlineEntry?
        var children: [Node] = []
        var id = 0
        init(_ entry: OutlineEntry?) { self.entry = entry }
        var level: Int { entry.map { max(1, $0.level) } ?? 0 }
        /// Open items count all their descendants.
        var descendantCount: Int { children.reduce(children.count) { $0 + $1.descendantCount } }
    }

    /// Writes the tree and returns the /Outlines object number, or nil for no headings.
    func write(_ entries: [OutlineEntry]) throws -> Int? {
        guard !entries.isEmpty else { return nil }
        let root = Node(nil)
        var stack = [root]
        for entry in entries {
            let node = Node(entry)
            while let last = stack.last, last !== root, last.level >= node.level { stack.removeLast() }
            stack.last?.children.append(node)
            stack.append(node)
        }
        root.id = writer.reserve()
        assignIDs(root)
        try writer.writeObject(root.id, "<< /Type /Outlines /First \(root.children[0].id) 0 R "
            + "/Last \(root.children[root.children.count - 1].id) 0 R /Count \(root.descendantCount) >>")
        try writeChildren(of: root)
        return root.id
    }

    private func assignIDs(_ node: Node) {
        for child in node.children {
            child.id = writer.reserve()
            assignIDs(child)
        }
    }

    private func writeChildren(of parent: Node) throws {
        for (index, node) in parent.children.enumerated() {
            guard let entry = node.entry else { continue }
            let title = TextWrapper.sanitized(entry.title).replacingOccurrences(of: "\n", with: " ")
            var body = "<< /Title \(PDFSyntax.textString(title)) /Parent \(parent.id) 0 R"
            if index > 0 { body += " /Prev \(parent.children[index - 1].id) 0 R" }
            if index + 1 < parent.children.count { body += " /Next \(parent.children[index + 1].id) 0 R" }
            if let first = node.children.first, let last = node.children.last {
                body += " /First \(first.id) 0 R /Last \(last.id) 0 R /Count \(node.descendantCount)"
            }
            var y = ByteBuffer(capacity: 16)
            y.append(number: entry.location.y)
            body += " /Dest [\(pageID(entry.location.page)) 0 R /XYZ null \(String(decoding: y.bytes, as: UTF8.self)) null] >>"
            try writer.writeObject(node.id, body)
            try writeChildren(of: node)
        }
    }
}

/// The XMP metadata packet mirroring /Info, so tools that read only XMP see the same values.
enum XMPPacket {
    static func make(_ metadata: ReportMetadata, created: Date) -> String {
        let date = PDFSyntax.isoDate(created)
        func text(_ value: String) -> String { PDFSyntax.xmlEscaped(value) }
        var lines = [
            "<?xpacket begin=\"\u{FEFF}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>",
            "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">",
            "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">",
            "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
                + " xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">",
            "<dc:format>application/pdf</dc:format>",
            "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">\(text(metadata.title))</rdf:li></rdf:Alt></dc:title>",
        ]
        if !metadata.author.isEmpty {
            lines.append("<dc:creator><rdf:Seq><rdf:li>\(text(metadata.author))</rdf:li></rdf:Seq></dc:creator>")
        }
        if !metadata.subject.isEmpty {
            lines.append("<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">\(text(metadata.subject))</rdf:li></rdf:Alt></dc:description>")
        }
        if !metadata.keywords.isEmpty {
            lines.append("<pdf:Keywords>\(text(metadata.keywords.joined(separator: ", ")))</pdf:Keywords>")
        }
        lines += [
            "<xmp:CreateDate>\(date)</xmp:CreateDate>", "<xmp:ModifyDate>\(date)</xmp:ModifyDate>",
            "<xmp:CreatorTool>Formwork</xmp:CreatorTool>", "<pdf:Producer>Formwork Reports</pdf:Producer>",
            "</rdf:Description>", "</rdf:RDF>", "</x:xmpmeta>", "<?xpacket end=\"w\"?>",
        ]
        return lines.joined(separator: "\n")
    }
}
