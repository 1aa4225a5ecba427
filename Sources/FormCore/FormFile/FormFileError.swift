/// Why a form file could not be read: one line with `file:line:col` and what was expected.
public struct FormFileError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file's path as the user gave it, when known.
    public var file: String?
    public var position: SourcePosition
    public var message: String

    public init(file: String? = nil, position: SourcePosition, message: String) {
        self.file = file
        self.position = position
        self.message = message
    }

    /// True when the file itself could not be read (missing, unreadable, not UTF-8): such
    /// errors carry no position, while every mistake inside a file has a line from 1.
    public var isUnreadable: Bool { position.line == 0 }

    public var description: String {
        let place = position.line > 0 ? "\(position)" : ""
        switch (file, place.isEmpty) {
        case (let file?, false): return "\(file):\(place): \(message)"
        case (let file?, true): return "\(file): \(message)"
        case (nil, false): return "\(place): \(message)"
        case (nil, true): return message
        }
    }
}
