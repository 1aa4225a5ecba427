import Foundation

/// Errors raised while writing a DOCX package or filling a DOCX template.
public enum DOCXError: Error, Equatable, CustomStringConvertible {
    /// The ZIP container could not be written.
    case packageFailed(String)
    /// The template file could not be opened as a ZIP archive.
    case unreadableTemplate(path: String, reason: String)
    /// The template is a ZIP but not a Word document (no `word/document.xml`).
    case notAWordDocument(path: String)
    /// A part of the template is not well-formed enough to fill.
    case malformedPart(part: String, reason: String)

    /// A one-line explanation.
    public var description: String {
        switch self {
        case let .packageFailed(reason): return "cannot write the DOCX package: \(reason)"
        case let .unreadableTemplate(path, reason): return "cannot open template \(path): \(reason)"
        case let .notAWordDocument(path): return "\(path) is not a Word document (no word/document.xml)"
        case let .malformedPart(part, reason): return "template part \(part) is malformed: \(reason)"
        }
    }
}
