import Foundation
import FormCore

/// Writes a form's responses to CSV or JSON Lines, streaming them from the database into an
/// atomically replaced file so that any number of responses fits in constant memory.
///
/// Columns (CSV) and property order (JSON Lines) follow the chosen form version; each
/// response's answers are read with the version it was filled in and written by key.
/// Calculated fields are written with the values the form computes.
public struct ResponseExporter {
    let workspace: Workspace

    /// An exporter reading from `workspace`.
    public init(workspace: Workspace) {
        self.workspace = workspace
    }

    /// Exports the responses `filter` selects to `url`; returns how many were written.
    /// The columns follow `filter.version`, or the newest version when nil.
    @discardableResult
    public func export(_ filter: ResponseFilter, format: ResponseFormat, to url: URL) throws -> Int {
        let form = try filter.version.map { try workspace.forms.version(filter.formID, $0) }
            ?? workspace.forms.latestVersion(filter.formID)
        let fields = form.pages.flatMap(\.fields)
        let scope = AnswersFile.scopeFields(fields)
        let columns = scope.filter { $0.type.takesInput || $0.type == .calculated }
        if format == .csv, let nested = scope.first(where: { $0.type == .repeatGroup }) {
            throw WorkspaceError.invalid("form \"\(form.id)\" has the repeat group \"\(nested.key)\", which CSV cannot hold; export JSON Lines instead")
        }
        // Loaded before streaming: the database cannot be read again while the cursor is open.
        let versions = try workspace.forms.versions(filter.formID)
        var calculators = try Calculators(forms: versions.map { try workspace.forms.version(filter.formID, $0) })
        var count = 0
        try AtomicFile.write(to: url) { sink in
            if format == .csv { try sink.write(CSVWriter.line(columns.map(\.key))) }
            try workspace.responses.forEach(filter) { response in
                let answers = try calculators.complete(response)
                switch format {
                case .csv:
                    try sink.write(CSVWriter.line(columns.map { field in
                        answers.values[field.key].map { AnswerCoding.text(for: $0, field: field) } ?? ""
                    }))
                case .jsonLines:
                    try sink.write(JSONWriter.compact(AnswersFile.encode(answers, fields: fields)) + "\n")
                }
                count += 1
            }
        }
        return count
    }
}

/// Computes calculated values with a rule engine per form version, compiled once.
struct Calculators {
    private let forms: [Int: Form]
    private var engines: [Int: RuleEngine?] = [:]

    init(forms: [Form]) {
        self.forms = Dictionary(forms.map { ($0.version, $0) }, uniquingKeysWith: { first, _ in first })
    }

    mutating func complete(_ response: StoredResponse) throws -> Answers {
        if engines[response.version] == nil {
            guard let form = forms[response.version] else {
                throw WorkspaceError.versionNotFound(formID: response.formID, version: response.version)
            }
            let hasCalculations = form.pages.contains { page in page.fields.contains(where: Self.calculates) }
            engines[response.version] = .some(hasCalculations ? (try? RuleGraph(form: form)).map { RuleEngine(graph: $0) } : nil)
        }
        guard case .some(.some(let engine)) = engines[response.version] else { return response.answers }
        engine.replaceAnswers(response.answers)
        return AnswersCleanup.withCalculated(response.answers, engine: engine)
    }

    private static func calculates(_ field: Field) -> Bool {
        field.type == .calculated || field.children.contains(where: calculates)
    }
}
