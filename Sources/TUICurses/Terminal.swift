import CNcursesw
import TUIKit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the running terminal supports, detected at start-up.
public struct TerminalCapabilities: Hashable, Sendable {
    /// ncurses `COLORS` (0 without colour).
    public var colors: Int
    /// ncurses `COLOR_PAIRS`.
    public var colorPairs: Int
    /// Whether the palette can be redefined (`can_change_color`).
    public var canChangeColor: Bool
    /// Whether `COLORTERM` announces 24-bit colour (only usable with a direct-colour terminfo).
    public var announcesTrueColor: Bool
    /// The colour level in use after NO_COLOR and the options are applied.
    public var colorCapability: ColorCapability
    /// Whether the locale is UTF-8 (else apps should use ASCII borders).
    public var isUTF8: Bool
}

/// An ncurses terminal session: the only place Formwork talks to ncurses.
///
/// It presents TUIKit frames by diff, decodes input with `InputDecoder`, reports resizes, and
/// always gives the terminal back: `close()` (also from `deinit`), the SIGINT/SIGTERM handlers,
/// and `Terminal.run` (a `defer`) each call `endwin`.
public final class Terminal {
    /// Session settings.
    public struct Options: Sendable {
        /// Report mouse clicks, drags and the wheel (SGR 1006 encoding).
        public var mouse: Bool
        /// Ask the terminal to bracket pastes so they arrive as one `.paste` event.
        public var bracketedPaste: Bool
        /// How long a lone ESC waits for the rest of a sequence, in milliseconds.
        public var escapeDelay: Int
        /// Use no colour even if the terminal has it (`--no-color`).
        public var forceMonochrome: Bool
        /// Environment consulted for NO_COLOR and COLORTERM.
        public var environment: [String: String]

        /// Creates options; the defaults suit the studio.
        public init(mouse: Bool = false, bracketedPaste: Bool = true, escapeDelay: Int = 25, forceMonochrome: Bool = false, environment: [String: String] = Terminal.processEnvironment()) {
            self.mouse = mouse
            self.bracketedPaste = bracketedPaste
            self.escapeDelay = escapeDelay
            self.forceMonochrome = forceMonochrome
            self.environment = environment
        }
    }

    /// The detected capabilities.
    public private(set) var capabilities: TerminalCapabilities
    /// The current size in cells.
    public internal(set) var size: Size
    /// False once `close()` has run.
    public private(set) var isOpen = true

    let options: Options
    let screen: OpaquePointer
    let output: UnsafeMutablePointer<FILE>
    var decoder = InputDecoder()
    var pending: [InputEvent] = []
    var lastFrame: Frame?
    var pairs: ColorPairCache
    let mapper: CursesColorMapper

    /// Opens a session on the process's terminal (stdin/stdout).
    public convenience init(options: Options = Options()) throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw TerminalError.notATerminal }
        try self.init(input: stdin, output: stdout, termType: options.environment["TERM"], options: options)
    }

    /// Opens a session on explicit streams (a pseudo-terminal in tests); `termType` nil uses `TERM`.
    public init(input: UnsafeMutablePointer<FILE>, output: UnsafeMutablePointer<FILE>, termType: String?, options: Options = Options()) throws {
        Terminal.prepareLocale()
        SignalGuard.install()
        // Trust the tty's real size (ioctl) over LINES/COLUMNS exported by a parent shell.
        use_env(true)
        use_tioctl(true)
        let name = termType ?? "xterm"
        guard let created = name.withCString({ newterm(UnsafeMutablePointer(mutating: $0), output, input) }) else {
            SignalGuard.uninstall()
            throw TerminalError.cannotInitialize(term: name)
        }
        self.screen = created
        self.output = output
        self.options = options
        set_term(created)
        Terminal.configureInput(escapeDelay: options.escapeDelay)
        let capability = Terminal.startColors(options: options)
        self.capabilities = TerminalCapabilities(
            colors: Int(cnc_colors()), colorPairs: Int(cnc_color_pairs()), canChangeColor: can_change_color(),
            announcesTrueColor: ["truecolor", "24bit"].contains(options.environment["COLORTERM"]?.lowercased() ?? ""),
            colorCapability: capability, isUTF8: Terminal.localeIsUTF8()
        )
        self.size = Size(width: Int(cnc_getmaxx(cnc_stdscr())), height: Int(cnc_getmaxy(cnc_stdscr())))
        self.pairs = ColorPairCache(capacity: capability == .none ? 0 : Int(cnc_color_pairs()))
        self.mapper = CursesColorMapper(capability: capability, colors: Int(cnc_colors()))
        writeModes(enable: true)
    }

    deinit { close() }

    /// Runs `body` with an open terminal and restores the terminal however `body` ends.
    public static func run<T>(options: Options = Options(), _ body: (Terminal) throws -> T) throws -> T {
        let terminal = try Terminal(options: options)
        defer { terminal.close() }
        return try body(terminal)
    }

    /// Leaves curses mode and gives the terminal back as it was. Safe to call more than once.
    public func close() {
        guard isOpen else { return }
        isOpen = false
        set_term(screen)
        writeModes(enable: false)
        endwin()
        delscreen(screen)
        SignalGuard.uninstall()
    }

    /// The process environment as a dictionary.
    public static func processEnvironment() -> [String: String] {
        var result: [String: String] = [:]
        var pointer = environ
        while let entry = pointer.pointee {
            let text = String(cString: entry)
            if let equals = text.firstIndex(of: "=") {
                result[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            pointer += 1
        }
        return result
    }

    // MARK: - Setup helpers

    /// `setlocale(LC_ALL, "")`, falling back to C.UTF-8 so wide characters work in the C locale.
    static func prepareLocale() {
        setlocale(LC_ALL, "")
        if !localeIsUTF8() { setlocale(LC_CTYPE, "C.UTF-8") }
    }

    static func localeIsUTF8() -> Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }

    // raw: ctrl+c/ctrl+z arrive as keys the app handles (quit, suspend). nonl: enter (CR) and
    // ctrl+j (LF) stay distinct. keypad off: we decode escape sequences ourselves.
    static func configureInput(escapeDelay: Int) {
        raw()
        noecho()
        nonl()
        let window = cnc_stdscr()
        keypad(window, false)
        meta(window, true)
        intrflush(window, false)
        set_escdelay(Int32(escapeDelay))
        curs_set(0)
    }

    static func startColors(options: Options) -> ColorCapability {
        // COLORS is only known after start_color(), so NO_COLOR is checked before starting.
        guard !options.forceMonochrome, has_colors() else { return .none }
        if let noColor = options.environment["NO_COLOR"], !noColor.isEmpty { return .none }
        start_color()
        use_default_colors()
        return ColorCapability.detect(colors: Int(cnc_colors()), hasColors: true, environment: options.environment)
    }

    func writeModes(enable: Bool) {
        let sequence = modeSequence(enable: enable)
        guard !sequence.isEmpty else { return }
        fputs(sequence, output)
        fflush(output)
        if enable { SignalGuard.setResetSequence(modeSequence(enable: false), fd: fileno(output)) }
    }

    func modeSequence(enable: Bool) -> String {
        var sequence = ""
        let flag = enable ? "h" : "l"
        if options.mouse { sequence += "\u{1B}[?1000\(flag)\u{1B}[?1002\(flag)\u{1B}[?1006\(flag)" }
        if options.bracketedPaste { sequence += "\u{1B}[?2004\(flag)" }
        return sequence
    }
}
