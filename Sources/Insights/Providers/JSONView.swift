import Foundation

/// A read-only view into decoded JSON for picking fields out of provider responses, whose
/// shapes vary by provider and version: every lookup is optional, nothing throws or traps.
struct JSONView {
    let raw: Any?

    init(_ raw: Any?) {
        self.raw = raw
    }

    /// Parses JSON text (objects, arrays or scalars); nil when it is not JSON.
    static func parse(_ data: Data) -> JSONView? {
        guard let value = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else { return nil }
        return JSONView(value)
    }

    static func parse(_ text: String) -> JSONView? {
        parse(Data(text.utf8))
    }

    subscript(key: String) -> JSONView {
        JSONView((raw as? [String: Any])?[key])
    }

    subscript(index: Int) -> JSONView {
        guard let array = raw as? [Any], array.indices.contains(index) else { return JSONView(nil) }
        return JSONView(array[index])
    }

    var exists: Bool { raw != nil && !(raw is NSNull) }
    var string: String? { raw as? String }
    var bool: Bool? { raw as? Bool }
    var object: [String: Any]? { raw as? [String: Any] }
    var array: [JSONView] { (raw as? [Any])?.map(JSONView.init) ?? [] }

    var double: Double? {
        if let number = raw as? NSNumber, !(raw is Bool) { return number.doubleValue }
        return nil
    }

    var int: Int? { double.map { Int($0) } }
}

/// Encodes request bodies.
enum JSONBody {
    /// The JSON bytes of a dictionary built from strings, numbers, bools, arrays and dictionaries.
    static func encode(_ object: [String: Any]) throws -> Data {
        try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
    }

    /// The schema text as a JSON value to embed in a request.
    static func schema(_ text: String) -> Any {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8))) ?? [String: Any]()
    }
}
