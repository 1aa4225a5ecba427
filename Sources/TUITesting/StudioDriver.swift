import FormCore
import Studio
import TUIKit

/// Runs the studio in-process on a headless terminal: press keys from a script, then read
/// the screen's lines and the state. Effects run inline, in order, and their answers are fed
/// back before `press` returns, so every check sees the settled screen.
public final class StudioDriver {
    /// The app state after the last key.
    public private(set) var state: AppState
    /// The screen.
    public private(set) var terminal: HeadlessTerminal
    /// The theme frames are drawn with (monochrome keeps snapshots colour-free).
    public var theme: Theme
    /// Performs the effects.
    public let runner: EffectRunner
    /// Host effects seen (`quit`, `suspend`), in order.
    public private(set) var hostEffects: [Effect] = []
    /// Every effect run, in order.
    public private(set) var effectLog: [Effect] = []

    /// A studio over `services` on a terminal of `size`, showing the Forms screen.
    public init(services: StudioServices, size: Size = Size(width: 80, height: 24), theme: Theme = .monochrome) {
        self.state = AppState(size: size)
        self.terminal = HeadlessTerminal(size: size)
        self.theme = theme
        self.runner = EffectRunner(services: services)
        perform([.loadForms])
    }

    /// A studio over the forms of `repository` alone.
    public convenience init(repository: FormRepository, size: Size = Size(width: 80, height: 24), theme: Theme = .monochrome) {
        self.init(services: StudioServices(forms: repository), size: size, theme: theme)
    }

    /// Sends one action and settles its effects, then redraws.
    public func send(_ action: AppAction) {
        let effects = AppReducer.reduce(action, &state)
        perform(effects)
    }

    private func perform(_ effects: [Effect]) {
        var queue = effects
        while !queue.isEmpty {
            let effect = queue.removeFirst()
            effectLog.append(effect)
            if effect == .quit || effect == .suspend {
                hostEffects.append(effect)
                continue
            }
            for answer in runner.perform(effect) { queue += AppReducer.reduce(answer, &state) }
        }
        redraw()
    }

    /// Redraws the screen from the state.
    public func redraw() {
        terminal.present(AppView.render(state, size: terminal.size, theme: renderTheme))
    }

    /// The theme the last frame was drawn in: the state's override (the Settings preview)
    /// when set, else `theme`, as the live loop does.
    public var renderTheme: Theme { state.themeOverride ?? theme }

    /// Presses the keys of a space-separated script such as `"ctrl+j ctrl+j alt+right"`
    /// (`space` is the space bar).
    public func press(_ script: String) throws {
        for key in try KeyEvent.parseList(script) { send(.key(key)) }
    }

    /// Types text character by character.
    public func type(_ text: String) {
        for character in text { send(.key(KeyEvent(.char(character)))) }
    }

    /// Changes the terminal size.
    public func resize(_ size: Size) {
        terminal.resize(size)
        send(.resize(size))
    }

    /// Sends clock ticks (autosave, toast expiry).
    public func tick(_ count: Int = 1) {
        for _ in 0..<count { send(.tick) }
    }

    /// The screen lines.
    public var lines: [String] { terminal.lines }

    /// The screen as text.
    public var screen: String { terminal.text }

    /// The first row containing `text`, if any.
    public func row(containing text: String) -> Int? { lines.firstIndex { $0.contains(text) } }

    /// Whether the screen shows `text` anywhere.
    public func shows(_ text: String) -> Bool { row(containing: text) != nil }

    /// The row the hardware cursor is on (the selected row or the caret).
    public var cursorRow: Int? { terminal.frame?.cursor?.y }

    /// Whether row `row` carries the selection style at column `column`.
    public func isHighlighted(row: Int, column: Int) -> Bool {
        guard let grid = terminal.frame?.grid else { return false }
        let style = grid[column, row].style
        return style == theme[.selection] || style == theme[.moveTarget]
    }

    /// The selected line of the focused pane: the text from the hardware cursor to the
    /// pane's right border.
    public var selectedLine: String? {
        guard let frame = terminal.frame, let cursor = frame.cursor else { return nil }
        var text = ""
        for x in cursor.x..<frame.size.width {
            let cell = frame.grid[x, cursor.y]
            if cell.text == "│" || cell.text == "┃" { break }
            if !cell.isContinuation { text += cell.text }
        }
        return text
    }

    /// Whether the selected line of the focused pane contains `text`.
    public func isSelected(_ text: String) -> Bool { selectedLine?.contains(text) ?? false }

    /// The builder's form, if one is open.
    public var form: Form? { state.builder?.form }
}
