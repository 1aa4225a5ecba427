import Foundation

/// A handler's view of its JSON arguments.
public struct JobArgs: Sendable {
    /// The raw JSON bytes.
    public let data: Data

    /// Wraps JSON bytes.
    public init(_ data: Data) { self.data = data }

    /// The arguments parsed as a JSON object (empty when they are not an object).
    public var object: [String: Any] {
        ((try? JSONSerialization.jsonObject(with: data)) as? [String: Any]) ?? [:]
    }

    /// An integer argument, accepting JSON numbers and numeric strings.
    public func int(_ key: String) -> Int? {
        switch object[key] {
        case let number as NSNumber: return number.intValue
        case let text as String: return Int(text)
        default: return nil
        }
    }

    /// A string argument.
    public func string(_ key: String) -> String? { object[key] as? String }

    /// Decodes the arguments into a `Decodable` type.
    public func decode<T: Decodable>(_ type: T.Type) throws -> T {
        do { return try JSONDecoder().decode(type, from: data) } catch {
            throw JobError.permanent("bad arguments for \(type): \(error)")
        }
    }
}
