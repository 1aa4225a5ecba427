import TUIKit

/// Maps TUIKit colours to ncurses colour numbers for a given capability.
public struct CursesColorMapper: Hashable, Sendable {
    /// What the terminal can show.
    public var capability: ColorCapability
    /// The terminal's `COLORS`.
    public var colors: Int

    /// Creates a mapper.
    public init(capability: ColorCapability, colors: Int) {
        self.capability = capability
        self.colors = colors
    }

    /// The ncurses colour number: -1 for the terminal default (`use_default_colors`), a palette
    /// index, or a packed `0xRRGGBB` on direct-colour terminals.
    public func number(for color: Color) -> Int32 {
        switch color.resolved(for: capability) {
        case .default: return -1
        case .ansi(let n):
            let index = Int(min(n, 15))
            if capability == .trueColor && index >= 8 { return packed(Palette.rgb(ofIndex: UInt8(index))) }
            // 8-colour terminals have no bright half: fall back to the normal colour.
            return Int32(colors > index ? index : index % 8)
        case .indexed(let n):
            if capability == .trueColor && n >= 8 { return packed(Palette.rgb(ofIndex: n)) }
            return Int32(n)
        case .rgb(let r, let g, let b): return packed((r, g, b))
        }
    }

    private func packed(_ rgb: (UInt8, UInt8, UInt8)) -> Int32 {
        Int32(rgb.0) << 16 | Int32(rgb.1) << 8 | Int32(rgb.2)
    }
}

/// Lazily allocated colour pairs: each (foreground, background) combination gets a pair id the
/// first time it is drawn, up to the terminal's `COLOR_PAIRS`.
///
/// Pair 0 is the terminal default pair and is never allocated. When pairs run out, further
/// combinations fall back to pair 0 (attributes still show); `reset()` starts over, e.g.
/// after a theme change.
public struct ColorPairCache: Sendable {
    /// The highest usable pair count (`COLOR_PAIRS`).
    public let capacity: Int
    private var pairs: [ColorKey: Int32] = [:]
    private var next: Int32 = 1

    /// A foreground/background pair of ncurses colour numbers.
    public struct ColorKey: Hashable, Sendable {
        /// The foreground colour number.
        public var foreground: Int32
        /// The background colour number.
        public var background: Int32

        /// Creates a key.
        public init(foreground: Int32, background: Int32) {
            self.foreground = foreground
            self.background = background
        }
    }

    /// A cache for a terminal with `capacity` colour pairs.
    public init(capacity: Int) {
        self.capacity = capacity
    }

    /// The number of pairs allocated so far.
    public var allocatedCount: Int { pairs.count }

    /// The pair id for `key`, calling `initialize(id, key)` the first time a new pair is made.
    public mutating func pair(for key: ColorKey, initialize: (Int32, ColorKey) -> Void) -> Int32 {
        if key.foreground == -1, key.background == -1 { return 0 }
        if let existing = pairs[key] { return existing }
        guard Int(next) < capacity else { return 0 }
        let id = next
        next += 1
        pairs[key] = id
        initialize(id, key)
        return id
    }

    /// Forgets every allocated pair.
    public mutating func reset() {
        pairs.removeAll()
        next = 1
    }
}
