import Reports

/// Renderers that live outside the Reports core and are wired in here.
enum ExportRenderers {
    /// The DOCX renderer once the DOCX target is built in; nil means "docx: not built in yet".
    static func docx() -> DocumentRenderer? { nil }
}
