import Foundation
import HTTP

/// A provider the router can call: one deployment answering one completion request.
public protocol CompletionProvider: Sendable {
    /// The deployment this provider calls.
    var endpoint: ProviderEndpoint { get }
    /// Calls the model once (no retries) and returns its complete answer, or throws a
    /// `ProviderFailure` (or `HTTPError.cancelled`).
    func complete(_ request: CompletionRequest, cancellation: CancellationToken?) throws -> Completion
}

/// Runs one call in a wire format over an HTTP client: streams are buffered whole and
/// accepted only when they end properly, so a paragraph never mixes two providers.
struct WireProvider<Format: WireFormat>: CompletionProvider {
    let format: Format
    let http: HTTPClient

    var endpoint: ProviderEndpoint { format.endpoint }

    func complete(_ request: CompletionRequest, cancellation: CancellationToken?) throws -> Completion {
        let httpRequest = try format.httpRequest(for: request)
        do {
            return endpoint.stream ? try streamed(httpRequest, cancellation: cancellation) : try buffered(httpRequest, cancellation: cancellation)
        } catch let error as HTTPError {
            throw transportFailure(error)
        }
    }

    private func buffered(_ request: HTTPRequest, cancellation: CancellationToken?) throws -> Completion {
        let response = try http.send(request, cancellation: cancellation)
        guard response.head.isSuccess else {
            throw format.failure(status: response.status, headers: response.headers, body: response.body)
        }
        return try format.completion(from: response.body, head: response.head)
    }

    private func streamed(_ request: HTTPRequest, cancellation: CancellationToken?) throws -> Completion {
        var decoder = format.streamDecoder()
        var sse = SSEParser()
        var ndjson = NDJSONParser()
        var success = true
        var errorBody = Data()
        let framing = format.framing
        func consume(_ records: [StreamRecord]) throws {
            for record in records { try decoder.consume(record) }
        }
        let head = try http.stream(request, cancellation: cancellation, onHead: { head in
            success = head.isSuccess
        }, onData: { chunk in
            // An error status comes with an error body, not a stream: keep it whole.
            guard success else { return errorBody.append(chunk.prefix(max(0, 65536 - errorBody.count))) }
            switch framing {
            case .serverSentEvents: try consume(sse.feed(chunk).map(StreamRecord.event))
            case .newlineDelimitedJSON: try consume(ndjson.feed(chunk).map(StreamRecord.line))
            }
        })
        guard success else { throw format.failure(status: head.status, headers: head.headers, body: errorBody) }
        switch framing {
        case .serverSentEvents: try consume(sse.finish().map(StreamRecord.event))
        case .newlineDelimitedJSON: try consume(ndjson.finish().map(StreamRecord.line))
        }
        return try decoder.finish(rateLimit: format.rateLimit(head.headers))
    }

    private func transportFailure(_ error: HTTPError) -> Error {
        switch error {
        case .cancelled: return error
        case .timedOut, .connectionFailed, .transport:
            return format.fail(.retry, code: "transport", error.description)
        case .invalidURL, .tls, .responseTooLarge, .tooManyRedirects:
            return format.fail(.fallback, code: "transport", error.description)
        }
    }
}
