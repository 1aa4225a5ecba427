import FormCore
import Foundation
import Studio

/// A `ResponseService` held in memory, for tests and benchmarks: the same revisions,
/// conflicts, filter and sort rules as the workspace, no disk.
public final class InMemoryResponseService: ResponseService, @unchecked Sendable {
    struct Entry {
        var formID: String
        var answers: Answers
        var status: String
        var submittedAt: Date?
        var revisions: [Answers]
        /// When each version (the revisions, then the current answers) was saved.
        var savedAt: [Date]
    }

    private let lock = NSLock()
    private var forms: [String: Form] = [:]
    private var entries: [Int64: Entry] = [:]
    private var order: [Int64] = []
    private var nextID: Int64 = 1
    /// Every write made, in order (`save 3`, `delete 4`, `import f.csv`), for tests.
    public private(set) var log: [String] = []

    /// The clock saved edits are stamped with (fixed by tests that snapshot the history).
    public var now: @Sendable () -> Date = { Date() }

    /// An empty service.
    public init() {}

    private func locked<T>(_ body: () throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body()
    }

    /// Publishes `form` (its fields are the columns of its responses).
    public func addForm(_ form: Form) {
        locked { forms[form.id] = form }
    }

    /// Stores a submitted response; returns its id.
    @discardableResult
    public func add(_ answers: Answers, formID: String, submittedAt: Date? = Date(timeIntervalSince1970: 0), status: String = "submitted") -> Int64 {
        locked {
            let id = nextID
            nextID += 1
            entries[id] = Entry(formID: formID, answers: answers, status: status, submittedAt: submittedAt, revisions: [],
                                savedAt: [submittedAt ?? Date(timeIntervalSince1970: 0)])
            order.append(id)
            return id
        }
    }

    /// The answers of every revision of a response, oldest first, ending with the current one.
    public func history(_ id: Int64) -> [Answers] {
        locked { entries[id].map { $0.revisions + [$0.answers] } ?? [] }
    }

    public func revisions(_ id: Int64) throws -> [ResponseVersion] {
        try locked {
            guard let entry = entries[id] else { throw ResponseServiceError.notFound(id) }
            return (entry.revisions + [entry.answers]).enumerated().map { n, answers in
                ResponseVersion(revision: n + 1, answers: answers, status: entry.status, savedAt: entry.savedAt[n])
            }
        }
    }

    public func latestForm(_ formID: String) throws -> Form {
        try locked {
            guard let form = forms[formID] else { throw ResponseServiceError.failed("form \"\(formID)\" has no published version yet") }
            return form
        }
    }

    public func index(_ query: ResponseQuery) throws -> ResponseIndex {
        let filter: FormExpression?
        do { filter = try ResponseMatching.parse(query.filter) } catch { throw ResponseServiceError.failed("\(error)") }
        return locked {
            let all = order.filter { entries[$0]?.formID == query.formID }
            var ids = filter.map { expression in all.filter { ResponseMatching.matches(expression, entries[$0]!.answers) } } ?? all
            ids = sorted(ids, query.sort)
            return ResponseIndex(query: query, ids: ids, total: all.count)
        }
    }

    private func sorted(_ ids: [Int64], _ sort: ResponseSort) -> [Int64] {
        let ascending: [Int64]
        switch sort.key {
        case .id: ascending = ids.sorted()
        case .submitted:
            ascending = ids.sorted { a, b in
                let x = entries[a]?.submittedAt ?? .distantFuture, y = entries[b]?.submittedAt ?? .distantFuture
                return x == y ? a < b : x < y
            }
        case .field(let key):
            let keyed = ids.map { ($0, entries[$0]?.answers[key] ?? .empty) }
            ascending = keyed.sorted { a, b in
                if ResponseMatching.ascending(a.1, b.1) { return true }
                if ResponseMatching.ascending(b.1, a.1) { return false }
                return a.0 < b.0
            }.map(\.0)
        }
        return sort.descending ? ascending.reversed() : ascending
    }

    public func rows(_ ids: [Int64]) throws -> [ResponseRow] {
        locked {
            ids.compactMap { id in
                guard let entry = entries[id], let form = forms[entry.formID] else { return nil }
                return ResponseRow(id: id, status: entry.status, submittedAt: entry.submittedAt, revision: entry.revisions.count + 1,
                                   cells: ResponseMatching.cells(entry.answers, form: form))
            }
        }
    }

    public func count(_ formID: String) throws -> Int {
        locked { entries.values.filter { $0.formID == formID }.count }
    }

    public func read(_ id: Int64) throws -> ResponseDetail {
        try locked {
            guard let entry = entries[id], let form = forms[entry.formID] else { throw ResponseServiceError.notFound(id) }
            return ResponseDetail(id: id, form: form, answers: entry.answers, status: entry.status, respondent: nil,
                                  submittedAt: entry.submittedAt, revision: entry.revisions.count + 1)
        }
    }

    public func save(_ id: Int64, answers: Answers, expectedRevision: Int) throws -> Int {
        try locked {
            log.append("save \(id)")
            guard var entry = entries[id] else { throw ResponseServiceError.notFound(id) }
            let actual = entry.revisions.count + 1
            guard actual == expectedRevision else { throw ResponseServiceError.conflict(id: id, expected: expectedRevision, actual: actual) }
            entry.revisions.append(entry.answers)
            entry.answers = answers
            entry.savedAt.append(now())
            entries[id] = entry
            return actual + 1
        }
    }

    public func delete(_ id: Int64) throws {
        try locked {
            log.append("delete \(id)")
            guard entries.removeValue(forKey: id) != nil else { throw ResponseServiceError.notFound(id) }
            order.removeAll { $0 == id }
        }
    }

    public func previewImport(path: String, formID: String) throws -> ImportPreview {
        try InMemoryImport(form: latestForm(formID), path: path).preview()
    }

    public func importFile(path: String, formID: String) throws -> Int {
        let rows = try InMemoryImport(form: latestForm(formID), path: path).goodRows()
        locked { log.append("import \(URL(fileURLWithPath: path).lastPathComponent)") }
        for answers in rows { add(answers, formID: formID) }
        return rows.count
    }

    public func export(formID: String, format: ResponseFileFormat, path: String) throws -> Int {
        let form = try latestForm(formID)
        let ids = try index(ResponseQuery(formID: formID)).ids
        let fields = ResponseMatching.columnFields(form).filter { $0.type != .repeatGroup }
        let answers = locked { ids.compactMap { entries[$0]?.answers } }
        var text = format == .csv ? fields.map(\.key).joined(separator: ",") + "\n" : ""
        for response in answers {
            switch format {
            case .csv: text += fields.map { response.values[$0.key].map { AnswerCoding.text(for: $0) } ?? "" }.joined(separator: ",") + "\n"
            case .jsonl: text += JSONWriter.compact(AnswersFile.encode(response, fields: form.pages.flatMap(\.fields))) + "\n"
            }
        }
        do { try Data(text.utf8).write(to: URL(fileURLWithPath: path)) } catch { throw ResponseServiceError.failed("\(path): cannot write (\(error.localizedDescription))") }
        locked { log.append("export \(format.rawValue)") }
        return answers.count
    }
}
