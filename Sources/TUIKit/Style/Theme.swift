/// A named mapping from semantic roles to styles.
public struct Theme: Hashable, Sendable {
    /// The display name (`name = ...` in the theme file).
    public var name: String
    /// The roles the theme sets explicitly; others fall back along `StyleRole.fallback`.
    public var styles: [StyleRole: Style]

    /// Creates a theme from explicit role styles.
    public init(name: String, styles: [StyleRole: Style]) {
        self.name = name
        self.styles = styles
    }

    /// The style for `role`, following the fallback chain to `text`, then to the plain style.
    public subscript(role: StyleRole) -> Style {
        var current: StyleRole? = role
        while let candidate = current {
            if let style = styles[candidate] { return style }
            current = candidate.fallback
        }
        return .plain
    }

    /// This theme with every colour snapped to `capability`.
    ///
    /// With no colour at all (`.none`, e.g. `NO_COLOR`), colour-only distinctions would vanish,
    /// so the attribute-only `monochrome` theme is used instead, as htop does.
    public func resolved(for capability: ColorCapability) -> Theme {
        if capability == .none { return Theme.monochrome }
        return Theme(name: name, styles: styles.mapValues { $0.resolved(for: capability) })
    }

    /// The first role whose resolved style equals `style`, for readable style annotations.
    public func role(for style: Style) -> StyleRole? {
        StyleRole.allCases.first { self[$0] == style }
    }
}

extension Theme {
    /// The built-in default dark theme.
    public static var defaultDark: Theme { BuiltinThemes.theme(named: "default-dark") }
    /// The built-in default light theme.
    public static var defaultLight: Theme { BuiltinThemes.theme(named: "default-light") }
    /// The built-in high-contrast theme (reverse video for emphasis).
    public static var highContrast: Theme { BuiltinThemes.theme(named: "high-contrast") }
    /// The built-in attributes-only theme, used for NO_COLOR and colourless terminals.
    public static var monochrome: Theme { BuiltinThemes.theme(named: "monochrome") }

    /// A theme giving every role its own palette colour, so `TextSnapshot.styled` can name the
    /// role behind each run unambiguously (real themes share styles between roles).
    public static var roleProbe: Theme {
        var styles: [StyleRole: Style] = [:]
        for (index, role) in StyleRole.allCases.enumerated() {
            styles[role] = Style(foreground: .indexed(UInt8(16 + index)))
        }
        return Theme(name: "role probe", styles: styles)
    }
}
