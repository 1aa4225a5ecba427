import Foundation
import HTTP
import Insights

/// The AI path's CPU work: stream parsing, the grounding check and the local narrator. Network
/// time is the providers'; these are what our side adds per paragraph.
enum AIBench {
    static func run() throws {
        sse()
        ndjson()
        grounding()
        narrator()
    }

    /// OpenAI-style SSE chunks split into 1,500-byte network reads.
    static func sse() {
        let chunk = #"data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{"content":"Scores rose "},"finish_reason":null}],"usage":null}"# + "\n\n"
        let stream = Data(String(repeating: chunk, count: 50_000).utf8)
        var events = 0
        let nanos = Measure.median(runs: 5) {
            var parser = SSEParser()
            var offset = 0
            events = 0
            while offset < stream.count {
                let end = min(offset + 1500, stream.count)
                events += parser.feed(stream.subdata(in: offset..<end)).count
                offset = end
            }
            events += parser.finish().count
        }
        Measure.report("ai.sse_parse_throughput", Double(stream.count) / nanos * 1e3, "MB/s")
        Measure.report("ai.sse_events_per_second", Double(events) / nanos * 1e9, "events/s")
    }

    static func ndjson() {
        let line = #"{"model":"llama3.2","created_at":"2026-11-26T10:00:00Z","message":{"role":"assistant","content":"Scores rose "},"done":false}"# + "\n"
        let stream = Data(String(repeating: line, count: 50_000).utf8)
        let nanos = Measure.median(runs: 5) {
            var parser = NDJSONParser()
            var offset = 0
            while offset < stream.count {
                let end = min(offset + 1500, stream.count)
                _ = parser.feed(stream.subdata(in: offset..<end))
                offset = end
            }
            _ = parser.finish()
        }
        Measure.report("ai.ndjson_parse_throughput", Double(stream.count) / nanos * 1e3, "MB/s")
    }

    static let table = FactTable(section: "satisfaction", title: "Satisfaction", facts: (1...12).map { index in
        Fact(id: "F\(index)", label: "measure \(index) (1-5)", value: Double(index) * 1.37, display: String(format: "%.1f", Double(index) * 1.37),
             kind: index % 3 == 0 ? .change : .average, sampleSize: 200 + index)
    })

    static func grounding() {
        let draft = InsightDraft(text: "Across 201 responses measure 1 averaged 1.4 and measure 2 reached 2.7; measure 3 rose by 4.1, while measure 4 held at 5.5.",
                                 factIDs: ["F1", "F2", "F3", "F4"])
        let runs = 2_000
        let nanos = Measure.median(runs: 5) {
            for _ in 0..<runs { _ = GroundingChecker.issues(draft, table: table) }
        }
        Measure.report("ai.grounding_checks_per_second", Double(runs) / nanos * 1e9, "paragraphs/s")
    }

    static func narrator() {
        let runs = 2_000
        let nanos = Measure.median(runs: 5) {
            for _ in 0..<runs { _ = LocalNarrator().paragraphs(for: table) }
        }
        Measure.report("ai.local_narrator_tables_per_second", Double(runs) / nanos * 1e9, "tables/s")
    }
}
