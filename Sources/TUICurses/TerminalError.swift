/// Why the terminal could not be set up.
public enum TerminalError: Error, Hashable, Sendable, CustomStringConvertible {
    /// ncurses refused to start, typically because `TERM` names no known terminal.
    case cannotInitialize(term: String)
    /// Standard input or output is not a terminal.
    case notATerminal

    /// A one-line explanation for the user.
    public var description: String {
        switch self {
        case .cannotInitialize(let term):
            return "cannot start the terminal UI for TERM='\(term)' (unknown terminal type?)"
        case .notATerminal:
            return "the terminal UI needs an interactive terminal (stdin and stdout must be a TTY)"
        }
    }
}
