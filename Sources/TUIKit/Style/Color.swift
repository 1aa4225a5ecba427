/// A terminal colour: the terminal's default, one of the 16 ANSI colours, a 256-palette index
/// or a 24-bit RGB value.
public enum Color: Hashable, Sendable, CustomStringConvertible {
    /// The terminal's own foreground or background (ncurses `use_default_colors`, colour -1).
    case `default`
    /// ANSI colour 0–15 (0–7 normal, 8–15 bright); values above 15 are clamped.
    case ansi(UInt8)
    /// xterm 256-colour palette index.
    case indexed(UInt8)
    /// 24-bit colour.
    case rgb(UInt8, UInt8, UInt8)

    /// The names of the 16 ANSI colours, in palette order, as theme files spell them.
    public static let ansiNames = [
        "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
        "bright-black", "bright-red", "bright-green", "bright-yellow",
        "bright-blue", "bright-magenta", "bright-cyan", "bright-white",
    ]

    /// Parses `default`, an ANSI name (`red`, `bright-blue`, also `gray`), `0`–`255` or `#rrggbb`/`#rgb`.
    public init?(parsing text: String) {
        let token = text.lowercased()
        if token == "default" {
            self = .default
        } else if let index = Color.ansiNames.firstIndex(of: token) {
            self = .ansi(UInt8(index))
        } else if token == "gray" || token == "grey" {
            self = .ansi(8)
        } else if let number = Int(token), (0...255).contains(number) {
            self = .indexed(UInt8(number))
        } else if let rgb = Color.parseHex(token) {
            self = rgb
        } else {
            return nil
        }
    }

    private static func parseHex(_ token: String) -> Color? {
        guard token.hasPrefix("#") else { return nil }
        var digits = String(token.dropFirst())
        if digits.count == 3 { digits = digits.map { "\($0)\($0)" }.joined() }
        guard digits.count == 6, let value = UInt32(digits, radix: 16) else { return nil }
        return .rgb(UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF))
    }

    /// The theme-file spelling, which `init(parsing:)` reads back to the same colour.
    public var description: String {
        switch self {
        case .default: return "default"
        case .ansi(let n): return Color.ansiNames[Int(min(n, 15))]
        case .indexed(let n): return String(n)
        case .rgb(let r, let g, let b):
            return "#" + [r, g, b].map { byte in
                let hex = String(byte, radix: 16)
                return hex.count == 1 ? "0" + hex : hex
            }.joined()
        }
    }
}

/// How many colours a terminal can show, from none to 24-bit.
public enum ColorCapability: Int, Comparable, Sendable, CaseIterable {
    /// No colour at all (NO_COLOR, monochrome terminals): attributes only.
    case none = 0
    /// 8 or 16 ANSI colours.
    case ansi16 = 16
    /// The xterm 256-colour palette.
    case indexed256 = 256
    /// Direct 24-bit colour.
    case trueColor = 16_777_216

    /// Orders capabilities from poorest to richest.
    public static func < (lhs: ColorCapability, rhs: ColorCapability) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The capability for a terminal reporting `colors` (ncurses `COLORS`), upgraded to true
    /// colour only when the terminal also has enough colours for direct RGB.
    public static func detect(colors: Int, hasColors: Bool, environment: [String: String]) -> ColorCapability {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .none }
        guard hasColors, colors >= 8 else { return .none }
        if colors >= 16_777_216 { return .trueColor }
        return colors >= 256 ? .indexed256 : .ansi16
    }
}

extension Color {
    /// This colour as the terminal can show it: RGB snaps to the nearest 256-palette entry,
    /// and palette colours snap to the nearest of the 16 ANSI colours, as capability requires.
    public func resolved(for capability: ColorCapability) -> Color {
        switch (capability, self) {
        case (.none, _), (_, .default): return .default
        case (.trueColor, _): return self
        case (.indexed256, .rgb(let r, let g, let b)): return .indexed(Palette.nearest256(r, g, b))
        case (.indexed256, _): return self
        case (.ansi16, .ansi): return self
        case (.ansi16, .indexed(let n)):
            if n < 16 { return .ansi(n) }
            let (r, g, b) = Palette.rgb(ofIndex: n)
            return .ansi(Palette.nearest16(r, g, b))
        case (.ansi16, .rgb(let r, let g, let b)): return .ansi(Palette.nearest16(r, g, b))
        }
    }
}
