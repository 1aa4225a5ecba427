import Foundation

/// An API key. It prints as "‹redacted›" everywhere (string interpolation, `dump`, debug
/// descriptions), so a key cannot reach a log, an error message or a report by accident;
/// only the request builders read `exposedValue`.
public struct Secret: Sendable, Equatable, Codable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The key itself. Read it only to put it into a request header.
    public let exposedValue: String

    /// Wraps a key.
    public init(_ value: String) {
        self.exposedValue = value
    }

    /// Decodes a key from a JSON string (the config file).
    public init(from decoder: Decoder) throws {
        exposedValue = try decoder.singleValueContainer().decode(String.self)
    }

    /// Encodes the key as a JSON string (only `AIConfigLoader.save` writes it, to a 0600 file).
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(exposedValue)
    }

    /// Always "‹redacted›".
    public var description: String { "‹redacted›" }
    /// Always "‹redacted›".
    public var debugDescription: String { "‹redacted›" }
    /// A mirror with no children, so reflection shows nothing either.
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }

    /// `text` with every occurrence of the key replaced, for provider messages that echo it.
    public func redact(_ text: String) -> String {
        guard exposedValue.count >= 4 else { return text }
        return text.replacingOccurrences(of: exposedValue, with: "‹redacted›")
    }
}
