import FormCore
import Foundation
import Studio
import Workspace

/// `ResponseService` over the workspace: ids ordered by SQLite, the expression filter
/// evaluated per stored response while streaming them, rows read by id for the window shown,
/// and edits saved as new revisions.
final class LiveResponseService: ResponseService, @unchecked Sendable {
    // The workspace's pool is thread-safe; the studio calls from its store queue only.
    let workspace: Workspace

    init(workspace: Workspace) {
        self.workspace = workspace
    }

    private func mapped<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as WorkspaceError {
            switch error {
            case .responseNotFound(let id): throw ResponseServiceError.notFound(id)
            case .responseConflict(let id, let expected, let actual): throw ResponseServiceError.conflict(id: id, expected: expected, actual: actual)
            default: throw ResponseServiceError.failed(error.description)
            }
        } catch let error as ResponseServiceError {
            throw error
        } catch {
            throw ResponseServiceError.failed("\(error)")
        }
    }

    func latestForm(_ formID: String) throws -> Form {
        try mapped { try workspace.forms.latestVersion(formID) }
    }

    func index(_ query: ResponseQuery) throws -> ResponseIndex {
        try mapped {
            let filter = ResponseFilter(formID: query.formID)
            let order: ResponseOrder
            switch query.sort.key {
            case .id: order = .id
            case .submitted: order = .submitted
            case .field(let key): order = .answer(key: key)
            }
            var ids = try workspace.responses.ids(filter, order: order, descending: query.sort.descending)
            let total = query.filter.isEmpty ? ids.count : try workspace.responses.count(filter)
            if let expression = try ResponseMatching.parse(query.filter) {
                var matching = Set<Int64>()
                let now = Date()
                try workspace.responses.forEachAnswers(filter) { id, answers in
                    if ResponseMatching.matches(expression, answers, now: now) { matching.insert(id) }
                }
                ids = ids.filter(matching.contains)
            }
            return ResponseIndex(query: query, ids: ids, total: total)
        }
    }

    func rows(_ ids: [Int64]) throws -> [ResponseRow] {
        try mapped {
            var forms: [String: Form] = [:]
            return try workspace.responses.get(ids: ids).map { response in
                let key = "\(response.version)/\(response.formID)"
                let form = try forms[key] ?? workspace.forms.version(response.formID, response.version)
                forms[key] = form
                return ResponseRow(id: response.id, status: response.status.rawValue, submittedAt: response.submittedAt,
                                   revision: response.revision, cells: ResponseMatching.cells(response.answers, form: form))
            }
        }
    }

    func count(_ formID: String) throws -> Int {
        try mapped { try workspace.responses.count(ResponseFilter(formID: formID)) }
    }

    func read(_ id: Int64) throws -> ResponseDetail {
        try mapped {
            let response = try workspace.responses.get(id)
            let form = try workspace.forms.version(response.formID, response.version)
            return ResponseDetail(id: id, form: form, answers: response.answers, status: response.status.rawValue,
                                  respondent: response.respondent, submittedAt: response.submittedAt, revision: response.revision)
        }
    }

    func save(_ id: Int64, answers: Answers, expectedRevision: Int) throws -> Int {
        try mapped { try workspace.responses.update(id: id, answers: answers, expectedRevision: expectedRevision) }
    }

    func revisions(_ id: Int64) throws -> [ResponseVersion] {
        try mapped {
            try workspace.responses.history(id).map {
                ResponseVersion(revision: $0.revision, answers: $0.answers, status: $0.status.rawValue, savedAt: $0.savedAt)
            }
        }
    }

    func delete(_ id: Int64) throws {
        try mapped { try workspace.responses.delete(id) }
    }

    func previewImport(path: String, formID: String) throws -> ImportPreview {
        try mapped {
            let importer = ResponseImporter(workspace: workspace)
            let mapping = try importer.columnMapping(path, formID: formID)
            let report = try importer.importFile(path, formID: formID, options: ImportOptions(dryRun: true))
            return ImportPreview(path: path, columns: mapping.map(\.column), fields: mapping.map(\.field), importable: report.imported,
                                 problems: report.problems.map { ImportProblemLine(line: $0.line, reason: ($0.key.map { "\($0): " } ?? "") + $0.message) })
        }
    }

    func importFile(path: String, formID: String) throws -> Int {
        try mapped { try ResponseImporter(workspace: workspace).importFile(path, formID: formID).imported }
    }

    func export(formID: String, format: ResponseFileFormat, path: String) throws -> Int {
        try mapped {
            try ResponseExporter(workspace: workspace).export(ResponseFilter(formID: formID), format: format == .csv ? .csv : .jsonLines,
                                                              to: URL(fileURLWithPath: path))
        }
    }
}
