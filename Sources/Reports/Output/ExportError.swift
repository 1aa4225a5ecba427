/// Problems while exporting a report, beyond reading inputs.
public enum ExportError: Error, Equatable, CustomStringConvertible {
    /// The ZIP archive would pass the 4 GiB / 65,535-entry limits of plain ZIP.
    case archiveTooLarge(path: String)
    /// A format name the exporter does not know.
    case unknownFormat(String)
    /// A format that exists but is not built into this binary yet.
    case formatNotBuiltIn(String)
    /// No TeX engine was found for `--compile`.
    case noTeXEngine
    /// The TeX engine ran but did not produce a PDF.
    case texFailed(engine: String, detail: String)
    /// The export was cancelled (a job was cancelled, or the user pressed Ctrl-C).
    case cancelled
    /// The TeX engine ran longer than allowed and was stopped.
    case texTimedOut(engine: String, seconds: Int)

    /// A one-line explanation.
    public var description: String {
        switch self {
        case let .archiveTooLarge(path): return "cannot add \(path): the ZIP archive would exceed 4 GiB or 65,535 entries"
        case let .unknownFormat(name): return "unknown format \"\(name)\" (use pdf, docx, tex, html, md, csv, json)"
        case let .formatNotBuiltIn(name): return "\(name): not built in yet"
        case .noTeXEngine: return "--compile needs lualatex or pdflatex, and neither is installed (the .tex file was still written)"
        case let .texFailed(engine, detail): return "\(engine) failed: \(detail)"
        case .cancelled: return "export cancelled"
        case let .texTimedOut(engine, seconds): return "\(engine) did not finish within \(seconds) s and was stopped"
        }
    }
}
