import Foundation

/// A value that does not fit its field, found while reading answers.
public struct AnswerError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The field's key, with repeat indices (`dependents[2].name`).
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}

/// Turns answers as written in files (CSV cells, JSON values) into typed `Value`s for a field,
/// and back. The encodings are documented in docs/form-format.md.
public enum AnswerCoding {
    /// Reads one CSV cell. Empty text is `.empty`; lists are `;`-separated.
    public static func value(fromText text: String, for field: Field) throws -> Value {
        let trimmed = BlankTrimming.trimmed(text)
        if trimmed.isEmpty { return .empty }
        // Spreadsheet exports put matrices, multiple-text records and signatures (and
        // sometimes lists) in one cell as JSON text; read those as JSON.
        if let first = trimmed.first, first == "{" || first == "[",
           [.list, .record, .signature].contains(field.type.answerKind) {
            return try jsonCell(trimmed, for: field)
        }
        switch field.type.answerKind {
        case .list:
            return .list(trimmed.split(separator: ";").map { .string($0.trimmingCharacters(in: .whitespaces)) }.filter { !$0.isEmpty })
        case .record:
            return .list(trimmed.split(separator: ";").map { .string($0.trimmingCharacters(in: .whitespaces)) })
        case .geopoint:
            let parts = trimmed.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
            guard parts.count == 2 else { throw AnswerError(path: field.key, message: "\"\(text)\" is not a location (expected \"lat,lon\")") }
            return try geopoint(parts[0], parts[1], field)
        default:
            return try scalar(trimmed, for: field)
        }
    }

    private static func jsonCell(_ text: String, for field: Field) throws -> Value {
        let node: JSONNode
        do { node = try JSONParser.parse(text) } catch let error as JSONSyntaxError {
            throw AnswerError(path: field.key, message: "the cell starts like JSON but is not valid JSON (\(error.message))")
        }
        if case .string = node.value { throw mismatch(field, "a JSON object or array, not a JSON string") }
        return try value(fromJSON: node.value, for: field)
    }

    /// Reads one JSON value (from a JSON Lines response or an answers file).
    public static func value(fromJSON json: JSONValue, for field: Field) throws -> Value {
        switch json {
        case .null: return .empty
        case .string(let s): return try value(fromText: s, for: field)
        case .number(let n):
            switch field.type.answerKind {
            case .number: return .number(n)
            case .duration: return .duration(n)
            case .text, .any: return .string(JSONWriter.formatNumber(n))
            default: throw mismatch(field, "a number")
            }
        case .bool(let b):
            guard field.type.answerKind == .bool || field.type.answerKind == .any else { throw mismatch(field, "true or false") }
            return .bool(b)
        case .array(let items):
            if field.type.answerKind == .geopoint, items.count == 2,
               case .number(let lat) = items[0].value, case .number(let lon) = items[1].value {
                return try geopoint(lat, lon, field)
            }
            guard field.type.answerKind == .list || field.type.answerKind == .any else { throw mismatch(field, "a list") }
            return .list(try items.map { item -> Value in
                switch item.value {
                case .string(let s): return .string(s)
                case .number(let n): return .string(JSONWriter.formatNumber(n))
                default: throw mismatch(field, "a list of choice values")
                }
            })
        case .object(let members):
            return try object(members, for: field)
        }
    }

    private static func object(_ members: [JSONMember], for field: Field) throws -> Value {
        switch field.type.answerKind {
        case .record:
            return .list(try members.map { member in
                switch member.node.value {
                case .string(let s): return .string("\(member.key)=\(s)")
                case .number(let n): return .string("\(member.key)=\(JSONWriter.formatNumber(n))")
                default: throw mismatch(field, "an object of text values")
                }
            })
        case .geopoint:
            let node = JSONNode(.object(members))
            guard case .number(let lat)? = node["lat"]?.value, case .number(let lon)? = node["lon"]?.value else {
                throw mismatch(field, "{\"lat\": …, \"lon\": …}")
            }
            return try geopoint(lat, lon, field)
        case .signature:
            let node = JSONNode(.object(members))
            guard case .string(let name)? = node["name"]?.value else { throw mismatch(field, "{\"name\": …, \"time\": …}") }
            var items: [Value] = [.string(name)]
            if case .string(let time)? = node["time"]?.value {
                guard let t = LocalDateTime(iso: time) else { throw AnswerError(path: field.key, message: "\"\(time)\" is not a date and time") }
                items.append(.dateTime(t))
            }
            return .list(items)
        default:
            throw mismatch(field, "a \(field.type.displayName.lowercased()) answer, not an object")
        }
    }

    private static func scalar(_ text: String, for field: Field) throws -> Value {
        switch field.type.answerKind {
        case .number:
            let cleaned = text.replacingOccurrences(of: "%", with: "")
            guard let n = Value.parseNumber(cleaned) else { throw AnswerError(path: field.key, message: "\"\(text)\" is not a number") }
            if field.type == .integer || field.type == .rating || field.type == .opinionScale, n != n.rounded() {
                throw AnswerError(path: field.key, message: "\"\(text)\" is not a whole number")
            }
            return .number(n)
        case .bool:
            switch text.lowercased() {
            case "yes", "true", "1", "y": return .bool(true)
            case "no", "false", "0", "n": return .bool(false)
            default: throw AnswerError(path: field.key, message: "\"\(text)\" is not yes or no")
            }
        case .date:
            guard let d = LocalDate(iso: text) else { throw AnswerError(path: field.key, message: "\"\(text)\" is not a date (expected yyyy-mm-dd)") }
            return .date(d)
        case .time:
            guard let t = LocalTime(iso: text) else { throw AnswerError(path: field.key, message: "\"\(text)\" is not a time (expected HH:MM)") }
            return .time(t)
        case .dateTime:
            guard let t = LocalDateTime(iso: text) else { throw AnswerError(path: field.key, message: "\"\(text)\" is not a date and time (expected yyyy-mm-ddTHH:MM)") }
            return .dateTime(t)
        case .duration:
            guard let seconds = Value.parseNumber(text) ?? isoDuration(text) else {
                throw AnswerError(path: field.key, message: "\"\(text)\" is not a duration (seconds or PT1H30M)")
            }
            return .duration(seconds)
        case .signature:
            let parts = text.components(separatedBy: " @ ")
            if parts.count == 2, let t = LocalDateTime(iso: parts[1]) { return .list([.string(parts[0]), .dateTime(t)]) }
            return .list([.string(text)])
        default:
            return .string(text)
        }
    }

    private static func geopoint(_ lat: Double, _ lon: Double, _ field: Field) throws -> Value {
        guard (-90...90).contains(lat), (-180...180).contains(lon) else {
            throw AnswerError(path: field.key, message: "\(lat),\(lon) is not a location on Earth")
        }
        return .geopoint(latitude: lat, longitude: lon)
    }

    /// Seconds in an ISO 8601 duration such as `PT1H30M`, `P2D` or `PT45S`.
    static func isoDuration(_ text: String) -> Double? {
        var rest = Substring(text.uppercased())
        guard rest.hasPrefix("P") else { return nil }
        rest = rest.dropFirst()
        var total = 0.0, number = "", inTime = false, sawUnit = false, sawTimeUnit = false
        for ch in rest {
            if ch == "T" {
                guard !inTime, number.isEmpty else { return nil }
                inTime = true
                continue
            }
            if ch.isNumber || ch == "." { number.append(ch); continue }
            guard let n = Double(number) else { return nil }
            switch (ch, inTime) {
            case ("W", false): total += n * 604_800
            case ("D", false): total += n * 86_400
            case ("H", true): total += n * 3_600
            case ("M", true): total += n * 60
            case ("S", true): total += n
            default: return nil
            }
            number = ""
            sawUnit = true
            sawTimeUnit = inTime
        }
        // `P1DT` is not a duration: a `T` must be followed by a time part.
        return sawUnit && number.isEmpty && sawTimeUnit == inTime ? total : nil
    }

    private static func mismatch(_ field: Field, _ expected: String) -> AnswerError {
        AnswerError(path: field.key, message: "expected \(expected) for a \(field.type.displayName.lowercased()) field")
    }

    /// The CSV cell text for a value (the inverse of `value(fromText:for:)`).
    public static func text(for value: Value) -> String {
        switch value {
        case .bool(let b): return b ? "yes" : "no"
        case .list(let items):
            if items.count == 2, case .string(let name) = items[0], case .dateTime(let t) = items[1] { return "\(name) @ \(t.iso)" }
            return items.map(\.asString).joined(separator: ";")
        case .geopoint(let lat, let lon): return "\(Value.format(number: lat)),\(Value.format(number: lon))"
        case .duration(let s): return Value.format(number: s)
        default: return value.asString
        }
    }

    /// The CSV cell text for an answer to `field`: like `text(for:)`, except that records and
    /// signatures are written as JSON objects, as docs/form-format.md specifies.
    public static func text(for value: Value, field: Field) -> String {
        guard !value.isEmpty else { return "" }
        switch field.type.answerKind {
        case .record, .signature: return JSONWriter.compact(json(for: value, field: field))
        default: return text(for: value)
        }
    }

    /// The JSON form of an answer to `field`: records become objects (row → value) and
    /// signatures `{"name", "time"}`, so that `value(fromJSON:for:)` reads them back.
    public static func json(for value: Value, field: Field) -> JSONValue {
        guard case .list(let items) = value else { return json(for: value) }
        switch field.type.answerKind {
        case .record:
            return .object(items.map { item in
                let parts = item.asString.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                return JSONMember(parts[0], JSONNode(.string(parts.count == 2 ? parts[1] : "")))
            })
        case .signature:
            guard case .string(let name)? = items.first else { return json(for: value) }
            var members = [JSONMember("name", JSONNode(.string(name)))]
            if items.count > 1, case .dateTime(let t) = items[1] { members.append(JSONMember("time", JSONNode(.string(t.iso)))) }
            return .object(members)
        default:
            return json(for: value)
        }
    }

    /// The JSON form of a value for JSON Lines and answers files.
    public static func json(for value: Value) -> JSONValue {
        switch value {
        case .empty: return .null
        case .number(let n), .duration(let n): return .number(n)
        case .bool(let b): return .bool(b)
        case .list(let items):
            if items.count == 2, case .string(let name) = items[0], case .dateTime(let t) = items[1] {
                return .object([JSONMember("name", JSONNode(.string(name))), JSONMember("time", JSONNode(.string(t.iso)))])
            }
            return .array(items.map { JSONNode(.string($0.asString)) })
        case .geopoint(let lat, let lon):
            return .object([JSONMember("lat", JSONNode(.number(lat))), JSONMember("lon", JSONNode(.number(lon)))])
        default: return .string(value.asString)
        }
    }
}
