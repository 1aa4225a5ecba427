import Foundation
import FormCore

/// Imports responses from CSV or JSON Lines into a published form version.
///
/// Every row is read, converted and checked with `ResponseValidator`. Rows that cannot be
/// read are refused; rows with validation errors are refused too unless `allowInvalid`, which
/// stores them as drafts. Clean rows are stored as submitted responses, in transactions of
/// `batchSize` rows.
public struct ResponseImporter {
    let workspace: Workspace

    /// An importer writing into `workspace`.
    public init(workspace: Workspace) {
        self.workspace = workspace
    }

    /// Imports the file at `path` into form `formID`; the format comes from the file name
    /// unless given.
    ///
    /// - Throws: `WorkspaceError` when the file or the form cannot be used at all, and
    ///   `ImportInterrupted` when the database fails part-way.
    public func importFile(_ path: String, formID: String, format: ResponseFormat? = nil,
                           options: ImportOptions = ImportOptions()) throws -> ImportReport {
        guard let format = format ?? ResponseFormat.infer(fromPath: path) else {
            throw WorkspaceError.invalid("cannot tell the format of \(path): name it *.csv or *.jsonl")
        }
        let form = try options.version.map { try workspace.forms.version(formID, $0) } ?? workspace.forms.latestVersion(formID)
        let session = try ImportSession(workspace: workspace, form: form, options: options)
        let source = try ByteSource(path: path)
        switch format {
        case .csv: try readCSV(CSVReader(source: source), session)
        case .jsonLines: try readJSONLines(LineReader(source: source), session)
        }
        try session.flush()
        return session.report
    }

    private func readCSV(_ reader: CSVReader, _ session: ImportSession) throws {
        do {
            guard let header = try reader.next() else { return }
            let (map, problems) = ColumnMap.build(header: header.cells, fields: session.fields, line: header.line)
            guard problems.isEmpty else {
                session.report.problems += problems
                return
            }
            while let record = try reader.next() {
                let (answers, problems) = map.answers(record.cells, line: record.line)
                try session.accept(answers, problems: problems, line: record.line)
            }
        } catch let error as CSVSyntaxError {
            session.report.problems.append(RowProblem(line: error.line, key: nil, message: error.message))
            session.report.skipped += 1
        }
    }

    private func readJSONLines(_ reader: LineReader, _ session: ImportSession) throws {
        while let (line, text) = reader.next() {
            do {
                let node = try JSONParser.parse(text)
                let answers = try AnswersFile.decode(node, fields: session.fields)
                try session.accept(answers, problems: [], line: line)
            } catch let error as JSONSyntaxError {
                try session.reject(RowProblem(line: line, key: nil, message: "not valid JSON: \(error.message) (column \(error.position.column))"))
            } catch let error as FormFileError {
                try session.reject(RowProblem(line: line, key: nil, message: error.message))
            }
        }
    }
}

/// The state of one import: the compiled form, the report and the rows waiting for the next
/// transaction.
final class ImportSession {
    let workspace: Workspace
    let form: Form
    let fields: [Field]
    let options: ImportOptions
    let engine: RuleEngine
    var report = ImportReport()
    private var pending: [(line: Int, response: NewResponse)] = []

    init(workspace: Workspace, form: Form, options: ImportOptions) throws {
        self.workspace = workspace
        self.form = form
        self.fields = form.pages.flatMap(\.fields)
        self.options = options
        do { engine = RuleEngine(graph: try RuleGraph(form: form)) } catch {
            throw WorkspaceError.invalid("form \"\(form.id)\" version \(form.version) cannot be evaluated: \(error)")
        }
        report.version = form.version
        report.dryRun = options.dryRun
    }

    /// Counts a row that could not be read at all.
    func reject(_ problem: RowProblem) throws {
        report.problems.append(problem)
        report.skipped += 1
    }

    /// Checks one row and queues it for writing, or refuses it.
    func accept(_ raw: Answers, problems: [RowProblem], line: Int) throws {
        guard problems.isEmpty else {
            report.problems += problems
            report.skipped += 1
            return
        }
        let answers = AnswersCleanup.stored(raw, fields: fields)
        engine.replaceAnswers(answers)
        let errors = ResponseValidator.validate(engine).filter { $0.severity == .error }
        var status = ResponseStatus.submitted
        if !errors.isEmpty {
            report.problems += errors.map { RowProblem(line: line, key: $0.path, message: $0.message) }
            guard options.allowInvalid else { report.skipped += 1; return }
            status = .draft
            report.importedAsDrafts += 1
        }
        pending.append((line, NewResponse(answers: answers, status: status)))
        report.imported += 1
        if pending.count >= options.batchSize { try flush() }
    }

    /// Writes the queued rows in one transaction.
    func flush() throws {
        defer { pending.removeAll(keepingCapacity: true) }
        guard !options.dryRun, let first = pending.first else { return }
        do {
            try workspace.responses.insert(pending.map(\.response), formID: form.id, version: form.version)
        } catch let error as WorkspaceError {
            report.imported -= pending.count
            throw ImportInterrupted(imported: report.imported, line: first.line, cause: error)
        }
    }
}
