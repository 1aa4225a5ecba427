import Foundation
import HTTP

/// Sends requests and retries the ones a service asks us to retry: 429 and 503, waiting for
/// `Retry-After` when the service gives it, else truncated exponential backoff with jitter
/// (`min(2^n + random(0...1) s, maxDelay)`) as the Google quota pages recommend.
public struct RetryingSender: Sendable {
    /// The client requests go through.
    public var client: HTTPClient
    /// How many times one request is sent at most.
    public var maxAttempts: Int
    /// The longest single wait, in seconds.
    public var maxDelay: TimeInterval
    /// The clock used to wait.
    public var clock: ConnectorClock
    /// The name used in errors ("Google Sheets").
    public var service: String

    /// A sender with the given limits.
    public init(client: HTTPClient, service: String, maxAttempts: Int = 6, maxDelay: TimeInterval = 64, clock: ConnectorClock = .system) {
        self.client = client
        self.service = service
        self.maxAttempts = max(1, maxAttempts)
        self.maxDelay = maxDelay
        self.clock = clock
    }

    /// Sends `request`, retrying throttled answers; returns the first answer that is not a
    /// throttle, or throws `throttled` when every attempt was throttled.
    public func send(_ request: HTTPRequest) throws -> HTTPResponse {
        for attempt in 0..<maxAttempts {
            let response = try client.send(request)
            guard Self.isThrottle(response.status) else { return response }
            if attempt + 1 < maxAttempts { clock.sleep(delay(attempt: attempt, headers: response.headers)) }
        }
        throw ConnectorError.throttled(service: service, attempts: maxAttempts)
    }

    /// Whether a status means "slow down and try again".
    static func isThrottle(_ status: Int) -> Bool { status == 429 || status == 503 }

    /// How long to wait before attempt `attempt + 1`.
    func delay(attempt: Int, headers: HTTPHeaders) -> TimeInterval {
        if let retryAfter = headers["Retry-After"].flatMap(Self.parseRetryAfter) {
            return min(max(retryAfter, 0), maxDelay)
        }
        let exponential = pow(2, Double(min(attempt, 10)))
        return min(exponential + Double.random(in: 0...1), maxDelay)
    }

    /// `Retry-After` as seconds: a number of seconds or an HTTP date.
    static func parseRetryAfter(_ value: String) -> TimeInterval? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if let seconds = TimeInterval(trimmed) { return seconds }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        return formatter.date(from: trimmed).map { $0.timeIntervalSinceNow }
    }
}
