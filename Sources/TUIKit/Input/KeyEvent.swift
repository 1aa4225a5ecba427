/// A key on the keyboard, without modifiers.
public enum Key: Hashable, Sendable {
    /// A printable character (letters keep their case; `" "` is space).
    case char(Character)
    /// Return / Enter (CR).
    case enter
    /// Escape.
    case escape
    /// Tab.
    case tab
    /// Shift+Tab, which terminals send as its own sequence.
    case backtab
    /// Backspace (DEL or BS).
    case backspace
    /// Forward delete.
    case delete
    /// Insert.
    case insert
    /// Arrow up.
    case up
    /// Arrow down.
    case down
    /// Arrow left.
    case left
    /// Arrow right.
    case right
    /// Home.
    case home
    /// End.
    case end
    /// Page up.
    case pageUp
    /// Page down.
    case pageDown
    /// Function key F1–F12 (the number is 1-based).
    case function(Int)
}

/// Modifier keys held with a key.
public struct Modifiers: OptionSet, Hashable, Sendable {
    /// The raw bit set.
    public let rawValue: UInt8
    /// Creates modifiers from raw bits.
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Control.
    public static let ctrl = Modifiers(rawValue: 1 << 0)
    /// Alt / Meta / Option.
    public static let alt = Modifiers(rawValue: 1 << 1)
    /// Shift (only recorded for non-character keys; shifted letters are uppercase characters).
    public static let shift = Modifiers(rawValue: 1 << 2)

    /// From an xterm modifier parameter (`\e[1;3A` has parameter 3 = 1 + alt).
    init(xtermParameter parameter: Int) {
        let bits = max(0, parameter - 1)
        var result: Modifiers = []
        if bits & 1 != 0 { result.insert(.shift) }
        if bits & 2 != 0 || bits & 8 != 0 { result.insert(.alt) }
        if bits & 4 != 0 { result.insert(.ctrl) }
        self = result
    }
}

/// One key press: a key plus modifiers, in a normalised form so that equal presses compare equal.
///
/// Normal form: `shift+tab` is `.backtab`; `shift` with a letter becomes the uppercase letter;
/// ctrl+letter is stored with the lowercase letter.
public struct KeyEvent: Hashable, Sendable {
    /// The key pressed.
    public let key: Key
    /// The modifiers held.
    public let modifiers: Modifiers

    /// Creates a normalised key event.
    public init(_ key: Key, modifiers: Modifiers = []) {
        var key = key, modifiers = modifiers
        if key == .tab, modifiers.contains(.shift) {
            key = .backtab
            modifiers.remove(.shift)
        }
        if case .char(let c) = key, c.isLetter {
            if modifiers.contains(.ctrl) {
                key = .char(Character(c.lowercased()))
            } else if modifiers.contains(.shift) {
                key = .char(Character(c.uppercased()))
                modifiers.remove(.shift)
            }
        }
        self.key = key
        self.modifiers = modifiers
    }

    /// A plain character key.
    public static func char(_ c: Character) -> KeyEvent { KeyEvent(.char(c)) }
    /// ctrl+`c`.
    public static func ctrl(_ c: Character) -> KeyEvent { KeyEvent(.char(c), modifiers: .ctrl) }
    /// alt+`key`.
    public static func alt(_ key: Key) -> KeyEvent { KeyEvent(key, modifiers: .alt) }
}
