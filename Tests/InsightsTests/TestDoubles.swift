import Foundation
import HTTP
import HTTPTestSupport
@testable import Insights

/// A clock that advances only when slept on, recording every sleep.
final class FakeClock: RouterClock, @unchecked Sendable {
    private let lock = NSLock()
    private var current: Date
    private(set) var sleeps: [TimeInterval] = []

    init(_ start: Date = Date(timeIntervalSince1970: 1_795_000_000)) {
        current = start
    }

    func now() -> Date {
        lock.lock()
        defer { lock.unlock() }
        return current
    }

    func sleep(_ seconds: TimeInterval, cancellation: CancellationToken?) throws {
        if cancellation?.isCancelled == true { throw HTTPError.cancelled }
        lock.lock()
        sleeps.append(seconds)
        current = current.addingTimeInterval(seconds)
        lock.unlock()
    }

    func advance(_ seconds: TimeInterval) {
        lock.lock()
        current = current.addingTimeInterval(seconds)
        lock.unlock()
    }
}

/// A provider that answers from a script, one entry per call.
final class ScriptedProvider: CompletionProvider, @unchecked Sendable {
    enum Step {
        case answer(String, TokenUsage)
        case fail(FailureAction, retryAfter: TimeInterval?, status: Int?)
        case cancel
    }

    let endpoint: ProviderEndpoint
    private let lock = NSLock()
    private var script: [Step]
    private(set) var calls = 0

    init(_ name: String, model: String = "m", script: [Step]) {
        endpoint = ProviderEndpoint(name: name, kind: .openai, model: model, baseURL: URL(string: "http://127.0.0.1:9/v1")!)
        self.script = script
    }

    func complete(_ request: CompletionRequest, cancellation: CancellationToken?) throws -> Completion {
        lock.lock()
        calls += 1
        let step = script.isEmpty ? .fail(.retry, retryAfter: nil, status: 500) : script.removeFirst()
        lock.unlock()
        switch step {
        case .answer(let text, let usage):
            return Completion(text: text, usage: usage, model: endpoint.model, finishReason: "stop")
        case .fail(let action, let retryAfter, let status):
            throw ProviderFailure(provider: endpoint.name, model: endpoint.model, action: action, status: status,
                                  code: "scripted", message: "scripted failure", retryAfter: retryAfter, usage: TokenUsage(input: 5, output: 0))
        case .cancel:
            throw HTTPError.cancelled
        }
    }
}

/// A ledger in memory.
final class MemoryLedger: UsageLedger, @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [UsageRecord] = []

    func record(_ entry: UsageRecord) throws {
        lock.lock()
        entries.append(entry)
        lock.unlock()
    }

    func records(since: Date?) throws -> [UsageRecord] {
        lock.lock()
        defer { lock.unlock() }
        return entries.filter { entry in since.map { entry.date >= $0 } ?? true }
    }
}

/// Fixtures shared by the provider tests.
enum Fixture {
    static let request = CompletionRequest(system: "sys", user: "facts", schema: PromptTemplates.insightSchema, maxOutputTokens: 300, temperature: 0.1)

    static func endpoint(_ kind: ProviderKind, server: LoopbackServer, path: String = "", stream: Bool = false, key: String? = "sk-test-key-123",
                         model: String? = nil, idle: TimeInterval = 5) -> ProviderEndpoint {
        ProviderEndpoint(name: kind.rawValue, kind: kind, model: model ?? kind.defaultModel, baseURL: server.url(path),
                         apiKey: key.map(Secret.init), timeouts: HTTPTimeouts(connect: 2, total: 10, idle: idle), stream: stream)
    }

    static func provider(_ endpoint: ProviderEndpoint) -> CompletionProvider {
        ProviderFactory.provider(for: endpoint, http: CurlHTTPClient(environment: [:]))
    }

    static func failure(_ body: () throws -> Completion) -> ProviderFailure? {
        do {
            _ = try body()
            return nil
        } catch {
            return error as? ProviderFailure
        }
    }

    static func table() -> FactTable {
        FactTable(section: "satisfaction", title: "Satisfaction", facts: [
            Fact(id: "F1", label: "responses", value: 212, display: "212", kind: .count, sampleSize: 212),
            Fact(id: "F2", label: "mean satisfaction (1-5)", value: 4.13, display: "4.1", kind: .average, sampleSize: 212),
            Fact(id: "F3", label: "change in mean vs previous period", value: 0.32, display: "+0.3", kind: .change, sampleSize: 212),
            Fact(id: "F4", label: "share choosing 'Very easy'", value: 0.387, display: "38.7%", kind: .share, sampleSize: 212),
        ])
    }

    /// Model JSON for insight paragraphs.
    static func insightsJSON(_ items: [(String, [String])]) -> String {
        let list = items.map { ["text": $0.0, "fact_ids": $0.1, "confidence": "high"] as [String: Any] }
        let data = try! JSONSerialization.data(withJSONObject: ["insights": list])
        return String(decoding: data, as: UTF8.self)
    }

    /// A JSON string literal of `text`.
    static func quoted(_ text: String) -> String {
        let data = try! JSONSerialization.data(withJSONObject: [text])
        let array = String(decoding: data, as: UTF8.self)
        return String(array.dropFirst().dropLast())
    }
}
