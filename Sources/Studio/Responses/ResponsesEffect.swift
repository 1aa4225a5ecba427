import FormCore

/// Work the Responses screen asks of its service.
public enum ResponsesEffect: Hashable, Sendable {
    /// Read the form's newest published version, then query.
    case loadForm(formID: String)
    /// Compute the ordered, filtered ids.
    case query(ResponseQuery)
    /// Load the rows at these ids.
    case loadRows([Int64], window: Range<Int>)
    /// Read one response in full.
    case read(Int64)
    /// Save edited answers as a new revision.
    case save(Int64, answers: Answers, expectedRevision: Int)
    /// Delete a response.
    case delete(Int64)
    /// Check a file without writing.
    case previewImport(path: String, formID: String)
    /// Import a file.
    case importFile(path: String, formID: String)
    /// Export the form's responses.
    case export(formID: String, format: ResponseFileFormat, path: String)
    /// Read every saved version of a response.
    case history(Int64)
}

/// What the Responses screen's effects answer.
public enum ResponsesEvent: Sendable {
    /// The form's columns arrived.
    case formLoaded(Form)
    /// The form cannot show responses (not published, no service); why.
    case unavailable(formID: String, reason: String)
    /// The ids of a query arrived.
    case indexed(ResponseIndex)
    /// Rows of a window arrived.
    case rowsLoaded([ResponseRow], window: Range<Int>)
    /// A response was read.
    case opened(ResponseDetail)
    /// An edit was saved at `revision`.
    case saved(id: Int64, revision: Int)
    /// A response was deleted.
    case deleted(Int64)
    /// An import preview is ready.
    case previewed(ImportPreview)
    /// Rows were imported.
    case imported(count: Int)
    /// Responses were exported.
    case exported(count: Int, path: String)
    /// A call failed; why.
    case failed(String)
    /// The saved versions of a response arrived, oldest first.
    case history(id: Int64, [ResponseVersion])
}
