import FormCore
import Foundation

/// Writes one small document per response (`responses/<form>-response-00001.<ext>`), reading
/// the responses again one at a time, so none is kept after its files are written.
struct PerResponseWriter {
    let request: ExportRequest
    let exporter: ReportExporter

    func write(generatedAt: Date) throws -> [URL] {
        let formats = request.formats.filter(\.isDocument)
        guard !formats.isEmpty else { return [] }
        let folder = request.outputDirectory.appendingPathComponent("responses")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let fields = ReportFields.answerable(in: request.form)
        var stream = CancellableStream(inner: try request.source.open(), isCancelled: exporter.isCancelled)
        var files: [URL] = []
        var count = 0
        while let record = try stream.next() {
            let detail = ResponseDetail(number: record.number, answers: record.answers, fields: fields)
            let title = "\(request.form.title) — response \(record.number)"
            let document = ReportDocument(
                metadata: ReportMetadata(title: title, author: "Formwork", subject: request.form.id, creationDate: generatedAt),
                blocks: [.heading(level: 1, text: title)] + SectionTables.detail(detail, title: "Answers")
            ).sanitized()
            for format in formats {
                guard let renderer = exporter.renderer(for: format, request) else { continue }
                let url = folder.appendingPathComponent("\(request.baseName)-response-\(String(format: "%05d", record.number)).\(format.rawValue)")
                try exporter.write(url) { try renderer.render(document, to: $0) }
                files.append(url)
            }
            count += 1
            exporter.progress(.perResponse(count))
        }
        return files
    }
}

/// Packs files into one ZIP, with paths relative to `root`, and removes the loose files.
enum ZipBundler {
    static func bundle(_ files: [URL], into archive: URL, root: URL, date: Date) throws -> URL {
        let writer = try AtomicFileWriter(destination: archive)
        do {
            let zip = ZipArchiveWriter(sink: writer, date: date)
            let prefix = root.standardizedFileURL.path + "/"
            for file in files {
                guard let data = FileManager.default.contents(atPath: file.path) else { throw ResponseReadError.unreadable(path: file.path) }
                let path = file.standardizedFileURL.path
                try zip.add(path: path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : file.lastPathComponent, contents: [UInt8](data))
            }
            try zip.finish()
            try writer.commit()
        } catch {
            writer.discard()
            throw error
        }
        for file in files { try? FileManager.default.removeItem(at: file) }
        // The per-response folder goes too, but only when nothing else was in it.
        let folder = root.appendingPathComponent("responses")
        if (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.isEmpty == true { try? FileManager.default.removeItem(at: folder) }
        return archive
    }
}
