import XCTest
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import TUIKit
@testable import TUICurses

final class TerminalTests: XCTestCase {
    private func makeTerminal(_ pty: PseudoTerminal, options: Terminal.Options = Terminal.Options(environment: [:])) throws -> Terminal {
        try Terminal(input: pty.slaveFile, output: pty.slaveFile, termType: "xterm-256color", options: options)
    }

    func testOpensWithPseudoTerminalSizeAndCapabilities() throws {
        let pty = try PseudoTerminal(columns: 60, rows: 20)
        let terminal = try makeTerminal(pty)
        defer { terminal.close() }
        XCTAssertEqual(terminal.size, Size(width: 60, height: 20))
        XCTAssertEqual(terminal.capabilities.colors, 256)
        XCTAssertEqual(terminal.capabilities.colorCapability, .indexed256)
        XCTAssertTrue(terminal.capabilities.isUTF8)
        XCTAssertFalse(terminal.isSuspended)
    }

    func testPresentWritesTextAndOnlyChangesOnSecondFrame() throws {
        let pty = try PseudoTerminal()
        let terminal = try makeTerminal(pty)
        defer { terminal.close() }
        _ = pty.readOutput(timeout: 200)
        var frame = Frame(size: terminal.size)
        frame.grid.write("Hello 作者 world", at: Point(x: 2, y: 1))
        terminal.present(frame)
        let first = pty.readOutput()
        XCTAssertTrue(first.contains("Hello"), first.debugDescription)
        XCTAssertTrue(first.contains("作"), first.debugDescription)
        XCTAssertTrue(first.contains("world"))

        frame.grid.write("Z", at: Point(x: 40, y: 10))
        terminal.present(frame)
        let second = pty.readOutput()
        XCTAssertTrue(second.contains("Z"))
        XCTAssertFalse(second.contains("Hello"), "unchanged text must not be rewritten: \(second.debugDescription)")
        XCTAssertLessThan(second.utf8.count, 40)
    }

    func testReadEventDecodesKeysMouseAndPaste() throws {
        let pty = try PseudoTerminal()
        let terminal = try makeTerminal(pty, options: Terminal.Options(mouse: true, environment: [:]))
        defer { terminal.close() }
        let setup = pty.readOutput(timeout: 200)
        XCTAssertTrue(setup.contains("\u{1B}[?1006h"), "SGR mouse mode requested")
        XCTAssertTrue(setup.contains("\u{1B}[?2004h"), "bracketed paste requested")
        pty.send("j\u{1B}[1;3B\r\u{0A}")
        XCTAssertEqual(terminal.readEvent(timeout: 1000), .key(.char("j")))
        XCTAssertEqual(terminal.readEvent(timeout: 1000), .key(KeyEvent(.down, modifiers: .alt)))
        XCTAssertEqual(terminal.readEvent(timeout: 1000), .key(KeyEvent(.enter)))
        XCTAssertEqual(terminal.readEvent(timeout: 1000), .key(.ctrl("j")))
        pty.send("\u{1B}")
        XCTAssertEqual(terminal.readEvent(timeout: 1000), .key(KeyEvent(.escape)))
        pty.send("\u{1B}[<0;5;3M")
        XCTAssertEqual(terminal.readEvent(timeout: 1000), .mouse(MouseEvent(action: .press(.left), position: Point(x: 4, y: 2))))
        pty.send("\u{1B}[200~a\rb\u{1B}[201~")
        XCTAssertEqual(terminal.readEvent(timeout: 1000), .paste("a\nb"))
        pty.send("é")
        XCTAssertEqual(terminal.readEvent(timeout: 1000), .key(.char("é")))
        XCTAssertNil(terminal.readEvent(timeout: 10))
    }

    func testResizeIsReportedAndNextFrameRepaintsFully() throws {
        let pty = try PseudoTerminal(columns: 80, rows: 24)
        let terminal = try makeTerminal(pty)
        defer { terminal.close() }
        var frame = Frame(size: terminal.size)
        frame.grid.write("Keep", at: .zero)
        terminal.present(frame)
        _ = pty.readOutput()
        pty.resize(columns: 100, rows: 30)
        XCTAssertEqual(terminal.readEvent(timeout: 50), .resize(Size(width: 100, height: 30)))
        XCTAssertEqual(terminal.size, Size(width: 100, height: 30))
        var bigger = Frame(size: terminal.size)
        bigger.grid.write("Keep", at: .zero)
        terminal.present(bigger)
        XCTAssertTrue(pty.readOutput().contains("Keep"))
        XCTAssertNil(terminal.checkResize(), "no change, no event")
    }

    func testColorsAllocatePairsOncePerCombination() throws {
        let pty = try PseudoTerminal()
        let terminal = try makeTerminal(pty)
        defer { terminal.close() }
        var frame = Frame(size: terminal.size)
        let red = Style(foreground: .rgb(255, 0, 0), background: .indexed(236), attributes: [.bold, .underline])
        frame.grid.write("red", at: .zero, style: red)
        frame.grid.write("again", at: Point(x: 0, y: 1), style: red)
        frame.grid.write("plain", at: Point(x: 0, y: 2))
        frame.grid.write("rev", at: Point(x: 0, y: 3), style: Style(attributes: [.reverse, .italic, .dim]))
        terminal.present(frame)
        let output = pty.readOutput()
        XCTAssertEqual(terminal.allocatedColorPairs, 1)
        XCTAssertTrue(output.contains("38;5;196") || output.contains("[38;5;196m") || output.contains("196"), output.debugDescription)
        XCTAssertTrue(output.contains("[1m") || output.contains(";1m") || output.contains("1;"), "bold emitted")
        terminal.resetColors()
        XCTAssertEqual(terminal.allocatedColorPairs, 0)
    }

    func testMonochromeUsesNoPairs() throws {
        let pty = try PseudoTerminal()
        let terminal = try makeTerminal(pty, options: Terminal.Options(environment: ["NO_COLOR": "1"]))
        defer { terminal.close() }
        XCTAssertEqual(terminal.capabilities.colorCapability, .none)
        var frame = Frame(size: terminal.size)
        frame.grid.write("x", at: .zero, style: Style(foreground: .ansi(1)))
        terminal.present(frame)
        XCTAssertEqual(terminal.allocatedColorPairs, 0)
    }

    func testCursorPlacementAndVisibility() throws {
        let pty = try PseudoTerminal()
        let terminal = try makeTerminal(pty)
        defer { terminal.close() }
        _ = pty.readOutput(timeout: 200)
        var frame = Frame(size: terminal.size, cursor: Point(x: 5, y: 3), cursorVisible: true)
        frame.grid.write("field", at: Point(x: 0, y: 3))
        terminal.present(frame)
        let output = pty.readOutput()
        XCTAssertTrue(output.contains("\u{1B}[?25h") || output.contains("\u{1B}[?12;25h"), "cursor shown: \(output.debugDescription)")
        XCTAssertTrue(output.contains("\u{1B}[4;6H") || output.hasSuffix("field"), "cursor moved to row 4, col 6: \(output.debugDescription)")
    }

    func testWideCharacterAtRightEdgeBecomesBlank() throws {
        let pty = try PseudoTerminal(columns: 10, rows: 3)
        let terminal = try makeTerminal(pty)
        defer { terminal.close() }
        _ = pty.readOutput(timeout: 200)
        var grid = CellGrid(size: Size(width: 10, height: 3))
        grid.write("abcdefghi", at: .zero)
        grid.put(Cell("界"), x: 9, y: 1)
        terminal.present(Frame(grid: grid))
        let output = pty.readOutput()
        XCTAssertTrue(output.contains("abcdefghi"))
        XCTAssertFalse(output.contains("界"))
    }

    func testSuspendAndResumeRestoresCursesMode() throws {
        let pty = try PseudoTerminal()
        let terminal = try makeTerminal(pty)
        defer { terminal.close() }
        var frame = Frame(size: terminal.size)
        frame.grid.write("before", at: .zero)
        terminal.present(frame)
        _ = pty.readOutput()
        var stopped = false
        terminal.suspend { stopped = true }
        XCTAssertTrue(stopped)
        terminal.present(frame)
        XCTAssertTrue(pty.readOutput().contains("before"), "full repaint after resume")
        XCTAssertFalse(terminal.isSuspended)
    }

    func testCloseRestoresTerminalAndIsIdempotent() throws {
        let pty = try PseudoTerminal()
        let terminal = try makeTerminal(pty, options: Terminal.Options(mouse: true, environment: [:]))
        _ = pty.readOutput(timeout: 200)
        terminal.close()
        let output = pty.readOutput()
        XCTAssertTrue(output.contains("\u{1B}[?1006l"), "mouse reporting switched off")
        XCTAssertTrue(output.contains("\u{1B}[?1049l") || output.contains("\u{1B}[?47l") || output.contains("\u{1B}[?1l"), "alternate screen left: \(output.debugDescription)")
        XCTAssertFalse(terminal.isOpen)
        terminal.close()
        terminal.present(Frame(size: Size(width: 1, height: 1)))
        XCTAssertNil(terminal.readEvent(timeout: 0))
    }

    func testUnknownTerminalTypeThrows() throws {
        let pty = try PseudoTerminal()
        XCTAssertThrowsError(try Terminal(input: pty.slaveFile, output: pty.slaveFile, termType: "no-such-terminal-xyz")) { error in
            XCTAssertEqual(error as? TerminalError, .cannotInitialize(term: "no-such-terminal-xyz"))
            XCTAssertTrue("\(error)".contains("no-such-terminal-xyz"))
        }
    }
}

final class TerminalSessionTests: XCTestCase {
    func testSigwinchWakesResizeHandling() throws {
        let pty = try PseudoTerminal(columns: 80, rows: 24)
        let terminal = try Terminal(input: pty.slaveFile, output: pty.slaveFile, termType: "xterm-256color", options: Terminal.Options(environment: [:]))
        defer { terminal.close() }
        pty.resize(columns: 90, rows: 20)
        raise(SIGWINCH)
        XCTAssertEqual(SignalGuard.resizePending, 1, "the handler only sets a flag")
        XCTAssertEqual(terminal.readEvent(timeout: 0), .resize(Size(width: 90, height: 20)))
        XCTAssertEqual(SignalGuard.resizePending, 0)
    }

    func testProcessTerminalRequiresATTY() throws {
        guard isatty(STDIN_FILENO) == 0 || isatty(STDOUT_FILENO) == 0 else { throw XCTSkip("running on a real terminal") }
        XCTAssertThrowsError(try Terminal()) { XCTAssertEqual($0 as? TerminalError, .notATerminal) }
        XCTAssertThrowsError(try Terminal.run { _ in 1 })
    }

    func testEnvironmentIsReadAndOptionsDefault() {
        let environment = Terminal.processEnvironment()
        XCTAssertEqual(environment["PATH"], ProcessInfo.processInfo.environment["PATH"])
        let options = Terminal.Options(environment: [:])
        XCTAssertFalse(options.mouse)
        XCTAssertTrue(options.bracketedPaste)
        XCTAssertEqual(options.escapeDelay, 25)
    }

    func testForcedMonochromeAndTrueColorAnnouncement() throws {
        let pty = try PseudoTerminal()
        let terminal = try Terminal(input: pty.slaveFile, output: pty.slaveFile, termType: "xterm-256color", options: Terminal.Options(forceMonochrome: true, environment: ["COLORTERM": "truecolor"]))
        defer { terminal.close() }
        XCTAssertEqual(terminal.capabilities.colorCapability, .none)
        XCTAssertTrue(terminal.capabilities.announcesTrueColor)
    }

    func testDirectColorTerminal() throws {
        let pty = try PseudoTerminal()
        let terminal: Terminal
        do {
            terminal = try Terminal(input: pty.slaveFile, output: pty.slaveFile, termType: "xterm-direct", options: Terminal.Options(environment: [:]))
        } catch {
            throw XCTSkip("no xterm-direct terminfo")
        }
        defer { terminal.close() }
        XCTAssertEqual(terminal.capabilities.colorCapability, .trueColor)
        var frame = Frame(size: terminal.size)
        frame.grid.write("rgb", at: .zero, style: Style(foreground: .rgb(0x12, 0x34, 0x56)))
        terminal.present(frame)
        XCTAssertTrue(pty.readOutput().contains("rgb"))
        XCTAssertEqual(terminal.allocatedColorPairs, 1)
    }
}
