import Foundation

/// One server-sent event.
public struct SSEEvent: Sendable, Equatable {
    /// The `event:` name, or nil when the event had none (the default type, "message").
    public var event: String?
    /// The `data:` lines joined with "\n".
    public var data: String
    /// The `id:` field, if any.
    public var id: String?

    /// An event from its fields.
    public init(event: String? = nil, data: String, id: String? = nil) {
        self.event = event
        self.data = data
        self.id = id
    }
}

/// An incremental parser for `text/event-stream` (the WHATWG framing): feed it bytes as they
/// arrive, in chunks split anywhere, and it returns each event once its blank line is seen.
/// Comment lines (`: keep-alive`) are skipped; `data:` lines repeat and join with "\n";
/// CRLF, LF and CR line ends are all accepted.
public struct SSEParser: Sendable {
    private var lines = LineSplitter(acceptsBareCR: true)
    private var eventName: String?
    private var dataLines: [String] = []
    private var eventID: String?
    private var sawField = false
    private var atStart = true

    /// An empty parser.
    public init() {}

    /// Feeds bytes and returns every event they complete.
    public mutating func feed(_ bytes: Data) -> [SSEEvent] {
        var events: [SSEEvent] = []
        for line in lines.feed(bytes) {
            if let event = consume(line) { events.append(event) }
        }
        return events
    }

    /// Ends the stream. An event that was still open (no blank line after it) is returned if it
    /// has data: some servers close the connection right after the last `data:` line.
    public mutating func finish() -> [SSEEvent] {
        var events: [SSEEvent] = []
        if let last = lines.finish(), let event = consume(last) { events.append(event) }
        if let event = dispatch() { events.append(event) }
        return events
    }

    private mutating func consume(_ rawLine: String) -> SSEEvent? {
        var line = rawLine
        if atStart {
            atStart = false
            if line.hasPrefix("\u{FEFF}") { line.removeFirst() }
        }
        if line.isEmpty { return dispatch() }
        if line.hasPrefix(":") { return nil }
        let name: Substring
        var value: Substring
        if let colon = line.firstIndex(of: ":") {
            name = line[..<colon]
            value = line[line.index(after: colon)...]
            if value.hasPrefix(" ") { value = value.dropFirst() }
        } else {
            name = Substring(line)
            value = ""
        }
        switch name {
        case "event": eventName = String(value); sawField = true
        case "data": dataLines.append(String(value)); sawField = true
        case "id": eventID = String(value); sawField = true
        default: break
        }
        return nil
    }

    private mutating func dispatch() -> SSEEvent? {
        defer {
            eventName = nil
            dataLines = []
            sawField = false
        }
        guard sawField, !dataLines.isEmpty else { return nil }
        return SSEEvent(event: eventName.flatMap { $0.isEmpty ? nil : $0 }, data: dataLines.joined(separator: "\n"), id: eventID)
    }
}
