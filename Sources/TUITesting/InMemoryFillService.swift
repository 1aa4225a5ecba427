import Foundation
import FormCore
import Studio

/// A `FillService` held in memory for tests: published versions come from an
/// `InMemoryFormRepository`, responses are kept in a list with the workspace's rules (a
/// submitted response never changes; a draft is updated in place).
public final class InMemoryFillService: FillService, @unchecked Sendable {
    /// One stored response.
    public struct Stored: Hashable, Sendable {
        /// Its id.
        public var id: Int64
        /// The form it answers.
        public var formID: String
        /// The version it answers.
        public var version: Int
        /// The answers.
        public var answers: Answers
        /// True once submitted.
        public var submitted: Bool
        /// When it was last saved.
        public var updatedAt: Date
    }

    private let forms: InMemoryFormRepository
    private let lock = NSLock()
    private var stored: [Stored] = []
    private var clock: Date

    /// A service over the published versions in `forms`; saves are stamped from `start`
    /// onwards, a minute apart, so times in tests are repeatable.
    public init(forms: InMemoryFormRepository, start: Date = Date(timeIntervalSince1970: 1_790_000_000)) {
        self.forms = forms
        self.clock = start
    }

    /// Every response, oldest first.
    public var responses: [Stored] {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }

    /// The newest published version of `formID` and its newest draft.
    public func open(_ formID: String) throws -> FillSession {
        let versions = forms.publishedVersions(formID)
        guard let form = versions.last else {
            if forms.storedDraft(formID) == nil { throw FillServiceError.notFound(formID) }
            throw FillServiceError.notPublished(formID)
        }
        lock.lock()
        defer { lock.unlock() }
        let draft = stored.last { $0.formID == formID && $0.version == versions.count && !$0.submitted }
        return FillSession(form: form, version: versions.count,
                           draft: draft.map { FillDraft(id: $0.id, updatedAt: $0.updatedAt, answers: $0.answers) },
                           now: clock, timeZone: TimeZone(identifier: "UTC")!)
    }

    /// Saves into the draft `draftID`, or a new one when nil.
    public func saveDraft(formID: String, version: Int, draftID: Int64?, answers: Answers) throws -> Int64 {
        lock.lock()
        defer { lock.unlock() }
        clock = clock.addingTimeInterval(60)
        if let draftID {
            guard let index = stored.firstIndex(where: { $0.id == draftID }) else { throw FillServiceError.failed("no response \(draftID)") }
            guard !stored[index].submitted else { throw FillServiceError.failed("response \(draftID) is already submitted") }
            stored[index].answers = answers
            stored[index].updatedAt = clock
            return draftID
        }
        let id = Int64(stored.count + 1)
        stored.append(Stored(id: id, formID: formID, version: version, answers: answers, submitted: false, updatedAt: clock))
        return id
    }

    /// Validates and stores a submitted response.
    public func submit(formID: String, version: Int, draftID: Int64?, answers: Answers) throws -> FillSubmission {
        let versions = forms.publishedVersions(formID)
        guard versions.indices.contains(version - 1) else { throw FillServiceError.notPublished(formID) }
        let engine = try RuleEngine(form: versions[version - 1], answers: answers)
        let problems = ResponseValidator.validate(engine).filter { $0.severity == .error }
        guard problems.isEmpty else { return .problems(problems) }
        let id = try saveDraft(formID: formID, version: version, draftID: draftID, answers: answers)
        lock.lock()
        defer { lock.unlock() }
        if let index = stored.firstIndex(where: { $0.id == id }) { stored[index].submitted = true }
        return .stored(id)
    }
}
