import Foundation

/// An API key. It prints as "‹redacted›" everywhere (string interpolation, `dump`, debug
/// descriptions), so a key cannot reach a log, an error message or a report by accident;
/// only the request builders read `exposedValue`.
public struct Secret: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The key itself. Read it only to put it into a request header.
    public let exposedValue: String

    /// Wraps a key.
    public init(_ value: String) {
        self.exposedValue = value
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
