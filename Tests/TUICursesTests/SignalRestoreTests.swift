import XCTest
import Foundation
import TUIKit
@testable import TUICurses
#if canImport(Glibc)
import Glibc
#endif

/// Runs this test binary again as a child on a pseudo-terminal, lets the child open the
/// process terminal and die of a signal, and checks the terminal was given back.
final class SignalRestoreTests: XCTestCase {
    static let childFlag = "FORMWORK_TUI_SIGNAL_CHILD"

    /// The child side: only active when launched by `testFatalSignalRestoresTerminal`.
    func testChildOpensTerminalAndIsKilled() throws {
        guard let signalName = ProcessInfo.processInfo.environment[Self.childFlag] else {
            throw XCTSkip("runs only as the child of testFatalSignalRestoresTerminal")
        }
        let terminal = try Terminal(options: Terminal.Options(mouse: true, environment: ["TERM": "xterm-256color"]))
        var frame = Frame(size: terminal.size)
        frame.grid.write("child-frame", at: .zero)
        terminal.present(frame)
        raise(signalName == "INT" ? SIGINT : SIGTERM)
        XCTFail("the signal should have ended the process")
    }

    func testFatalSignalRestoresTerminal() throws {
        try runChild(signal: "TERM", expected: SIGTERM)
        try runChild(signal: "INT", expected: SIGINT)
    }

    private func runChild(signal name: String, expected: Int32) throws {
        let pty = try PseudoTerminal(columns: 40, rows: 10)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        process.arguments = ["TUICursesTests.SignalRestoreTests/testChildOpensTerminalAndIsKilled"]
        var environment = ProcessInfo.processInfo.environment
        environment[Self.childFlag] = name
        environment["TERM"] = "xterm-256color"
        process.environment = environment
        let handle = FileHandle(fileDescriptor: pty.slave, closeOnDealloc: false)
        process.standardInput = handle
        process.standardOutput = handle
        process.standardError = FileHandle.nullDevice
        try process.run()
        var output = ""
        for _ in 0..<100 where process.isRunning { output += pty.readOutput(timeout: 100) }
        process.waitUntilExit()
        output += pty.readOutput(timeout: 100)
        XCTAssertEqual(process.terminationReason, .uncaughtSignal, output.debugDescription)
        XCTAssertEqual(process.terminationStatus, expected)
        XCTAssertTrue(output.contains("child-frame"), "the child drew a frame")
        guard let drawn = output.range(of: "child-frame") else { return }
        let after = output[drawn.upperBound...]
        XCTAssertTrue(after.contains("\u{1B}[?1049l"), "alternate screen left after the signal: \(after.debugDescription)")
        XCTAssertTrue(after.contains("\u{1B}[?1006l"), "mouse reporting switched off")
        XCTAssertTrue(after.contains("\u{1B}[?2004l"), "bracketed paste switched off")
    }
}
