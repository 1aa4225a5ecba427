/// A key description that `KeyEvent.parse` could not read.
public struct KeyParseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The text given.
    public var text: String
    /// What is wrong with it.
    public var reason: String

    /// `invalid key 'ctrl+foo': unknown key name 'foo'`.
    public var description: String { "invalid key '\(text)': \(reason)" }
}

extension KeyEvent: CustomStringConvertible {
    /// Names accepted for non-character keys (first name is the canonical one).
    static let keyNames: [(Key, [String])] = [
        (.enter, ["enter", "return"]), (.escape, ["esc", "escape"]), (.tab, ["tab"]),
        (.backtab, ["backtab"]), (.backspace, ["backspace", "bs"]), (.delete, ["delete", "del"]),
        (.insert, ["insert", "ins"]), (.up, ["up"]), (.down, ["down"]), (.left, ["left"]),
        (.right, ["right"]), (.home, ["home"]), (.end, ["end"]), (.pageUp, ["pgup", "pageup"]),
        (.pageDown, ["pgdn", "pagedown"]), (.char(" "), ["space"]),
    ]

    /// Parses a key description such as `ctrl+j`, `alt+down`, `shift+tab`, `f5`, `?` or `<ctrl+k>`.
    ///
    /// Modifiers (`ctrl`, `alt`/`meta`, `shift`) come first, joined with `+`; the key name is
    /// last. A lone `+` is the plus key (`ctrl++` is ctrl with plus).
    public static func parse(_ text: String) throws -> KeyEvent {
        var body = Substring(text.trimmingCharacters(in: " "))
        if body.hasPrefix("<"), body.hasSuffix(">"), body.count > 2 { body = body.dropFirst().dropLast() }
        guard !body.isEmpty else { throw KeyParseError(text: text, reason: "empty key") }
        var parts = body.split(separator: "+", omittingEmptySubsequences: false).map(String.init)
        if body.hasSuffix("+") {
            parts.removeLast(2)
            parts.append("+")
        }
        let name = parts.removeLast()
        var modifiers: Modifiers = []
        for part in parts {
            switch part.lowercased() {
            case "ctrl", "control": modifiers.insert(.ctrl)
            case "alt", "meta", "opt", "option": modifiers.insert(.alt)
            case "shift": modifiers.insert(.shift)
            default: throw KeyParseError(text: text, reason: "unknown modifier '\(part)'")
            }
        }
        return KeyEvent(try parseKey(name, in: text), modifiers: modifiers)
    }

    private static func parseKey(_ name: String, in text: String) throws -> Key {
        if name.count == 1, let c = name.first { return .char(c) }
        let lowered = name.lowercased()
        if let entry = keyNames.first(where: { $0.1.contains(lowered) }) { return entry.0 }
        if lowered.hasPrefix("f"), let n = Int(lowered.dropFirst()), (1...12).contains(n) { return .function(n) }
        throw KeyParseError(text: text, reason: "unknown key name '\(name)'")
    }

    /// Parses a comma- or space-separated list such as `ctrl+j, alt+down`.
    public static func parseList(_ text: String) throws -> [KeyEvent] {
        try text.split(whereSeparator: { $0 == "," || $0 == " " }).map { try parse(String($0)) }
    }

    /// The canonical description (`ctrl+alt+up`), which `parse` reads back to an equal event.
    public var description: String {
        var parts: [String] = []
        if modifiers.contains(.ctrl) { parts.append("ctrl") }
        if modifiers.contains(.alt) { parts.append("alt") }
        if modifiers.contains(.shift) { parts.append("shift") }
        parts.append(KeyEvent.name(of: key))
        return parts.joined(separator: "+")
    }

    /// A compact label for key bars: arrows as glyphs (`alt+↓`), otherwise the description.
    public var displayLabel: String {
        let glyphs: [Key: String] = [.up: "↑", .down: "↓", .left: "←", .right: "→"]
        guard let glyph = glyphs[key] else { return description }
        var parts: [String] = []
        if modifiers.contains(.ctrl) { parts.append("ctrl") }
        if modifiers.contains(.alt) { parts.append("alt") }
        if modifiers.contains(.shift) { parts.append("shift") }
        parts.append(glyph)
        return parts.joined(separator: "+")
    }

    static func name(of key: Key) -> String {
        if case .function(let n) = key { return "f\(n)" }
        if let entry = keyNames.first(where: { $0.0 == key }) { return entry.1[0] }
        if case .char(let c) = key { return String(c) }
        return "?"
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: Character) -> String {
        var slice = Substring(self)
        while slice.first == set { slice = slice.dropFirst() }
        while slice.last == set { slice = slice.dropLast() }
        return String(slice)
    }
}
