import FormCore
import Foundation
import Studio

/// A plain comma-separated file read against a form, for `InMemoryResponseService`: a header
/// of field keys, one response per line, each row converted and validated like the workspace does.
struct InMemoryImport {
    let form: Form
    let path: String

    private func lines() throws -> [String] {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw ResponseServiceError.failed("\(path): cannot read the file")
        }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    private func check() throws -> (columns: [String], fields: [Field?], rows: [(line: Int, answers: Answers?, reason: String?)]) {
        let all = try lines()
        guard let header = all.first, !header.isEmpty else { throw ResponseServiceError.failed("\(path): the file is empty") }
        let columns = header.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        let byKey = Dictionary(ResponseMatching.columnFields(form).map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        let fields = columns.map { byKey[$0] }
        var rows: [(line: Int, answers: Answers?, reason: String?)] = []
        for (offset, line) in all.enumerated().dropFirst() where !line.isEmpty {
            rows.append(row(line, line: offset + 1, fields: fields))
        }
        return (columns, fields, rows)
    }

    private func row(_ text: String, line: Int, fields: [Field?]) -> (line: Int, answers: Answers?, reason: String?) {
        var answers = Answers()
        for (cell, field) in zip(text.split(separator: ",", omittingEmptySubsequences: false), fields) {
            guard let field else { continue }
            do { answers[field.key] = try AnswerCoding.value(fromText: String(cell), for: field) } catch {
                return (line, nil, "\(error)")
            }
        }
        guard let engine = try? RuleEngine(form: form, answers: answers) else { return (line, nil, "the form's rules cannot be compiled") }
        if let problem = ResponseValidator.validate(engine).first(where: { $0.severity == .error }) {
            return (line, nil, "\(problem.path): \(problem.message)")
        }
        return (line, answers, nil)
    }

    func preview() throws -> ImportPreview {
        let (columns, fields, rows) = try check()
        let problems = rows.compactMap { row in row.reason.map { ImportProblemLine(line: row.line, reason: $0) } }
        return ImportPreview(path: path, columns: columns, fields: fields.map { $0?.key }, importable: rows.count - problems.count, problems: problems)
    }

    func goodRows() throws -> [Answers] {
        try check().rows.compactMap(\.answers)
    }
}
