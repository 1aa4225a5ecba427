import Foundation

/// Everything needed to enqueue one job.
public struct JobRequest: Sendable, Equatable {
    /// The handler kind, e.g. `report.render`, `noop`, `sleep`.
    public var kind: String
    /// The arguments as JSON bytes (an object by convention).
    public var args: Data
    /// The named queue (`reports`, `ai`, `exports`, or any other name).
    public var queue: String
    /// 0 (first) … 4 (last); default 2.
    public var priority: Int
    /// Run no earlier than this many milliseconds from now.
    public var delayMillis: Int64
    /// Attempts before dead-lettering; `nil` takes the queue's default.
    public var maxAttempts: Int?
    /// At most one non-terminal job may hold this key; enqueue returns the existing one.
    public var uniqueKey: String?
    /// When set, results are cached under a content hash of kind + args + this version, and an
    /// identical request attaches to a running job or returns the cached result.
    public var cacheVersion: String?
    /// Time to live of the cached result; `nil` takes the store's default.
    public var cacheTTLMillis: Int64?
    /// Per-job timeout; `nil` takes the kind's timeout from the registry.
    public var timeoutMillis: Int64?
    /// Jobs that must complete first; this job stays `blocked` until then.
    public var dependsOn: [Int64]

    /// Creates a request with the defaults above.
    public init(kind: String, args: Data = Data("{}".utf8), queue: String = "default", priority: Int = 2,
                delayMillis: Int64 = 0, maxAttempts: Int? = nil, uniqueKey: String? = nil,
                cacheVersion: String? = nil, cacheTTLMillis: Int64? = nil, timeoutMillis: Int64? = nil,
                dependsOn: [Int64] = []) {
        self.kind = kind
        self.args = args
        self.queue = queue
        self.priority = priority
        self.delayMillis = delayMillis
        self.maxAttempts = maxAttempts
        self.uniqueKey = uniqueKey
        self.cacheVersion = cacheVersion
        self.cacheTTLMillis = cacheTTLMillis
        self.timeoutMillis = timeoutMillis
        self.dependsOn = dependsOn
    }

    /// Creates a request whose arguments are given as a JSON string.
    public init(kind: String, json: String, queue: String = "default", priority: Int = 2) {
        self.init(kind: kind, args: Data(json.utf8), queue: queue, priority: priority)
    }

    /// A copy that is unique by kind + canonical arguments (+ queue).
    public func uniqueByArgs() throws -> JobRequest {
        var copy = self
        copy.uniqueKey = try ContentHash.key(parts: [kind, queue], json: args)
        return copy
    }

    /// Checks the fields that SQLite would otherwise reject with a less helpful message.
    public func validate() throws {
        try validateFields()
        try validateArguments()
    }

    /// Checks everything but the JSON arguments.
    func validateFields() throws {
        guard !kind.isEmpty else { throw JobQueueError.invalidRequest("kind is empty") }
        guard !queue.isEmpty else { throw JobQueueError.invalidRequest("queue is empty") }
        guard (0...4).contains(priority) else {
            throw JobQueueError.invalidRequest("priority \(priority) is outside 0–4")
        }
        guard delayMillis >= 0 else { throw JobQueueError.invalidRequest("delay is negative") }
        if let maxAttempts, maxAttempts < 1 {
            throw JobQueueError.invalidRequest("max attempts must be at least 1")
        }
    }

    /// Checks that the arguments parse as JSON.
    func validateArguments() throws {
        guard (try? JSONSerialization.jsonObject(with: args, options: [.fragmentsAllowed])) != nil else {
            throw JobQueueError.invalidRequest("arguments are not valid JSON")
        }
    }

    /// The result-cache key, when caching is requested.
    func cacheKey() throws -> String? {
        guard let cacheVersion else { return nil }
        return try ContentHash.key(parts: [kind, cacheVersion], json: args)
    }
}

/// What `enqueue` did with a request.
public enum EnqueueDisposition: String, Sendable, Equatable {
    /// A new job row was written.
    case inserted
    /// A non-terminal job with the same unique key exists; its id is returned.
    case duplicate
    /// An identical cacheable job is queued or running; the request attaches to it.
    case attached
    /// A fresh cached result exists; the id is the job that produced it.
    case cached
}

/// The outcome of enqueueing one request.
public struct EnqueueResult: Sendable, Equatable {
    /// The job that will (or did) do the work.
    public var id: Int64
    /// Whether the job is new, a duplicate, attached or served from cache.
    public var disposition: EnqueueDisposition
}
