import Foundation
import XCTest

/// The studio in a real shell inside tmux: resizing at any moment, ctrl+z and `fg`, and the
/// terminal given back in a sane state after quitting and after SIGTERM.
final class StudioTerminalTests: TmuxTestCase {
    /// Starts an interactive shell in tmux and the studio inside it.
    func startStudio() throws {
        try shell(["tmux", "new-session", "-d", "-s", session, "-x", "120", "-y", "40", "bash --norc --noprofile -i"])
        try send("export PS1='[sh]' FORMWORK_HOME='\(workspace.path)' TERM=xterm-256color LANG=C.UTF-8 \(profileAssignment)", "Enter")
        try send("clear; '\(binary.path)'", "Enter")
        try waitFor("Formwork · Forms")
    }

    /// Asks the shell whether the terminal is back in canonical mode with echo.
    func assertTerminalRestored(file: StaticString = #filePath, line: UInt = #line) throws {
        try send("clear; stty -a | tr ' ;' '\\n\\n' | grep -E -x -- '-?(echo|icanon)' | tr '\\n' ' '; echo STTY-END", "Enter")
        try waitFor("STTY-END", file: file, line: line)
        let text = try screen().joined(separator: "\n")
        XCTAssertTrue(text.contains("icanon echo") || text.contains("echo icanon"), text, file: file, line: line)
        XCTAssertFalse(text.contains("-echo") || text.contains("-icanon"), text, file: file, line: line)
    }

    func testResizeSuspendResumeAndQuitRestoreTheTerminal() throws {
        try startStudio()
        try send("n")
        try waitFor("New form title")
        try send("-l", "Resize")
        try send("Enter")
        try waitFor("Empty form")
        try send("a")
        try send("Enter")
        try waitFor("short_text_1")
        XCTAssertTrue(try screen().contains { $0.contains("┌ Properties") }, "three panes at 120 columns")

        try shell(["tmux", "resize-window", "-t", session, "-x", "80", "-y", "24"])
        try waitFor("Fields │ Properties │ Preview")
        try shell(["tmux", "resize-window", "-t", session, "-x", "120", "-y", "40"])
        try waitFor("┌ Properties")

        // In the builder ctrl+z is undo; suspending goes through the palette there.
        try send("C-z")
        try waitFor("undone")
        try send("C-p")
        try send("-l", "suspend")
        try send("Enter")
        try waitFor("Stopped")
        try send("fg", "Enter")
        try waitFor("┌ Properties")
        try send("C-s")
        try waitFor("saved")
        try send("q")
        try waitFor("Formwork · Forms")
        try send("C-z")
        try waitFor("Stopped")
        try send("fg", "Enter")
        try waitFor("Formwork · Forms")
        try send("q")
        try waitFor("[sh]")
        try assertTerminalRestored()
    }

    func testSIGTERMRestoresTheTerminal() throws {
        try startStudio()
        let panePID = try shell(["tmux", "list-panes", "-t", session, "-F", "#{pane_pid}"]).output.trimmingCharacters(in: .whitespacesAndNewlines)
        let child = try shell(["pgrep", "-P", panePID, "-f", "formwork"]).output.trimmingCharacters(in: .whitespacesAndNewlines)
        XCTAssertFalse(child.isEmpty, "the studio runs under the shell")
        try shell(["kill", "-TERM", child])
        try waitFor("[sh]")
        try assertTerminalRestored()
    }
}
