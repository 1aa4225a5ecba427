import Foundation
import ZIPFoundation

/// What filling a template did.
public struct DOCXFillReport: Sendable, Equatable {
    /// Placeholder names that had no value (written as empty text), sorted.
    public var missingKeys: [String]
    /// Placeholders replaced, counting every copy in repeated rows.
    public var replacedCount: Int
    /// Repeated row blocks found across all parts.
    public var repeatedBlockCount: Int
    /// Parts whose content was rewritten ("word/document.xml", "word/header1.xml", ...).
    public var filledParts: [String]
}

/// A user's own .docx with `{{placeholders}}`, filled with response values.
///
/// Placeholders are filled in the document body, headers, footers, footnotes and endnotes,
/// also when Word has split one across runs; each value takes the formatting of the run the
/// placeholder starts in. Table rows marked with `{{#rows}}` … `{{/rows}}`, or containing
/// `{{row.key}}`, are repeated once per response row. Values are XML-escaped and stripped of
/// control characters XML cannot carry; `\n` becomes a line break and `\t` a tab. Every
/// other part (styles, images, settings) is copied unchanged.
public struct DOCXTemplate: Sendable {
    /// The template file.
    public let url: URL
    /// Environment consulted for `SOURCE_DATE_EPOCH` (the ZIP entries' time stamp).
    public var environment: [String: String]

    /// Parts larger than this (uncompressed) are refused: a defence against ZIP bombs.
    public static let maximumPartSize: UInt64 = 256 << 20

    /// Creates a template reader for `url`; nothing is read until `fill`.
    public init(_ url: URL, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.url = url
        self.environment = environment
    }

    /// Fills the template and writes the result atomically to `output`.
    @discardableResult
    public func fill(values: [String: String], rows: [[String: String]]? = nil, to output: URL) throws -> DOCXFillReport {
        let (data, report) = try filledData(values: values, rows: rows)
        let writer = try AtomicFileWriter(destination: output)
        do {
            try data.withUnsafeBytes { try writer.write($0) }
            try writer.commit()
        } catch {
            writer.discard()
            throw error
        }
        return report
    }

    /// Fills the template and returns the new .docx bytes with the report. With `rows` nil
    /// or empty, repeated rows are removed (a table with no data rows).
    public func filledData(values: [String: String], rows: [[String: String]]? = nil) throws -> (data: Data, report: DOCXFillReport) {
        let entries = try readEntries()
        guard entries.contains(where: { $0.path == "word/document.xml" }) else { throw DOCXError.notAWordDocument(path: url.path) }
        var context = PlaceholderContext(values: values)
        var blockCount = 0
        var filledParts: [String] = []
        var output: [(path: String, bytes: [UInt8])] = []
        for entry in entries {
            guard Self.isFillable(entry.path) else {
                output.append(entry)
                continue
            }
            let result = try TemplatePartFiller.fill(entry.bytes, part: entry.path, rows: rows ?? [], context: &context)
            blockCount += result.blockCount
            if result.bytes != entry.bytes { filledParts.append(entry.path) }
            output.append((entry.path, result.bytes))
        }
        let options = DOCXRenderOptions(environment: environment)
        let data = try DOCXZipWriter.archive(output, date: options.zipEntryDate)
        let report = DOCXFillReport(missingKeys: context.missing.sorted(), replacedCount: context.replaced,
                                    repeatedBlockCount: blockCount, filledParts: filledParts)
        return (data, report)
    }

    /// Whether a part can hold placeholders: the body, headers, footers, foot- and endnotes.
    static func isFillable(_ path: String) -> Bool {
        guard path.hasPrefix("word/"), path.hasSuffix(".xml"), !path.dropFirst(5).contains("/") else { return false }
        let name = path.dropFirst(5).dropLast(4)
        if name == "document" || name == "footnotes" || name == "endnotes" { return true }
        for prefix in ["header", "footer"] where name.hasPrefix(prefix) {
            return name.dropFirst(prefix.count).allSatisfy(\.isNumber)
        }
        return false
    }

    /// Every file entry of the template, in archive order.
    private func readEntries() throws -> [(path: String, bytes: [UInt8])] {
        let archive: Archive
        do {
            archive = try Archive(url: url, accessMode: .read)
        } catch {
            throw DOCXError.unreadableTemplate(path: url.path, reason: "not a readable ZIP archive")
        }
        var entries: [(path: String, bytes: [UInt8])] = []
        for entry in archive where entry.type == .file {
            guard entry.uncompressedSize <= Self.maximumPartSize else {
                throw DOCXError.malformedPart(part: entry.path, reason: "larger than \(Self.maximumPartSize >> 20) MB")
            }
            var bytes: [UInt8] = []
            bytes.reserveCapacity(Int(entry.uncompressedSize))
            do {
                _ = try archive.extract(entry, skipCRC32: false) { chunk in
                    guard UInt64(bytes.count + chunk.count) <= Self.maximumPartSize else { throw DOCXError.malformedPart(part: entry.path, reason: "larger than declared") }
                    bytes.append(contentsOf: chunk)
                }
            } catch let error as DOCXError {
                throw error
            } catch {
                throw DOCXError.unreadableTemplate(path: url.path, reason: "cannot extract \(entry.path)")
            }
            entries.append((entry.path, bytes))
        }
        return entries
    }
}
