// Bundled copies of themes/*.theme so the binary works from any directory.
// Keep in sync with the files: ThemeLoaderTests compares them byte for byte.

/// The built-in themes, compiled into the binary.
public enum BuiltinThemes {
    /// The names of the built-in themes, in menu order.
    public static let names = ["default-dark", "default-light", "high-contrast", "monochrome"]

    /// The theme-file source of the built-in theme `name`, if there is one.
    public static func source(named name: String) -> String? {
        switch name {
        case "default-dark": return defaultDark
        case "default-light": return defaultLight
        case "high-contrast": return highContrast
        case "monochrome": return monochrome
        default: return nil
        }
    }

    /// The parsed built-in theme `name`; `default-dark` for unknown names.
    ///
    /// The bundled sources are covered by tests, so the parse cannot fail in a shipped binary;
    /// the plain fallback only guards against an edited constant.
    static func theme(named name: String) -> Theme {
        let source = self.source(named: name) ?? defaultDark
        return (try? ThemeParser.parse(source, file: name)) ?? Theme(name: name, styles: [:])
    }

    private static let defaultDark = """
# Formwork default dark theme. Format: docs/themes.md
name = Default dark

$fg = #d0d0d0
$muted = #808080
$accent = #5fafff
$sel = #005f87
$panel = #262626
$faint = #4e4e4e

text = fg:$fg
dim = fg:$muted
title = fg:$accent bold
border = fg:#585858
borderFocused = fg:$accent
selection = fg:#ffffff bg:$sel bold
selectionInactive = fg:$fg bg:#3a3a3a
moveTarget = fg:#000000 bg:#ffaf00 bold
keyHint = fg:$muted
keyHintKey = fg:$accent bold
keyHintDisabled = fg:$faint
error = fg:#ff5f5f bold
warning = fg:#ffaf00
success = fg:#87d75f
badge = fg:#af87ff
toastInfo = fg:#ffffff bg:#005f5f
toastError = fg:#ffffff bg:#870000 bold
inputField = fg:#ffffff bg:#303030
cursor = reverse
disabled = fg:$faint
hidden = fg:#626262 italic
accent = fg:$accent
match = fg:#ffaf00 bold
header = fg:$accent bold underline
statusBar = fg:#bcbcbc bg:$panel
dialog = fg:$fg bg:$panel
tabActive = fg:#ffffff bg:$sel bold
tabInactive = fg:$muted
scrollbarTrack = fg:#3a3a3a
scrollbarThumb = fg:$accent
progress = fg:#87d75f
guide = fg:$faint
"""

    private static let defaultLight = """
# Formwork default light theme. Format: docs/themes.md
name = Default light

$fg = #262626
$muted = #6c6c6c
$accent = #005faf
$sel = #afd7ff
$panel = #eeeeee
$faint = #a8a8a8

text = fg:$fg
dim = fg:$muted
title = fg:$accent bold
border = fg:#a8a8a8
borderFocused = fg:$accent
selection = fg:#000000 bg:$sel bold
selectionInactive = fg:$fg bg:#dadada
moveTarget = fg:#000000 bg:#ffd75f bold
keyHint = fg:$muted
keyHintKey = fg:$accent bold
keyHintDisabled = fg:$faint
error = fg:#af0000 bold
warning = fg:#af5f00
success = fg:#008700
badge = fg:#8700af
toastInfo = fg:#000000 bg:#d7ffff
toastError = fg:#ffffff bg:#af0000 bold
inputField = fg:#000000 bg:#e4e4e4
cursor = reverse
disabled = fg:$faint
hidden = fg:#8a8a8a italic
accent = fg:$accent
match = fg:#d75f00 bold
header = fg:$accent bold underline
statusBar = fg:#303030 bg:$panel
dialog = fg:$fg bg:$panel
tabActive = fg:#000000 bg:$sel bold
tabInactive = fg:$muted
scrollbarTrack = fg:#d0d0d0
scrollbarThumb = fg:$accent
progress = fg:#008700
guide = fg:$faint
"""

    private static let highContrast = """
# Formwork high-contrast theme: bright ANSI colours, reverse video for anything selected.
# Format: docs/themes.md
name = High contrast

text = fg:bright-white
dim = fg:white
title = fg:bright-yellow bold underline
border = fg:white
borderFocused = fg:bright-yellow bold
selection = reverse bold
selectionInactive = reverse
moveTarget = fg:black bg:bright-yellow bold
keyHint = fg:bright-white
keyHintKey = fg:bright-yellow bold
keyHintDisabled = fg:white dim
error = fg:bright-red bold underline
warning = fg:bright-yellow bold
success = fg:bright-green bold
badge = fg:bright-cyan
toastInfo = reverse bold
toastError = fg:bright-white bg:red bold
inputField = underline
cursor = reverse
disabled = fg:white dim
hidden = fg:white italic
accent = fg:bright-cyan bold
match = fg:bright-yellow bold underline
header = fg:bright-white bold underline
statusBar = reverse
dialog = fg:bright-white bg:black
tabActive = reverse bold
tabInactive = fg:white
scrollbarTrack = fg:white
scrollbarThumb = reverse
progress = fg:bright-green bold
guide = fg:white
"""

    private static let monochrome = """
# Formwork monochrome theme: attributes only, no colours. Used when NO_COLOR is set.
# Format: docs/themes.md
name = Monochrome

text = none
dim = dim
title = bold
border = none
borderFocused = bold
selection = reverse
selectionInactive = underline
moveTarget = reverse bold underline
keyHint = none
keyHintKey = bold
keyHintDisabled = dim
error = bold underline
warning = bold
success = bold
badge = dim
toastInfo = reverse
toastError = reverse bold
inputField = underline
cursor = reverse
disabled = dim
hidden = dim italic
accent = bold
match = bold underline
header = bold underline
statusBar = reverse
dialog = none
tabActive = reverse bold
tabInactive = none
scrollbarTrack = dim
scrollbarThumb = reverse
progress = reverse
guide = dim
"""
}
