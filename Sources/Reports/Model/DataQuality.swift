import FormCore
import Foundation

/// Missing answers per field and the problems the response validator found, grouped.
public struct DataQuality: Sendable, Equatable {
    /// Missing answers of one field.
    public struct Missing: Sendable, Equatable {
        /// Field key.
        public var key: String
        /// Field title.
        public var title: String
        /// Responses without an answer.
        public var count: Int
        /// As a percentage of all responses.
        public var percent: Double
    }

    /// One kind of problem: the same field, message and severity.
    public struct Issue: Sendable, Equatable {
        /// The field path (`score`, `items[2].name`).
        public var path: String
        /// What is wrong.
        public var message: String
        /// Warning or error.
        public var severity: Severity
        /// Responses with this problem.
        public var count: Int
        /// The first few response numbers with it.
        public var examples: [Int]
    }

    /// Per field, in form order.
    public var missing: [Missing]
    /// Grouped problems, most frequent first (ties in field order, then message).
    public var issues: [Issue]
    /// Whether rules and validation were checked (false when the template turned it off).
    public var validated: Bool
}

/// Runs each response through one reused `RuleEngine` and `ResponseValidator`, and groups the
/// problems, keeping counts and the first response numbers only.
///
/// Validation costs more than reading and summarising a row, so it runs on its own serial
/// queue, in batches, while the reader carries on: two cores finish sooner, and because one
/// queue takes the batches in order, the grouping (and so the output) is the same every run.
/// At most `maxBatchesInFlight` batches wait, which bounds the memory this adds.
final class DataQualityAccumulator {
    static let exampleCount = 5
    static let batchSize = 512
    static let maxBatchesInFlight = 8
    private let engine: RuleEngine?
    private var groups: [Key: (count: Int, examples: [Int], order: Int)] = [:]
    private var batch: [ResponseRecord] = []
    private let queue = DispatchQueue(label: "formwork.reports.validate")
    private let slots = DispatchSemaphore(value: DataQualityAccumulator.maxBatchesInFlight)

    private struct Key: Hashable { let path: String; let message: String; let severity: Severity }

    /// `now` pins `today()` so the same input validates the same way on every run.
    init(form: Form, validate: Bool, now: Date) {
        engine = validate ? (try? RuleEngine(form: form, now: now, timeZone: TimeZone(identifier: "UTC") ?? .current)) : nil
    }

    var validates: Bool { engine != nil }

    /// Queues one response; it is checked in the background.
    func add(_ record: ResponseRecord) {
        guard engine != nil || !record.readProblems.isEmpty else { return }
        batch.append(record)
        if batch.count >= Self.batchSize { submit() }
    }

    private func submit() {
        guard !batch.isEmpty else { return }
        let work = batch
        batch = []
        slots.wait()
        queue.async {
            work.forEach(self.check)
            self.slots.signal()
        }
    }

    private func check(_ record: ResponseRecord) {
        for problem in record.readProblems {
            note(Key(path: problem.path, message: "could not be read: " + problem.message, severity: .error), record.number)
        }
        guard let engine else { return }
        engine.replaceAnswers(record.answers)
        for problem in ResponseValidator.validate(engine) {
            note(Key(path: problem.path, message: problem.message, severity: problem.severity), record.number)
        }
    }

    private func note(_ key: Key, _ response: Int) {
        var group = groups[key] ?? (0, [], groups.count)
        group.count += 1
        if group.examples.count < Self.exampleCount { group.examples.append(response) }
        groups[key] = group
    }

    /// Waits for the queued batches, then returns the grouped problems.
    func issues() -> [DataQuality.Issue] {
        submit()
        return queue.sync {
            groups.sorted { a, b in a.value.count != b.value.count ? a.value.count > b.value.count : a.value.order < b.value.order }
                .map { DataQuality.Issue(path: $0.key.path, message: $0.key.message, severity: $0.key.severity, count: $0.value.count, examples: $0.value.examples) }
        }
    }
}
