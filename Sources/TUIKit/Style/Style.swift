/// Text attributes a terminal can render without colour.
public struct TextAttributes: OptionSet, Hashable, Sendable, CustomStringConvertible {
    /// The raw bit set.
    public let rawValue: UInt8
    /// Creates attributes from raw bits.
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Bold or bright text.
    public static let bold = TextAttributes(rawValue: 1 << 0)
    /// Faint text.
    public static let dim = TextAttributes(rawValue: 1 << 1)
    /// Italic text.
    public static let italic = TextAttributes(rawValue: 1 << 2)
    /// Underlined text.
    public static let underline = TextAttributes(rawValue: 1 << 3)
    /// Foreground and background swapped.
    public static let reverse = TextAttributes(rawValue: 1 << 4)
    /// Struck-through text.
    public static let strikethrough = TextAttributes(rawValue: 1 << 5)

    /// Each attribute with its theme-file name, in a fixed order.
    public static let named: [(String, TextAttributes)] = [
        ("bold", .bold), ("dim", .dim), ("italic", .italic), ("underline", .underline),
        ("reverse", .reverse), ("strikethrough", .strikethrough),
    ]

    /// Space-separated theme-file names, e.g. `bold underline`.
    public var description: String {
        TextAttributes.named.filter { contains($0.1) }.map(\.0).joined(separator: " ")
    }
}

/// A foreground colour, a background colour and attributes.
public struct Style: Hashable, Sendable, CustomStringConvertible {
    /// The text colour.
    public var foreground: Color
    /// The cell colour.
    public var background: Color
    /// Bold, reverse, underline and friends.
    public var attributes: TextAttributes

    /// Creates a style; everything defaults to the terminal's plain look.
    public init(foreground: Color = .default, background: Color = .default, attributes: TextAttributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    /// The terminal's default colours with no attributes.
    public static let plain = Style()

    /// `other` laid over this style: its non-default colours win and attributes are combined.
    public func patched(with other: Style) -> Style {
        Style(
            foreground: other.foreground == .default ? foreground : other.foreground,
            background: other.background == .default ? background : other.background,
            attributes: attributes.union(other.attributes)
        )
    }

    /// This style with `extra` attributes added.
    public func adding(_ extra: TextAttributes) -> Style {
        Style(foreground: foreground, background: background, attributes: attributes.union(extra))
    }

    /// This style with colours snapped to what `capability` can show.
    public func resolved(for capability: ColorCapability) -> Style {
        Style(
            foreground: foreground.resolved(for: capability),
            background: background.resolved(for: capability),
            attributes: attributes
        )
    }

    /// The theme-file spelling, e.g. `fg:#ffffff bg:236 bold`; `none` for the plain style.
    public var description: String {
        var parts: [String] = []
        if foreground != .default { parts.append("fg:\(foreground)") }
        if background != .default { parts.append("bg:\(background)") }
        if !attributes.isEmpty { parts.append(attributes.description) }
        return parts.isEmpty ? "none" : parts.joined(separator: " ")
    }
}
